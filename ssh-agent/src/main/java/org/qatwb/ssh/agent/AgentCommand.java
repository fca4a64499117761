package org.qatwb.ssh.agent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.qatwb.model.agent.AgentProtocol;
import org.qatwb.model.agent.AgentVerb;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyPaths;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.FileChange;
import org.qatwb.model.apply.RestorePoint;
import org.qatwb.model.apply.Sha256;
import org.qatwb.model.apply.TxId;
import org.qatwb.model.irq.IrqPin;
import org.qatwb.model.irq.IrqPinUnit;
import org.qatwb.model.persist.KeepList;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaKeepPlan;
import org.qatwb.ssh.StdinReply;

/**
 * One request to the agent, validated when built, rendered as the exec's command line
 * {@code sh -s -- COMMAND BOUNDARY SUDO [ARGS...]} with every argument quoted by {@link ShellQuote}
 * (the values are validated already; the quoting makes the line safe whatever they are).
 */
public sealed interface AgentCommand {

    /** Whether privileged reads and writes go through {@code sudo -n}. */
    boolean sudo();

    AgentVerb verb();

    /** The arguments after {@code COMMAND BOUNDARY SUDO}. */
    List<String> extraArguments();

    /** {@code COMMAND BOUNDARY SUDO [ARGS...]}, unquoted: what the script sees as {@code "$@"}. */
    default List<String> arguments(String boundary) {
        List<String> args = new ArrayList<>();
        args.add(verb().wire());
        args.add(AgentProtocol.requireBoundary(boundary));
        args.add(sudo() ? "1" : "0");
        args.addAll(extraArguments());
        return List.copyOf(args);
    }

    /** What the exec gets on stdin: the agent script, with a data section for apply and restore. */
    default byte[] stdin() {
        return AgentScript.bytes();
    }

    /**
     * What the client answers on the exec's stdin, and when: apply and restore wait for the
     * client's go once everything is staged (item {@code awaiting_go} with the transaction's id,
     * framed with this request's boundary), and cancel without it. Other commands: nothing.
     */
    default Optional<StdinReply> reply(String boundary) {
        return Optional.empty();
    }

    /** The go an apply or restore waits for: the exact awaiting_go item, then {@code go ID}. */
    static StdinReply go(String boundary, String txId) {
        String b = AgentProtocol.requireBoundary(boundary);
        String item = "\n@@" + b + " begin " + AWAITING_GO + "\n" + txId + "\n\n@@" + b + " end " + AWAITING_GO + " ok 0\n";
        return new StdinReply(item.getBytes(StandardCharsets.UTF_8), ("go " + txId + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The item an apply's exec prints when it waits for the client's go. */
    String AWAITING_GO = "awaiting_go";

    /** The exec's command line: {@code sh -s -- 'snapshot' '<boundary>' '0'}. */
    default String commandLine(String boundary) {
        StringBuilder line = new StringBuilder("sh -s --");
        for (String a : arguments(boundary)) {
            line.append(' ').append(ShellQuote.quote(a));
        }
        return line.toString();
    }

    /** Everything about QAT and ZFS on the NAS, in one round trip. */
    record Snapshot(boolean sudo) implements AgentCommand {
        @Override
        public AgentVerb verb() {
            return AgentVerb.SNAPSHOT;
        }

        @Override
        public List<String> extraArguments() {
            return List.of();
        }
    }

    /**
     * Kstat and fw_counters every interval until the client closes stdin.
     *
     * <p>With sudo the whole stream runs as root, under ONE {@code sudo -n sh}, where reading the
     * root-only fw_counters through sudo would take one sudo per device per tick, each a line in
     * the NAS's auth log (three PFs at 1 Hz: 260,000 a day). Where sudo may not run sh (a password,
     * or a sudoers list of commands) the agent runs as the login user with SUDO 1, as every other
     * command does. The choice is made by {@code sh}, whatever the login shell is.
     *
     * @param intervalMs {@value #MIN_INTERVAL_MS}..{@value #MAX_INTERVAL_MS}
     */
    record Stream(boolean sudo, int intervalMs) implements AgentCommand {
        public static final int MIN_INTERVAL_MS = 100;
        public static final int MAX_INTERVAL_MS = 3_600_000;
        /** $1 the command, $2 the boundary, $3 the interval. The probe gets no stdin: the script is there. */
        static final String AS_ROOT_IF_SUDO_MAY = "if sudo -n -l sh >/dev/null 2>&1 </dev/null;"
                + " then exec sudo -n sh -s -- \"$1\" \"$2\" 0 \"$3\"; fi; exec sh -s -- \"$1\" \"$2\" 1 \"$3\"";

        public Stream {
            if (intervalMs < MIN_INTERVAL_MS || intervalMs > MAX_INTERVAL_MS) {
                throw new IllegalArgumentException("the interval must be " + MIN_INTERVAL_MS + ".." + MAX_INTERVAL_MS
                        + " ms, not " + intervalMs);
            }
        }

        @Override
        public AgentVerb verb() {
            return AgentVerb.STREAM;
        }

        @Override
        public List<String> extraArguments() {
            return List.of(Integer.toString(intervalMs));
        }

        @Override
        public String commandLine(String boundary) {
            if (!sudo) {
                return AgentCommand.super.commandLine(boundary);
            }
            List<String> a = arguments(boundary);
            return "sh -c " + ShellQuote.quote(AS_ROOT_IF_SUDO_MAY) + " qatwb " + ShellQuote.quote(a.get(0)) + " "
                    + ShellQuote.quote(a.get(1)) + " " + ShellQuote.quote(a.get(3));
        }
    }

    /**
     * Writes one ZFS QAT parameter and reads it back.
     *
     * @param disable true writes 1 (offload off), false writes 0 (offload on)
     */
    record SetParam(boolean sudo, ZfsParam param, boolean disable) implements AgentCommand {
        public SetParam {
            Objects.requireNonNull(param, "param");
        }

        @Override
        public AgentVerb verb() {
            return AgentVerb.SET_PARAM;
        }

        @Override
        public List<String> extraArguments() {
            return List.of(param.shortName(), disable ? "1" : "0");
        }
    }

    /**
     * Keeps exactly these parameters at 0 after every boot: writes (or removes) the systemd unit,
     * or on TrueNAS the init script, that the model's {@code PersistPlan} shows. The agent builds the
     * text from the one validated word {@link KeepList#word}; nothing else is sent.
     *
     * @param keep the parameters to keep; empty removes ours
     */
    record PersistParams(boolean sudo, Set<ZfsParam> keep) implements AgentCommand {
        public PersistParams {
            keep = Collections.unmodifiableSet(keep.isEmpty() ? EnumSet.noneOf(ZfsParam.class) : EnumSet.copyOf(keep));
        }

        @Override
        public AgentVerb verb() {
            return AgentVerb.PERSIST_PARAMS;
        }

        @Override
        public List<String> extraArguments() {
            return List.of(KeepList.word(keep));
        }
    }

    /**
     * Pins VFs' completion interrupts now and keeps exactly these pins after every boot (the
     * agent's {@code irq-pin}, docs/agent-protocol.md); an empty list removes the unit. Each pin
     * is validated already ({@code IrqPin}); the agent checks the words again.
     */
    record IrqPins(boolean sudo, List<IrqPin> pins, java.util.Optional<org.qatwb.model.irq.IrqbalanceBan> irqbalance)
            implements AgentCommand {
        public IrqPins {
            pins = IrqPinUnit.sorted(pins);
            if (pins.size() > IrqPinUnit.MAX_PINS) {
                throw new IllegalArgumentException("at most " + IrqPinUnit.MAX_PINS + " pins");
            }
            Objects.requireNonNull(irqbalance, "irqbalance");
            if (irqbalance.isPresent() && irqbalance.get().envAfter().getBytes(StandardCharsets.UTF_8).length > 65536) {
                throw new IllegalArgumentException("irqbalance's environment file would be larger than 64 KiB");
            }
        }

        /** Without irqbalance's ban (irqbalance not running). */
        public IrqPins(boolean sudo, List<IrqPin> pins) {
            this(sudo, pins, java.util.Optional.empty());
        }

        @Override
        public AgentVerb verb() {
            return AgentVerb.IRQ_PIN;
        }

        /**
         * {@code [irqbalance PATH BEFORE AFTER SIZE] PIN...|none}: the environment file's path (one of
         * two), the sums of its bytes as read and to write, and the size; its new bytes travel in the data
         * section as file 1, never as words.
         */
        @Override
        public List<String> extraArguments() {
            List<String> args = new ArrayList<>();
            irqbalance.ifPresent(b -> {
                byte[] after = b.envAfter().getBytes(StandardCharsets.UTF_8);
                args.addAll(List.of("irqbalance", b.envPath(), Sha256.hex(b.envBefore().getBytes(StandardCharsets.UTF_8)),
                        Sha256.hex(after), Integer.toString(after.length)));
            });
            if (pins.isEmpty()) {
                args.add("none");
            } else {
                pins.stream().map(IrqPin::word).forEach(args::add);
            }
            return List.copyOf(args);
        }

        @Override
        public byte[] stdin() {
            if (irqbalance.isEmpty() || !irqbalance.get().envChanges()) {
                return AgentCommand.super.stdin();
            }
            return AgentScript.withData(AgentData.section(Map.of(1, irqbalance.get().envAfter().getBytes(StandardCharsets.UTF_8))));
        }
    }

    /**
     * Sets one Z.I.A. pool property ({@code zpool set}) and reads the pool's properties back. The
     * change's words are validated already (letters, digits and {@code _.:-}); the agent checks them again.
     */
    /**
     * Keeps one pool's Z.I.A. settings on the NAS and installs the re-apply hooks
     * (docs/decisions/0004): {@code zia-keep POOL [PROPERTY=VALUE...]}, the words of
     * {@link ZiaKeepPlan#words()}, each already a valid {@link ZiaChange}.
     */
    record ZiaKeep(boolean sudo, ZiaKeepPlan plan) implements AgentCommand {
        public ZiaKeep {
            Objects.requireNonNull(plan, "plan");
            if (plan.refusal().isPresent()) {
                throw new IllegalArgumentException(plan.refusal().get());
            }
        }

        @Override
        public AgentVerb verb() {
            return AgentVerb.ZIA_KEEP;
        }

        @Override
        public List<String> extraArguments() {
            List<String> args = new ArrayList<>();
            args.add(plan.pool());
            args.addAll(plan.words());
            return List.copyOf(args);
        }
    }

    /** Runs the installed re-apply script now, for one pool or all: {@code zia-reapply [POOL]}. */
    record ZiaReapply(boolean sudo, java.util.Optional<String> pool) implements AgentCommand {
        public ZiaReapply {
            Objects.requireNonNull(pool, "pool");
            pool.ifPresent(p -> {
                if (!ZiaChange.poolNameOk(p)) {
                    throw new IllegalArgumentException(ZiaChange.problem(p, org.qatwb.model.zia.ZiaProperty.COMPRESS, "off")
                            .orElseThrow());
                }
            });
        }

        @Override
        public AgentVerb verb() {
            return AgentVerb.ZIA_REAPPLY;
        }

        @Override
        public List<String> extraArguments() {
            return pool.map(List::of).orElse(List.of());
        }
    }

    record ZpoolSet(boolean sudo, ZiaChange change) implements AgentCommand {
        public ZpoolSet {
            Objects.requireNonNull(change, "change");
        }

        @Override
        public AgentVerb verb() {
            return AgentVerb.ZPOOL_SET;
        }

        @Override
        public List<String> extraArguments() {
            return List.of(change.pool(), change.property().wire(), change.value());
        }
    }

    /**
     * One transaction: the plan's files checked against what the snapshot read, backed up, staged,
     * renamed into place by a worker on the NAS; with a restart, QAT restarted and verified and a
     * rollback timer armed. The new bytes travel in the exec's data section ({@link AgentData}).
     *
     * @param txId the transaction's id ({@link TxId#next})
     */
    record Apply(boolean sudo, String txId, ApplyPlan plan) implements AgentCommand {
        /** Files per transaction, as the agent takes them (a c4xxx host has 131 conf files). */
        public static final int MAX_FILES = 256;
        private static final Pattern BSF = Pattern.compile("[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]");

        public Apply {
            TxId.require(txId);
            Objects.requireNonNull(plan, "plan");
            if (plan.changes().isEmpty() || plan.changes().size() > MAX_FILES) {
                throw new IllegalArgumentException("an apply writes 1.." + MAX_FILES + " files, not " + plan.changes().size());
            }
            for (FileChange c : plan.changes()) {
                ApplyPaths.requireWritable(c.path());
                if (c.after().length > AgentProtocol.ITEM_CAP) {
                    throw new IllegalArgumentException(c.path() + ": larger than " + AgentProtocol.ITEM_CAP + " bytes");
                }
            }
            for (String b : plan.expectedUp()) {
                if (!BSF.matcher(b).matches()) {
                    throw new IllegalArgumentException("not a device address (DDDD:BB:DD.F, lowercase): " + b);
                }
            }
            confirmSeconds(plan.confirmTimeout());
        }

        @Override
        public Optional<StdinReply> reply(String boundary) {
            return Optional.of(AgentCommand.go(boundary, txId));
        }

        @Override
        public AgentVerb verb() {
            return AgentVerb.APPLY;
        }

        @Override
        public List<String> extraArguments() {
            List<String> args = new ArrayList<>(List.of(txId, modeWord(plan.mode()),
                    Long.toString(confirmSeconds(plan.confirmTimeout())),
                    plan.expectedUp().isEmpty() ? "-" : String.join(",", new TreeSet<>(plan.expectedUp()))));
            for (FileChange c : plan.changes()) {
                byte[] after = c.after();
                args.add(c.path());
                args.add(c.before().map(Sha256::hex).orElse("-"));
                args.add(Sha256.hex(after));
                args.add(Integer.toString(after.length));
            }
            return args;
        }

        /** The script and the bytes of each file that changes (an unchanged file is only checked). */
        @Override
        public byte[] stdin() {
            Map<Integer, byte[]> files = new LinkedHashMap<>();
            List<FileChange> changes = plan.changes();
            for (int i = 0; i < changes.size(); i++) {
                if (changes.get(i).changes()) {
                    files.put(i + 1, changes.get(i).after());
                }
            }
            // always sent, even with --stage: the boot check verifies dev_cfg with it
            Map<String, byte[]> named = new LinkedHashMap<>();
            if (!plan.expect().lines().isEmpty()) {
                named.put("expect", plan.expect().wire().getBytes(StandardCharsets.US_ASCII));
            }
            if (!plan.expectBefore().lines().isEmpty()) {
                named.put("expect_before", plan.expectBefore().wire().getBytes(StandardCharsets.US_ASCII));
            }
            return AgentScript.withData(AgentData.section(files, named));
        }
    }

    /**
     * A new transaction that puts back the files of an earlier one, before or after it, through the
     * same checks, worker, timer and confirm. Only the agent's own copy travels as data.
     */
    record Restore(boolean sudo, String sourceId, RestorePoint point, String txId, ApplyMode mode, Duration confirmTimeout)
            implements AgentCommand {
        public Restore {
            TxId.require(sourceId);
            Objects.requireNonNull(point, "point");
            TxId.require(txId);
            Objects.requireNonNull(mode, "mode");
            confirmSeconds(confirmTimeout);
        }

        @Override
        public AgentVerb verb() {
            return AgentVerb.RESTORE;
        }

        @Override
        public List<String> extraArguments() {
            return List.of(sourceId, point.wire(), txId, modeWord(mode), Long.toString(confirmSeconds(confirmTimeout)));
        }

        @Override
        public byte[] stdin() {
            return AgentScript.withData(AgentData.section(Map.of()));
        }

        @Override
        public Optional<StdinReply> reply(String boundary) {
            return Optional.of(AgentCommand.go(boundary, txId));
        }
    }

    /**
     * One of the three commands that act on a transaction by its id alone, {@code VERB TXID}:
     * <ul>
     * <li>{@link AgentVerb#CONFIRM}: keeps a restarted transaction, stops its rollback timer (sent over
     * a new connection);</li>
     * <li>{@link AgentVerb#ABORT}: ends a transaction that has not ended: one awaiting its confirm rolls
     * back now (as its timer would), a staged or deferred one has its files put back and leaves the
     * boot's pending list;</li>
     * <li>{@link AgentVerb#UNLOCK}: releases a stale lock held by a transaction: recovered first when
     * its runner is gone; refused, nothing changed, while its runner still runs or it awaits its confirm.</li>
     * </ul>
     */
    record TxCommand(boolean sudo, AgentVerb verb, String txId) implements AgentCommand {
        /** The verbs that take a transaction's id and nothing else. */
        public static final Set<AgentVerb> VERBS = Collections.unmodifiableSet(
                EnumSet.of(AgentVerb.CONFIRM, AgentVerb.ABORT, AgentVerb.UNLOCK));

        public TxCommand {
            Objects.requireNonNull(verb, "verb");
            if (!VERBS.contains(verb)) {
                throw new IllegalArgumentException(verb.wire() + " is not one of " + VERBS);
            }
            TxId.require(txId);
        }

        public static TxCommand confirm(boolean sudo, String txId) {
            return new TxCommand(sudo, AgentVerb.CONFIRM, txId);
        }

        public static TxCommand abort(boolean sudo, String txId) {
            return new TxCommand(sudo, AgentVerb.ABORT, txId);
        }

        public static TxCommand unlock(boolean sudo, String txId) {
            return new TxCommand(sudo, AgentVerb.UNLOCK, txId);
        }

        @Override
        public List<String> extraArguments() {
            return List.of(txId);
        }
    }

    /**
     * Where a transaction is, after waiting up to {@code waitSeconds} for its worker: how a client
     * learns the outcome after the connection dropped during an apply.
     */
    record Status(boolean sudo, String txId, int waitSeconds) implements AgentCommand {
        public static final int MAX_WAIT_SECONDS = 600;

        public Status {
            TxId.require(txId);
            if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
                throw new IllegalArgumentException("the wait is 0.." + MAX_WAIT_SECONDS + " s, not " + waitSeconds);
            }
        }

        @Override
        public AgentVerb verb() {
            return AgentVerb.STATUS;
        }

        @Override
        public List<String> extraArguments() {
            return List.of(txId, Integer.toString(waitSeconds));
        }
    }

    /** The transactions the NAS keeps, with their files. */
    record History(boolean sudo) implements AgentCommand {
        @Override
        public AgentVerb verb() {
            return AgentVerb.HISTORY;
        }

        @Override
        public List<String> extraArguments() {
            return List.of();
        }
    }

    /**
     * The boot check as a boot runs it (docs/agent-protocol.md, "The boot check"): verifies the
     * pending transactions, rolls back what the driver refused; its log and outcome as items.
     */
    record BootCheck(boolean sudo) implements AgentCommand {
        @Override
        public AgentVerb verb() {
            return AgentVerb.BOOT_CHECK;
        }

        @Override
        public List<String> extraArguments() {
            return List.of();
        }
    }

    /** Reboots the NAS: the agent says what it runs, then runs it detached, a moment later. */
    record Reboot(boolean sudo) implements AgentCommand {
        @Override
        public AgentVerb verb() {
            return AgentVerb.REBOOT;
        }

        @Override
        public List<String> extraArguments() {
            return List.of();
        }
    }

    /** The confirm timeout as the agent takes it: whole seconds, 1..86400. */
    static long confirmSeconds(Duration d) {
        long s = (d.toMillis() + 999) / 1000;
        if (s < 1 || s > 86_400) {
            throw new IllegalArgumentException("the confirm timeout must be 1 s..24 h, not " + d);
        }
        return s;
    }

    private static String modeWord(ApplyMode m) {
        return m == ApplyMode.RESTART ? "restart" : "stage";
    }

    /** Who am I: the cheapest round trip, to check a connection. */
    record Probe(boolean sudo) implements AgentCommand {
        @Override
        public AgentVerb verb() {
            return AgentVerb.PROBE;
        }

        @Override
        public List<String> extraArguments() {
            return List.of();
        }
    }

    /** What a benchmark's plan needs (docs/agent-protocol.md "Benchmark"); changes nothing. */
    record BenchProbe(boolean sudo) implements AgentCommand {
        @Override
        public AgentVerb verb() {
            return AgentVerb.BENCH_PROBE;
        }

        @Override
        public List<String> extraArguments() {
            return List.of();
        }
    }

    /**
     * Starts benchmark {@code id} on the NAS and follows it until its clean-up: {@code bench-run ID
     * POOL SIZE_MIB COMPRESSIBILITY ENCRYPT}. The data section carries the agent itself, which the
     * detached worker runs from its own copy (as a transaction's worker does).
     */
    record BenchRun(boolean sudo, String id, String pool, long sizeMib, int compressibility, boolean encrypt)
            implements AgentCommand {
        static final Pattern POOL = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]{0,254}");

        public BenchRun {
            TxId.require(id);
            if (!POOL.matcher(pool).matches()) {
                throw new IllegalArgumentException("not a pool name: " + pool);
            }
            if (sizeMib < 1 || sizeMib > 1_048_576) {
                throw new IllegalArgumentException("the size is 1..1048576 MiB: " + sizeMib);
            }
            if (compressibility < 0 || compressibility > 100) {
                throw new IllegalArgumentException("the compressibility is 0..100: " + compressibility);
            }
        }

        @Override
        public AgentVerb verb() {
            return AgentVerb.BENCH_RUN;
        }

        @Override
        public List<String> extraArguments() {
            return List.of(id, pool, Long.toString(sizeMib), Integer.toString(compressibility), encrypt ? "1" : "0");
        }

        @Override
        public byte[] stdin() {
            return AgentScript.withData(AgentData.section(Map.of()));
        }
    }

    /** Stops benchmark {@code id} (from any connection) and reports its clean-up. */
    record BenchAbort(boolean sudo, String id) implements AgentCommand {
        public BenchAbort {
            TxId.require(id);
        }

        @Override
        public AgentVerb verb() {
            return AgentVerb.BENCH_ABORT;
        }

        @Override
        public List<String> extraArguments() {
            return List.of(id);
        }
    }
}
