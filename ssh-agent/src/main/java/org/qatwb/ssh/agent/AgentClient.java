package org.qatwb.ssh.agent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.AgentVerb;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.agent.StreamFrameReader;
import org.qatwb.model.agent.StreamTick;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.RestorePoint;
import org.qatwb.model.apply.TxHistory;
import org.qatwb.model.apply.TxId;
import org.qatwb.model.apply.TxRecord;
import org.qatwb.model.apply.TxState;
import org.qatwb.model.apply.TxStep;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.bench.BenchEvent;
import org.qatwb.model.bench.BenchEventReader;
import org.qatwb.model.bench.BenchProbe;
import org.qatwb.model.irq.IrqPin;
import org.qatwb.model.irq.IrqPinOutcome;
import org.qatwb.model.persist.PersistOutcome;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaHookOutcome;
import org.qatwb.model.zia.ZiaKeepPlan;
import org.qatwb.model.zia.ZiaSetOutcome;
import org.qatwb.ssh.Backoff;
import org.qatwb.ssh.ConnectionLost;
import org.qatwb.ssh.ExecException;
import org.qatwb.ssh.ExecResult;
import org.qatwb.ssh.ExecTimedOut;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.OutputLimitExceeded;
import org.qatwb.ssh.ReconnectingStream;
import org.qatwb.ssh.StreamEnd;
import org.qatwb.ssh.StreamListener;
import org.qatwb.ssh.StreamRequest;
import org.qatwb.ssh.StreamStateListener;

/**
 * Runs agent requests over one NAS session: each request is one exec of the agent script with a
 * fresh boundary; every byte it prints is parsed in {@code model}.
 */
public final class AgentClient {

    /** Requests and their outcomes (org.qatwb.app.logging sets where this goes). */
    private static final System.Logger LOG = System.getLogger(AgentClient.class.getName());

    /** Snapshot and set-param answer in well under a second on a real NAS; this bounds a hung tool. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /**
     * An apply's exec: the agent waits up to 9 minutes for its worker (a QAT restart with 48 VFs
     * takes tens of seconds), then answers "in progress".
     */
    public static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(11);

    /** How long {@link #confirm(String)} keeps trying new connections. */
    public static final int CONFIRM_PATIENCE_SECONDS = 30;

    /** What the agent's {@code status} waits for a worker after a dropped connection (its limit is 600 s). */
    static final int STATUS_WAIT_SECONDS = 540;

    /** Trying new connections after a drop for at least this long, whatever the confirm timeout. */
    static final Duration MIN_PATIENCE = Duration.ofSeconds(60);

    private final NasSession session;
    private final boolean sudo;

    public AgentClient(NasSession session, boolean sudo) {
        this.session = session;
        this.sudo = sudo;
    }

    public NasSession session() {
        return session;
    }

    /** Whether privileged steps go through {@code sudo -n}. */
    public boolean sudo() {
        return sudo;
    }

    /** Everything the workbench shows, in one round trip. */
    public NasSnapshot snapshot() throws NasConnectionException, AgentFailure {
        return NasSnapshotReader.read(run(new AgentCommand.Snapshot(sudo)));
    }

    /** Writes one ZFS QAT parameter ({@code disable} true writes 1) and reads it back. */
    public SetParamOutcome setParam(ZfsParam param, boolean disable) throws NasConnectionException, AgentFailure {
        AgentOutput out = run(new AgentCommand.SetParam(sudo, param, disable));
        AgentFrame result = out.frame("set_param")
                .orElseThrow(() -> new AgentFailure("the agent's answer has no set_param item"));
        OptionalInt value = out.frame(param.itemName()).filter(AgentFrame::readable)
                .map(f -> parseInt(f.text().strip())).orElse(OptionalInt.empty());
        String message = result.status() == ItemStatus.OK ? "" : Snippet.output(result.text());
        return new SetParamOutcome(param, result.status(), value, message);
    }

    /**
     * Keeps exactly {@code keep} at 0 after every boot (empty: removes ours): the agent writes the
     * systemd unit, or on TrueNAS the init script, that {@code PersistPlan.of(snapshot.persistence(), keep)}
     * shows, and reads the result back. Steps that fail are in the outcome, not thrown.
     */
    public PersistOutcome persistParams(Set<ZfsParam> keep) throws NasConnectionException, AgentFailure {
        AgentCommand.PersistParams command = new AgentCommand.PersistParams(sudo, keep);
        AgentOutput out = run(command);
        try {
            return PersistOutcome.read(out, command.keep());
        } catch (ParseException e) {
            throw unreadable(e);
        }
    }

    /**
     * Pins VFs' interrupts now and keeps exactly {@code pins} after every boot (none: removes the
     * unit); what the agent did and read back is in the outcome, never thrown.
     */
    public IrqPinOutcome pinIrqs(List<IrqPin> pins) throws NasConnectionException, AgentFailure {
        return pinIrqs(pins, java.util.Optional.empty());
    }

    /**
     * {@link #pinIrqs(List)}, and, where irqbalance runs, its ban ({@code IrqbalanceBan}: its policy
     * script and environment file, irqbalance restarted when either changed).
     */
    public IrqPinOutcome pinIrqs(List<IrqPin> pins, java.util.Optional<org.qatwb.model.irq.IrqbalanceBan> irqbalance)
            throws NasConnectionException, AgentFailure {
        try {
            return IrqPinOutcome.read(run(new AgentCommand.IrqPins(sudo, pins, irqbalance)));
        } catch (ParseException e) {
            throw unreadable(e);
        }
    }

    /**
     * Sets one Z.I.A. pool property and reads the pool back; zpool's refusal is in the outcome,
     * not thrown.
     */
    public ZiaSetOutcome setPoolProperty(ZiaChange change) throws NasConnectionException, AgentFailure {
        try {
            return ZiaSetOutcome.read(run(new AgentCommand.ZpoolSet(sudo, change)), change);
        } catch (ParseException e) {
            throw unreadable(e);
        }
    }

    /** Keeps one pool's Z.I.A. settings on the NAS with the re-apply hooks; each step's refusal is in the outcome. */
    public ZiaHookOutcome keepZia(ZiaKeepPlan plan) throws NasConnectionException, AgentFailure {
        try {
            return ZiaHookOutcome.read(run(new AgentCommand.ZiaKeep(sudo, plan)));
        } catch (ParseException e) {
            throw unreadable(e);
        }
    }

    /** Sets the kept Z.I.A. settings again now (one pool, or all), as the hooks do at boot and import. */
    public ZiaHookOutcome reapplyZia(java.util.Optional<String> pool) throws NasConnectionException, AgentFailure {
        try {
            return ZiaHookOutcome.read(run(new AgentCommand.ZiaReapply(sudo, pool)));
        } catch (ParseException e) {
            throw unreadable(e);
        }
    }

    /**
     * Streams samples every {@code intervalMs} until the returned stream is closed, reconnecting
     * with backoff when the connection drops. Samples arrive on a background thread.
     */
    public ReconnectingStream stream(int intervalMs, Consumer<StreamSample> samples, StreamStateListener states) {
        AgentCommand.Stream command = new AgentCommand.Stream(sudo, intervalMs);
        AtomicReference<ReconnectingStream> self = new AtomicReference<>();
        ReconnectingStream stream = ReconnectingStream.start(session,
                () -> request(command, samples, () -> self.get().reopen()), states, Backoff.DEFAULT);
        self.set(stream);
        return stream;
    }

    private StreamRequest request(AgentCommand.Stream command, Consumer<StreamSample> samples, Runnable reopen) {
        String boundary = Boundary.random();
        StreamFrameReader reader = new StreamFrameReader(boundary);
        StreamListener listener = new StreamListener() {
            private boolean broken;

            @Override
            public void onData(byte[] chunk) {
                if (broken) {
                    return;
                }
                try {
                    for (StreamTick tick : reader.feed(chunk)) {
                        samples.accept(StreamSample.read(tick));
                    }
                } catch (ParseException e) {
                    // garbage on the stream: stop reading it and have a clean one opened
                    broken = true;
                    reopen.run();
                }
            }

            @Override
            public void onEnd(StreamEnd end) {
                // a stream that ends is reopened by ReconnectingStream; partial ticks are dropped
            }
        };
        return new StreamRequest(command.commandLine(boundary), AgentScript.bytes(), listener);
    }

    // ---- the benchmark (docs/agent-protocol.md, "Benchmark") -----------------------------------------

    /** What a benchmark's plan needs: pools and their space, fio, the parameters. Changes nothing. */
    public BenchProbe benchProbe() throws NasConnectionException, AgentFailure {
        try {
            return BenchProbe.read(run(new AgentCommand.BenchProbe(sudo)));
        } catch (ParseException e) {
            throw unreadable(e);
        }
    }

    /**
     * Starts benchmark {@code id} on the NAS and returns at once; its events arrive on a background
     * thread, ending with {@link BenchEvent.Finished} (or a refusal).
     */
    public BenchExec benchRun(String id, String pool, long sizeMib, int compressibility, boolean encrypt,
            Consumer<BenchEvent> events) throws NasConnectionException {
        AgentCommand.BenchRun command = new AgentCommand.BenchRun(sudo, id, pool, sizeMib, compressibility, encrypt);
        LOG.log(System.Logger.Level.INFO, "bench-run " + id + " on " + session.spec().destination());
        return BenchExec.start(session, command, encrypt, events);
    }

    /**
     * Stops benchmark {@code id} over a NEW connection (the one running it may be gone) and reports
     * its clean-up as the NAS recorded it, waiting for it up to a minute on the NAS.
     */
    public List<BenchEvent> benchAbort(String id, Duration patience)
            throws NasConnectionException, AgentFailure {
        AgentCommand.BenchAbort command = new AgentCommand.BenchAbort(sudo, id);
        return FreshConnection.run(session, patience, fresh -> {
            String boundary = Boundary.random();
            ExecResult result;
            try {
                result = fresh.exec(command.commandLine(boundary), command.stdin(), Duration.ofSeconds(120));
            } catch (ConnectionLost e) {
                throw new Lost(e);
            } catch (ExecException e) {
                throw new AgentFailure("bench-abort failed: " + Snippet.failure(e), e);
            }
            if (result.exitStatus() != 0) {
                throw new AgentFailure("the agent (bench-abort) exited with status " + result.exitStatus());
            }
            BenchEventReader reader = new BenchEventReader(boundary,
                    AgentVerb.BENCH_ABORT, false);
            try {
                List<BenchEvent> events = reader.feed(result.stdout());
                reader.finish();
                return events;
            } catch (ParseException e) {
                throw unreadable(e);
            }
        });
    }

    // ---- transactions (docs/agent-protocol.md, "Transactions") -----------------------------------

    /**
     * Writes the plan's files as one transaction on the NAS, in ONE exec: checks, backups, staging,
     * the commit, and with {@link ApplyMode#RESTART} the restart, the verification and the rollback
     * timer. When the connection drops meanwhile (a QAT restart may take the link down) the NAS goes
     * on by itself; the outcome is then read over a new connection ({@code status}), trying for up
     * to the plan's confirm timeout. An outcome {@link TxState#AWAITING_CONFIRM} must be
     * {@link #confirm}ed, or the NAS rolls back by itself. Failed steps are in the outcome, not thrown.
     *
     * @throws IllegalArgumentException for a file qatwb does not write, or a plan too large to send
     */
    public ApplyOutcome apply(ApplyPlan plan) throws NasConnectionException, AgentFailure {
        String id = TxId.next(Instant.now());
        return transaction(new AgentCommand.Apply(sudo, id, plan), id, plan.mode(), plan.confirmTimeout());
    }

    /**
     * Puts back the files of transaction {@code txId} as they were {@code point} it, as a new
     * transaction (checks, backups, worker, restart and timer as {@link #apply}).
     */
    public ApplyOutcome restore(String txId, RestorePoint point, ApplyMode mode, Duration confirmTimeout)
            throws NasConnectionException, AgentFailure {
        String id = TxId.next(Instant.now());
        return transaction(new AgentCommand.Restore(sudo, txId, point, id, mode, confirmTimeout), id, mode, confirmTimeout);
    }

    /** {@link #confirm(String, Duration)}, trying new connections for up to {@value #CONFIRM_PATIENCE_SECONDS} s. */
    public ApplyOutcome confirm(String txId) throws NasConnectionException, AgentFailure {
        return confirm(txId, Duration.ofSeconds(CONFIRM_PATIENCE_SECONDS));
    }

    /**
     * Keeps a restarted transaction: stops its rollback timer. Always over a NEW connection (this
     * session's stays as it is): confirming proves that the NAS takes connections after the restart.
     * The outcome's state is {@code confirmed}, or what the timer made of it when it came first.
     *
     * @param patience how long to keep trying when the NAS cannot be reached
     */
    public ApplyOutcome confirm(String txId, Duration patience) throws NasConnectionException, AgentFailure {
        AgentCommand.TxCommand command = AgentCommand.TxCommand.confirm(sudo, txId);
        return FreshConnection.run(session, patience, fresh -> outcome(runTx(fresh, command, REQUEST_TIMEOUT), txId)
                .orElseThrow(() -> new AgentFailure("the NAS has no transaction " + txId)));
    }

    /** Where transaction {@code txId} is, after waiting up to {@code wait} for its worker; empty when the NAS never kept it. */
    public Optional<ApplyOutcome> status(String txId, Duration wait) throws NasConnectionException, AgentFailure {
        AgentCommand.Status command = new AgentCommand.Status(sudo, txId, (int) Math.min(wait.toSeconds(),
                AgentCommand.Status.MAX_WAIT_SECONDS));
        try {
            return outcome(runTx(session, command, wait.plus(REQUEST_TIMEOUT)), txId);
        } catch (Lost e) {
            throw e.cause();
        }
    }

    /** The transactions the NAS keeps with their backups, newest first. */
    public List<TxRecord> history() throws NasConnectionException, AgentFailure {
        return kept().transactions();
    }

    /** The transactions the NAS keeps, newest first, and the first backup of each file it ever wrote. */
    public TxHistory.Kept kept() throws NasConnectionException, AgentFailure {
        try {
            return TxHistory.readKept(run(new AgentCommand.History(sudo)));
        } catch (ParseException e) {
            throw unreadable(e);
        }
    }

    /**
     * Reboots the NAS: the agent answers with what it runs and the transactions the boot check will
     * verify, then runs {@code systemctl reboot} (else {@code reboot}) detached, a moment later.
     * Wait for it with {@link RebootWait}. A refusal (no tool, sudo denied) is in the answer, not thrown.
     */
    public RebootRequest reboot() throws NasConnectionException, AgentFailure {
        AgentOutput out;
        try {
            out = run(new AgentCommand.Reboot(sudo));
        } catch (ConnectionLost e) {
            // The agent starts the reboot detached a moment after it answers; on a loaded NAS the
            // machine can go down before the answer is read. Whether it did is for RebootWait to see
            // (the old connection gone, then a new boot id), never assumed from this.
            return new RebootRequest(ItemStatus.OK, "the connection dropped before the answer was read: the NAS is"
                    + " probably going down", List.of());
        }
        AgentFrame r = out.frame("reboot").orElseThrow(() -> new AgentFailure("the agent's answer has no reboot item"));
        List<String> pending = out.frame("boot_pending").filter(AgentFrame::readable)
                .map(f -> f.text().lines().map(String::strip).filter(TxId::isValid).toList()).orElse(List.of());
        return new RebootRequest(r.status(), Snippet.oneLine(r.text().strip()), pending);
    }

    /**
     * Ends transaction {@code txId} now: awaiting its confirm, it rolls back (QAT restarted on the old
     * files); staged or deferred, its files go back. Another state is refused (a failed step says so).
     */
    public ApplyOutcome abort(String txId) throws NasConnectionException, AgentFailure {
        return single(AgentCommand.TxCommand.abort(sudo, txId), txId);
    }

    /**
     * Releases the lock that transaction {@code txId} holds when it is stale (its runner is gone:
     * the NAS recovers it first). Refused, nothing changed, while its runner runs or it awaits its
     * confirm (a failed step says so); empty when the NAS never kept the transaction.
     */
    public Optional<ApplyOutcome> unlock(String txId) throws NasConnectionException, AgentFailure {
        try {
            return outcome(runTx(session, AgentCommand.TxCommand.unlock(sudo, txId), REQUEST_TIMEOUT), txId);
        } catch (Lost e) {
            throw e.cause();
        }
    }

    private ApplyOutcome single(AgentCommand command, String txId) throws NasConnectionException, AgentFailure {
        try {
            return outcome(runTx(session, command, TRANSACTION_TIMEOUT), txId)
                    .orElseThrow(() -> new AgentFailure("the NAS has no transaction " + txId));
        } catch (Lost e) {
            throw e.cause();
        }
    }

    /** The exec of a transaction was cut: the connection dropped, or it outlived its time. */
    static final class Lost extends Exception {
        private static final long serialVersionUID = 1L;
        private final NasConnectionException cause;

        Lost(NasConnectionException cause) {
            super(cause.getMessage(), cause);
            this.cause = cause;
        }

        NasConnectionException cause() {
            return cause;
        }
    }

    private ApplyOutcome transaction(AgentCommand command, String id, ApplyMode mode, Duration confirmTimeout)
            throws NasConnectionException, AgentFailure {
        try {
            return outcome(runTx(session, command, TRANSACTION_TIMEOUT), id)
                    .orElseThrow(() -> new AgentFailure("the agent's answer names no transaction"));
        } catch (Lost lost) {
            Duration patience = confirmTimeout.compareTo(MIN_PATIENCE) > 0 ? confirmTimeout : MIN_PATIENCE;
            AgentCommand.Status status = new AgentCommand.Status(sudo, id, STATUS_WAIT_SECONDS);
            return FreshConnection.run(session, patience, fresh -> outcome(
                    runTx(fresh, status, Duration.ofSeconds(STATUS_WAIT_SECONDS).plus(REQUEST_TIMEOUT)), id)
                    .orElseGet(() -> notStarted(id, mode, lost)));
        }
    }

    /** The NAS never kept the transaction: the exec was cut before it began; nothing changed. */
    private static ApplyOutcome notStarted(String id, ApplyMode mode, Lost lost) {
        TxRecord tx = new TxRecord(id, mode, TxState.REFUSED, Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), List.of());
        return new ApplyOutcome(tx, List.of(new TxStep("connection", ItemStatus.ERROR, 0,
                "the connection was lost before the NAS began the transaction; nothing was changed ("
                        + Snippet.failure(lost) + ")")), List.of());
    }

    private static Optional<ApplyOutcome> outcome(AgentOutput out, String id) throws AgentFailure {
        try {
            Optional<ApplyOutcome> o = ApplyOutcome.read(out);
            if (o.isPresent() && !o.get().tx().id().equals(id)) {
                throw new AgentFailure("the agent answered for transaction " + o.get().tx().id() + ", not " + id);
            }
            // a transaction's state as the NAS reports it: what an administrator looks for after an apply
            o.ifPresent(a -> LOG.log(System.Logger.Level.INFO, "transaction " + id + " (" + a.tx().mode().name()
                    .toLowerCase(java.util.Locale.ROOT) + "): " + a.tx().state().name().toLowerCase(java.util.Locale.ROOT)
                    + ", " + a.tx().files().size() + " file(s)"));
            return o;
        } catch (ParseException e) {
            throw unreadable(e);
        }
    }

    /** One exec of a transaction's command; a cut (lost connection, timeout, no exit status) is {@link Lost}. */
    private AgentOutput runTx(NasSession on, AgentCommand command, Duration timeout)
            throws NasConnectionException, AgentFailure, Lost {
        long start = System.nanoTime();
        try {
            AgentOutput out = runTxUnlogged(on, command, timeout);
            logOutcome(on, command, start, null);
            return out;
        } catch (NasConnectionException | AgentFailure | Lost | RuntimeException e) {
            logOutcome(on, command, start, e);
            throw e;
        }
    }

    private AgentOutput runTxUnlogged(NasSession on, AgentCommand command, Duration timeout)
            throws NasConnectionException, AgentFailure, Lost {
        String boundary = Boundary.random();
        ExecResult result;
        try {
            result = on.exec(command.commandLine(boundary), command.stdin(), timeout, command.reply(boundary));
        } catch (ConnectionLost e) {
            throw new Lost(e);
        } catch (ExecTimedOut e) {
            throw new Lost(new ConnectionLost(on.spec().hostName(), on.spec().port(), Snippet.failure(e), e));
        } catch (OutputLimitExceeded e) {
            throw tooLong(command, e);
        } catch (ExecException e) {
            throw new AgentFailure(command.verb().wire() + " failed: " + Snippet.failure(e), e);
        }
        if (result.exitStatus() < 0) {
            throw new Lost(new ConnectionLost(on.spec().hostName(), on.spec().port(),
                    "the agent (" + command.verb().wire() + ") ended without an exit status on " + on.spec().destination(), null));
        }
        return parse(command, boundary, result);
    }

    private AgentOutput run(AgentCommand command) throws NasConnectionException, AgentFailure {
        long start = System.nanoTime();
        try {
            AgentOutput out = runUnlogged(command);
            logOutcome(session, command, start, null);
            return out;
        } catch (NasConnectionException | AgentFailure | RuntimeException e) {
            logOutcome(session, command, start, e);
            throw e;
        }
    }

    private AgentOutput runUnlogged(AgentCommand command) throws NasConnectionException, AgentFailure {
        String boundary = Boundary.random();
        ExecResult result;
        try {
            result = session.exec(command.commandLine(boundary), command.stdin(), REQUEST_TIMEOUT);
        } catch (OutputLimitExceeded e) {
            throw tooLong(command, e);
        } catch (ExecException e) {
            throw new AgentFailure(command.verb().wire() + " failed: " + Snippet.failure(e), e);
        }
        return parse(command, boundary, result);
    }

    /**
     * One request and its outcome in the log: the verb, where, how long, and why it failed. Never
     * the command line or its stdin (a transaction's files), only what names the request.
     */
    private static void logOutcome(NasSession on, AgentCommand command, long startNanos, Exception failure) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        String what = command.verb().wire() + " on " + on.spec().destination();
        if (failure == null) {
            LOG.log(System.Logger.Level.INFO, what + ": done in " + ms + " ms");
        } else {
            LOG.log(System.Logger.Level.WARNING, what + ": failed after " + ms + " ms: " + Snippet.failure(failure), failure);
        }
    }

    private static AgentOutput parse(AgentCommand command, String boundary, ExecResult result) throws AgentFailure {
        if (result.exitStatus() != 0) {
            String err = new String(result.stderr(), StandardCharsets.UTF_8).strip();
            throw new AgentFailure("the agent (" + command.verb().wire() + ") exited with status " + result.exitStatus()
                    + (err.isEmpty() ? "" : ": " + Snippet.excerpt(err.lines().findFirst().orElse(""))));
        }
        try {
            return AgentOutput.parse(result.stdout(), boundary);
        } catch (ParseException e) {
            throw unreadable(e);
        }
    }

    /** The NAS printed more than a client reads of one request: no agent does, whatever the NAS holds. */
    private static AgentFailure tooLong(AgentCommand command, OutputLimitExceeded e) {
        return new AgentFailure("the NAS's answer to " + command.verb().wire() + " passed "
                + (e.limit() % (1 << 20) == 0 ? (e.limit() >> 20) + " MiB" : e.limit() + " bytes")
                + ", more than the agent ever prints (docs/agent-protocol.md, \"Limits\"); it was stopped", e);
    }

    /** What the client says when the agent's output does not parse: one message for every request. */
    private static AgentFailure unreadable(ParseException e) {
        return new AgentFailure("the agent's answer could not be read: " + Snippet.failure(e), e);
    }

    private static OptionalInt parseInt(String s) {
        try {
            return OptionalInt.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
