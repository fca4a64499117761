package org.qatwb.ssh;

import java.time.Duration;
import org.qatwb.model.agent.AgentProtocol;

/**
 * Timeouts and limits of a {@link NasSession}.
 *
 * @param connectTimeout how long the TCP connection may take
 * @param authTimeout how long the server may stay silent during key exchange and authentication
 *     (time spent in the user's prompts does not count)
 * @param keepaliveInterval silence after which a keepalive is sent on an established session
 * @param keepaliveCountMax unanswered keepalives after which the session is dropped (as ssh's
 *     {@code ServerAliveCountMax})
 * @param maxStdoutBytes the most stdout one {@link NasSession#exec} accepts (the agent protocol's
 *     {@link AgentProtocol#OUTPUT_CAP}, 24 MiB)
 * @param maxStderrBytes the most stderr kept per exec or stream (the rest is dropped and flagged)
 * @param maxQueuedStreamBytes the most stream output waiting for a slow listener before the stream fails
 * @param streamCloseGrace how long {@link ExecStream#close()} waits for the remote to exit after its
 *     stdin is closed, before closing the channel
 * @param log where the SSH library's log goes
 */
public record SessionSettings(Duration connectTimeout, Duration authTimeout, Duration keepaliveInterval,
        int keepaliveCountMax, long maxStdoutBytes, long maxStderrBytes, long maxQueuedStreamBytes,
        Duration streamCloseGrace, SshLog log) {

    public SessionSettings {
        positive(connectTimeout, "connectTimeout");
        positive(authTimeout, "authTimeout");
        positive(keepaliveInterval, "keepaliveInterval");
        if (keepaliveCountMax < 1 || maxStdoutBytes < 1 || maxStderrBytes < 0 || maxQueuedStreamBytes < 1) {
            throw new IllegalArgumentException("counts and limits must be positive");
        }
        if (streamCloseGrace.isNegative()) {
            throw new IllegalArgumentException("streamCloseGrace must not be negative");
        }
    }

    private static void positive(Duration d, String name) {
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 ms and 24 days");
        }
    }

    /** 10 s to connect, 30 s for the handshake, keepalive every 15 s (3 missed: gone), 24 MiB stdout. */
    public static SessionSettings defaults() {
        return new SessionSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(15), 3,
                AgentProtocol.OUTPUT_CAP, 1L << 20, 16L << 20, Duration.ofSeconds(1), SshLog.NONE);
    }

    public SessionSettings withConnectTimeout(Duration d) {
        return new SessionSettings(d, authTimeout, keepaliveInterval, keepaliveCountMax, maxStdoutBytes,
                maxStderrBytes, maxQueuedStreamBytes, streamCloseGrace, log);
    }

    public SessionSettings withAuthTimeout(Duration d) {
        return new SessionSettings(connectTimeout, d, keepaliveInterval, keepaliveCountMax, maxStdoutBytes,
                maxStderrBytes, maxQueuedStreamBytes, streamCloseGrace, log);
    }

    public SessionSettings withKeepalive(Duration interval, int countMax) {
        return new SessionSettings(connectTimeout, authTimeout, interval, countMax, maxStdoutBytes, maxStderrBytes,
                maxQueuedStreamBytes, streamCloseGrace, log);
    }

    public SessionSettings withOutputLimits(long stdout, long stderr) {
        return new SessionSettings(connectTimeout, authTimeout, keepaliveInterval, keepaliveCountMax, stdout, stderr,
                maxQueuedStreamBytes, streamCloseGrace, log);
    }

    public SessionSettings withStreamCloseGrace(Duration d) {
        return new SessionSettings(connectTimeout, authTimeout, keepaliveInterval, keepaliveCountMax, maxStdoutBytes,
                maxStderrBytes, maxQueuedStreamBytes, d, log);
    }

    public SessionSettings withLog(SshLog l) {
        return new SessionSettings(connectTimeout, authTimeout, keepaliveInterval, keepaliveCountMax, maxStdoutBytes,
                maxStderrBytes, maxQueuedStreamBytes, streamCloseGrace, l);
    }
}
