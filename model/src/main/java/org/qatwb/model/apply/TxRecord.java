package org.qatwb.model.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * A transaction as the NAS keeps it: its plan, its state and its files (the agent's {@code tx}
 * item, and each {@code tx:ID} item of {@code history}).
 *
 * @param id        the transaction's id
 * @param mode      stage or restart
 * @param state     where it is
 * @param timeout   the confirm timeout of a restart (absent for a refusal before the NAS kept it)
 * @param expected  the devices (BSF) that must be up after the restart; empty: every device listed
 * @param runner    how the NAS runs the worker and the timer: {@code systemd} (transient units),
 *                  {@code setsid} or {@code nohup} (detached processes); empty when refused early
 * @param restoreOf the transaction whose files a restore puts back, and which of them
 * @param files     every file, in order
 */
public record TxRecord(String id, ApplyMode mode, TxState state, Optional<Duration> timeout, List<String> expected,
                       Optional<String> runner, Optional<Restore> restoreOf, List<TxFile> files) {

    /** The source of a restore: transaction {@code id}'s files, before or after it. */
    public record Restore(String id, RestorePoint point) {
        public Restore {
            TxId.require(id);
            Objects.requireNonNull(point, "point");
        }
    }

    public TxRecord {
        TxId.require(id);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(timeout, "timeout");
        expected = List.copyOf(expected);
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(restoreOf, "restoreOf");
        files = List.copyOf(files);
    }

    /** When the transaction was made (its id says). */
    public Instant time() {
        return TxId.time(id);
    }

    /** The files it writes or removes. */
    public List<TxFile> changed() {
        return files.stream().filter(f -> f.action() != TxFile.Action.KEEP).toList();
    }

    /** The agent's TX_FILES: files per transaction at most. */
    static final int MAX_FILES = 256;

    /** The agent's longest confirm timeout (a day). */
    static final long MAX_TIMEOUT_SECONDS = 86400;

    /** Reads the agent's summary: {@code KEY VALUE} lines, one {@code file N PATH BEFORE AFTER ACTION} per file. */
    public static TxRecord read(String text) throws ParseException {
        String id = null;
        ApplyMode mode = null;
        TxState state = null;
        Optional<Duration> timeout = Optional.empty();
        List<String> expected = List.of();
        Optional<String> runner = Optional.empty();
        Optional<Restore> restore = Optional.empty();
        List<TxFile> files = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            String[] w = line.split(" ", -1);
            String v = w.length > 1 ? w[1] : "";
            switch (w[0]) {
                case "id" -> id = requireWords(n, line, w, 2, TxId.isValid(v));
                case "mode" -> mode = mode(n, line, v);
                case "state" -> state = TxState.ofWire(v).orElseThrow(() -> bad(n, "unknown state", line));
                case "timeout" -> timeout = Optional.of(Duration.ofSeconds(seconds(n, line, v)));
                case "expected" -> expected = v.equals("-") || v.equals("none") ? List.of() : List.of(v.split(","));
                case "runner" -> runner = Optional.of(v);
                case "source" -> restore = source(n, line, w);
                case "file" -> {
                    if (files.size() == MAX_FILES) {
                        throw bad(n, "more than " + MAX_FILES + " files, the most the agent takes", line);
                    }
                    files.add(file(n, line, w));
                }
                default -> {
                    // a later agent may say more: ignored
                }
            }
        }
        if (id == null || mode == null || state == null) {
            throw new ParseException(0, "a transaction summary without id, mode or state: " + Snippet.quote(text));
        }
        return new TxRecord(id, mode, state, timeout, expected, runner, restore, files);
    }

    private static String requireWords(int n, String line, String[] w, int count, boolean ok) throws ParseException {
        if (w.length != count || !ok) {
            throw bad(n, "malformed", line);
        }
        return w[1];
    }

    private static ApplyMode mode(int n, String line, String v) throws ParseException {
        return switch (v) {
            case "stage" -> ApplyMode.STAGE;
            case "restart" -> ApplyMode.RESTART;
            default -> throw bad(n, "unknown mode", line);
        };
    }

    /** The agent takes a confirm timeout of 0..86400 seconds; anything else is not its word. */
    private static long seconds(int n, String line, String v) throws ParseException {
        if (!v.matches("[0-9]{1,5}") || Long.parseLong(v) > MAX_TIMEOUT_SECONDS) {
            throw bad(n, "not a timeout of 0.." + MAX_TIMEOUT_SECONDS + " seconds", line);
        }
        return Long.parseLong(v);
    }

    private static Optional<Restore> source(int n, String line, String[] w) throws ParseException {
        if (w.length == 2 && w[1].equals("apply")) {
            return Optional.empty();
        }
        if (w.length == 4 && w[1].equals("restore") && TxId.isValid(w[2])) {
            RestorePoint p = Arrays.stream(RestorePoint.values()).filter(r -> r.wire().equals(w[3])).findFirst()
                    .orElseThrow(() -> bad(n, "unknown restore point", line));
            return Optional.of(new Restore(w[2], p));
        }
        throw bad(n, "unknown source", line);
    }

    private static TxFile file(int n, String line, String[] w) throws ParseException {
        if (w.length != 6) {
            throw bad(n, "malformed file line", line);
        }
        TxFile.Action action;
        try {
            action = TxFile.Action.valueOf(w[5].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(n, "unknown action", line);
        }
        return new TxFile(w[2], sum(n, line, w[3]), sum(n, line, w[4]), action);
    }

    private static Optional<String> sum(int n, String line, String s) throws ParseException {
        if (s.equals("-")) {
            return Optional.empty();
        }
        if (!s.matches("[0-9a-f]{64}")) {
            throw bad(n, "not a sha256", line);
        }
        return Optional.of(s);
    }

    private static ParseException bad(int n, String what, String line) {
        return new ParseException(n, "transaction summary: " + what + ": " + Snippet.quote(line));
    }
}
