package org.qatwb.ssh.agent;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.qatwb.ssh.Backoff;
import org.qatwb.ssh.ConnectionLost;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.Unreachable;

/**
 * Runs a request over a new connection to the NAS, trying again (with backoff) while the NAS cannot
 * be reached, for up to a given time: after a QAT restart a link may take a while to come back.
 * Host key and authentication failures end it at once: they do not heal by waiting.
 */
final class FreshConnection {

    static final Backoff BACKOFF = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5), 2.0, 0.2);

    /** A request on one session. */
    @FunctionalInterface
    interface Call<T> {
        T on(NasSession fresh) throws NasConnectionException, AgentFailure, AgentClient.Lost;
    }

    private FreshConnection() {
    }

    static <T> T run(NasSession session, Duration patience, Call<T> call) throws NasConnectionException, AgentFailure {
        long deadline = System.nanoTime() + patience.toNanos();
        for (int attempt = 1; ; attempt++) {
            NasConnectionException failure;
            try (NasSession fresh = session.connectAgain()) {
                return call.on(fresh);
            } catch (Unreachable | ConnectionLost e) {
                failure = e;
            } catch (AgentClient.Lost e) {
                failure = e.cause();
            }
            Duration delay = BACKOFF.delay(attempt, ThreadLocalRandom.current()::nextDouble);
            if (System.nanoTime() + delay.toNanos() > deadline) {
                throw failure;
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }
}
