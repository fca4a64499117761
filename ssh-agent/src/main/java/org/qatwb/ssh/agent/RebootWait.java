package org.qatwb.ssh.agent;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.BootCheck;
import org.qatwb.model.apply.TxState;
import org.qatwb.model.parse.Snippet;
import org.qatwb.ssh.ConnectionLost;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.Unreachable;

/**
 * Waits for a NAS that was asked to reboot: until it goes away (the old connection drops, or a new
 * one is refused), until it takes connections again, then until its boot check has decided about
 * the transaction, all within one time limit, saying what it waits for as it goes. Each new
 * connection is verified as every connection is: a changed host key ends the wait with that error.
 * Checks run about once a second; nothing depends on how long one check takes.
 */
public final class RebootWait {

    /** Between two checks. */
    static final Duration POLL = Duration.ofSeconds(1);
    /** A line about the time down at most this often. */
    static final Duration DOWN_REPORT = Duration.ofSeconds(10);

    /** How the wait ended. */
    public sealed interface Result permits Back, NotBack {
    }

    /**
     * The NAS came back and its boot check decided: the transaction's outcome (booted, rolled-back,
     * rollback-failed), and the boot check's record when the snapshot had one.
     */
    public record Back(ApplyOutcome outcome, Optional<BootCheck> bootCheck, Duration down) implements Result {
        public Back {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(bootCheck, "bootCheck");
            Objects.requireNonNull(down, "down");
        }
    }

    /** The NAS did not go down, come back, or run its boot check within the limit: {@code why} says which. */
    public record NotBack(String why, Duration waited) implements Result {
        public NotBack {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(waited, "waited");
        }
    }

    /** What the wait checks with: the old session, new connections, the time. Tests give their own clock. */
    interface Clock {
        long nanos();

        void sleep(Duration d) throws InterruptedException;
    }

    private static final Clock SYSTEM = new Clock() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            Thread.sleep(d.toMillis());
        }
    };

    private final AgentClient client;
    private final Consumer<String> progress;
    private final Clock clock;

    public RebootWait(AgentClient client, Consumer<String> progress) {
        this(client, progress, SYSTEM);
    }

    RebootWait(AgentClient client, Consumer<String> progress, Clock clock) {
        this.client = client;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Waits up to {@code limit} for the reboot {@link AgentClient#reboot()} started and for the boot
     * check's verdict on {@code txId}.
     *
     * @throws NasConnectionException a failure waiting does not heal: a changed host key, refused authentication
     */
    public Result await(String txId, Duration limit) throws NasConnectionException, AgentFailure {
        long start = clock.nanos();
        long deadline = start + limit.toNanos();
        NasSession old = client.session();
        progress.accept("waiting for the NAS to go down");
        // down: the old connection dropped, or a new one cannot be made
        while (!wentDown(old)) {
            if (clock.nanos() > deadline) {
                return new NotBack("the NAS did not go down within " + limit.toSeconds() + " s: the reboot did not start", since(start));
            }
            pause();
        }
        long down = clock.nanos();
        progress.accept("the NAS is down");
        long lastReport = down;
        boolean announced = false;
        // A connection made before the machine really went down (the old one dropped early) is cut
        // again by the reboot: then this simply waits for the next one.
        while (true) {
            try (NasSession back = old.connectAgain()) {
                Duration downFor = Duration.ofNanos(clock.nanos() - down);
                if (!announced) {
                    progress.accept("back after " + downFor.toSeconds() + " s, reading the boot check");
                    announced = true;
                }
                AgentClient again = new AgentClient(back, client.sudo());
                while (true) {
                    Optional<ApplyOutcome> o = again.status(txId, Duration.ZERO);
                    if (o.isEmpty()) {
                        throw new AgentFailure("the NAS no longer has transaction " + txId);
                    }
                    TxState s = o.get().state();
                    if (s != TxState.STAGED && s != TxState.DEFERRED && o.get().result() != TxState.Result.IN_PROGRESS) {
                        return new Back(o.get(), again.snapshot().lastBootCheck(), downFor);
                    }
                    if (clock.nanos() > deadline) {
                        return new NotBack("the NAS is back, but its boot check has not decided about " + txId
                                + " within " + limit.toSeconds() + " s (state " + s.wire() + ")", since(start));
                    }
                    pause();
                }
            } catch (Unreachable | ConnectionLost e) {
                if (clock.nanos() > deadline) {
                    return new NotBack("the NAS did not come back within " + limit.toSeconds() + " s ("
                            + Snippet.failure(e) + ")", since(start));
                }
                if (clock.nanos() - lastReport >= DOWN_REPORT.toNanos()) {
                    lastReport = clock.nanos();
                    progress.accept("down for " + Duration.ofNanos(lastReport - down).toSeconds() + " s");
                }
                pause();
            }
        }
    }

    private boolean wentDown(NasSession old) throws NasConnectionException {
        if (!old.isConnected()) {
            return true;
        }
        try (NasSession probe = old.connectAgain()) {
            return false;
        } catch (Unreachable | ConnectionLost e) {
            return true;
        }
    }

    private Duration since(long start) {
        return Duration.ofNanos(clock.nanos() - start);
    }

    private void pause() throws AgentFailure {
        try {
            clock.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentFailure("interrupted while waiting for the NAS to reboot");
        }
    }
}
