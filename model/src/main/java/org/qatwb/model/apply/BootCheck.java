package org.qatwb.model.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * The last boot check's outcome, as the agent keeps it in {@code /var/lib/qatwb/boot/last}
 * ({@code KEY VALUE} lines; docs/agent-protocol.md, "The boot check").
 *
 * @param outcome      what the boot check found
 * @param transactions the transactions it checked, oldest first
 * @param message      one line: what it found, with the driver's words when it rolled back
 * @param bootId       the kernel's boot id of that boot ({@code /proc/sys/kernel/random/boot_id}), when known
 * @param uptime       seconds since that boot when it ran, when known
 */
public record BootCheck(Outcome outcome, List<String> transactions, String message, Optional<String> bootId,
        OptionalLong uptime) {

    /** The outcomes the agent writes. */
    public enum Outcome {
        /** The devices are up and the driver's dev_cfg shows the staged configuration. */
        VERIFIED("verified"),
        /** The devices are up; dev_cfg could not be compared (no debugfs, or an agent without it). */
        UNVERIFIED("unverified"),
        /** The driver refused the staged files: the previous ones are back and QAT is up on them. */
        ROLLED_BACK("rolled-back"),
        /** The driver refused the staged files and putting the previous ones back did not complete. */
        ROLLBACK_FAILED("rollback-failed");

        private final String wire;

        Outcome(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        static Optional<Outcome> ofWire(String w) {
            for (Outcome o : values()) {
                if (o.wire.equals(w)) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }
    }

    /** The kernel's boot id: a UUID as /proc/sys/kernel/random/boot_id prints it (the agent writes '-' when unknown). */
    private static final String BOOT_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    public BootCheck {
        Objects.requireNonNull(outcome, "outcome");
        transactions = List.copyOf(transactions);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(bootId, "bootId");
        Objects.requireNonNull(uptime, "uptime");
    }

    /** Whether the staged layout runs now (verified, or up without a dev_cfg to compare). */
    public boolean runsNewLayout() {
        return outcome == Outcome.VERIFIED || outcome == Outcome.UNVERIFIED;
    }

    /** Parses {@code boot/last}; unknown keys are skipped (a newer agent may add some). */
    public static BootCheck parse(String text) throws ParseException {
        Outcome outcome = null;
        List<String> txs = List.of();
        String message = "";
        Optional<String> bootId = Optional.empty();
        OptionalLong uptime = OptionalLong.empty();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            int sp = line.indexOf(' ');
            String key = sp < 0 ? line : line.substring(0, sp);
            String value = sp < 0 ? "" : line.substring(sp + 1).strip();
            switch (key) {
                case "outcome" -> outcome = Outcome.ofWire(value).orElseThrow(() -> new ParseException(0,
                        "not a boot check outcome: " + Snippet.quote(value)));
                case "tx" -> txs = ids(value, n);
                case "message" -> message = Snippet.oneLine(value);
                case "boot_id" -> bootId = value.matches(BOOT_ID) ? Optional.of(value)
                        : Optional.empty();
                case "uptime" -> uptime = value.matches("[0-9]{1,12}") ? OptionalLong.of(Long.parseLong(value))
                        : OptionalLong.empty();
                default -> {
                    // a key this client does not know
                }
            }
        }
        if (outcome == null) {
            throw new ParseException(0, "the boot check's record has no outcome line");
        }
        return new BootCheck(outcome, txs, message, bootId, uptime);
    }

    private static List<String> ids(String value, int line) throws ParseException {
        List<String> ids = new ArrayList<>();
        for (String id : value.split(",")) {
            if (!TxId.isValid(id)) {
                throw new ParseException(line, "not a transaction id: " + Snippet.quote(id));
            }
            ids.add(id);
        }
        return ids;
    }
}
