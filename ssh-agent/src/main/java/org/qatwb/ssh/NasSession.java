package org.qatwb.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.qatwb.ssh.config.ConnectionSpec;
import org.qatwb.ssh.hostkey.HostKeyOutcome;
import org.qatwb.ssh.hostkey.HostKeyPrompt;
import org.qatwb.ssh.hostkey.HostKeyVerifier;
import org.qatwb.model.parse.Snippet;

/**
 * One SSH connection to one NAS (one JSch session), on which every request is one exec channel.
 *
 * <p>Connecting checks the host key against {@code known_hosts} ({@link HostKeyVerifier}) and
 * authenticates in ssh's order: the ssh-agent's keys, the key files (an encrypted one asks
 * {@link Credentials#passphrase} once the server accepts it), then keyboard-interactive and
 * password through {@link Credentials}. Failures are {@link NasConnectionException}s.
 *
 * <p>Thread-safe: several execs and streams may run at once on one session. A dropped connection
 * is not silently replaced: {@link #exec} then fails with {@link ConnectionLost}, and the caller
 * decides to {@link #ensureConnected()} (as {@link ReconnectingStream} does).
 */
public final class NasSession implements AutoCloseable {

    /** Connects and disconnects, with the destination: what an administrator or a bug report needs. Never a secret. */
    private static final System.Logger LOG = System.getLogger(NasSession.class.getName());

    private static final String AUTH_ORDER = "publickey,keyboard-interactive,password";

    private final ConnectionSpec spec;
    private final SessionSettings settings;
    private final Credentials credentials;
    private final HostKeyVerifier verifier;
    private final JSch jsch = new JSch();
    private final ScheduledExecutorService timer;
    private final Channels channels = new Channels();
    /** Held while connecting, which may wait for the user (prompts); readers never take it. */
    private final Object connectLock = new Object();
    private volatile Session session;
    private volatile HostKeyOutcome hostKey;
    private volatile boolean closed;

    private NasSession(ConnectionSpec spec, SessionSettings settings, HostKeyVerifier verifier, Credentials credentials) {
        this.spec = spec;
        this.settings = settings;
        this.credentials = credentials;
        this.verifier = verifier;
        jsch.setInstanceLogger(new JschLogger(settings.log()));
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "qatwb-ssh-timer " + spec.destination());
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        this.timer = t;
    }

    /**
     * Connects to the NAS {@code spec} describes.
     *
     * @param prompt who to ask about an unknown host key; empty when nobody can be asked (then only
     *     {@link ConnectionSpec#acceptNew()} lets an unknown key in)
     * @param credentials passphrases and passwords, asked only when needed
     */
    public static NasSession connect(ConnectionSpec spec, SessionSettings settings, Optional<HostKeyPrompt> prompt,
            Credentials credentials) throws NasConnectionException {
        return open(new NasSession(spec, settings, new HostKeyVerifier(spec.knownHosts(), spec.acceptNew(), prompt),
                credentials));
    }

    private static NasSession open(NasSession s) throws NasConnectionException {
        try {
            s.ensureConnected();
        } catch (NasConnectionException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * A second, new connection to the same NAS: the same settings and credentials, the same host
     * key checks (a key accepted once here is not asked about again). This session is left as it
     * is. A restart-now apply is confirmed over one: proof that the NAS still takes new connections
     * after QAT restarted, which an old connection cannot give. The caller closes it.
     */
    public NasSession connectAgain() throws NasConnectionException {
        if (closed) {
            throw new IllegalStateException("session closed");
        }
        return open(new NasSession(spec, settings, verifier, credentials));
    }

    public ConnectionSpec spec() {
        return spec;
    }

    /** Whether the SSH connection is up. Never blocks, not even while a connect waits for a prompt. */
    public boolean isConnected() {
        Session s = session;
        return s != null && s.isConnected();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** How the host key of the current (or last) connection was trusted. */
    public Optional<HostKeyOutcome> hostKey() {
        return Optional.ofNullable(hostKey);
    }

    /**
     * Connects again if the connection is down (the host key is checked again; a key accepted once
     * in this session is not asked about again). Does nothing while it is up.
     */
    public void ensureConnected() throws NasConnectionException {
        synchronized (connectLock) {
            connectLocked();
        }
    }

    private void connectLocked() throws NasConnectionException {
        if (closed) {
            throw new IllegalStateException("session closed");
        }
        Session old = session;
        if (old != null && old.isConnected()) {
            return;
        }
        if (old != null) {
            old.disconnect();
            session = null;
        }
        TimeoutSocketFactory socket = new TimeoutSocketFactory(millis(settings.connectTimeout()),
                millis(settings.authTimeout()));
        JschHostKeyRepository hostKeys = new JschHostKeyRepository(verifier, spec.hostName(), spec.port());
        AuthLog auth = new AuthLog();
        AuthIdentities identities = new AuthIdentities(jsch, spec.agentSocket(), spec.identities(), credentials, auth);
        Session s;
        try {
            s = jsch.getSession(spec.user(), spec.hostName(), spec.port());
            s.setSocketFactory(socket);
            s.setHostKeyRepository(hostKeys);
            s.setIdentityRepository(identities);
            s.setUserInfo(new JschUserInfo(credentials, spec.destination(), auth));
            s.setLogger(new JschLogger(settings.log()));
            s.setConfig("StrictHostKeyChecking", "yes");
            s.setConfig("HashKnownHosts", "no");
            s.setConfig("prefer_known_host_key_types", "yes");
            s.setConfig("PreferredAuthentications", AUTH_ORDER);
            s.setServerAliveInterval(millis(settings.keepaliveInterval()));
            s.setServerAliveCountMax(settings.keepaliveCountMax());
            s.setDaemonThread(true);
        } catch (JSchException e) {
            throw new Unreachable(Unreachable.Reason.HANDSHAKE_FAILED, spec.hostName(), spec.port(),
                    "cannot set up a connection to " + spec.destination() + ": " + Snippet.failure(e), e);
        }
        LOG.log(System.Logger.Level.INFO, "connecting to {0}", spec.destination());
        try {
            // 0: JSch would use the connect timeout as read timeout too; the socket factory sets both
            s.connect(0);
        } catch (JSchException e) {
            hostKey = hostKeys.outcome();
            NasConnectionException mapped = ConnectFailures.map(e, spec, settings, socket, hostKeys, auth);
            LOG.log(System.Logger.Level.WARNING, "not connected to " + spec.destination() + ": " + mapped.getMessage(), e);
            throw mapped;
        } finally {
            identities.clear(); // decrypted private keys do not outlive authentication
        }
        hostKey = hostKeys.outcome();
        session = s;
        LOG.log(System.Logger.Level.INFO, "connected to {0}", spec.destination());
        if (closed) {
            // close() ran while this connect waited for the user or the network
            s.disconnect();
            throw new IllegalStateException("session closed");
        }
    }

    /**
     * Runs {@code command} on one exec channel: writes {@code stdin} and closes it (the command reads
     * end of file), collects stdout, stderr and the exit status. The command is stopped (signalled
     * where the server allows, and its channel closed) when {@code timeout} passes.
     *
     * @throws ConnectionLost when the connection is down or drops during the command
     * @throws OutputLimitExceeded past {@link SessionSettings#maxStdoutBytes()} of stdout
     * @throws ExecTimedOut when the command outlives {@code timeout}
     * @throws ExecInterrupted when the calling thread is interrupted
     */
    public ExecResult exec(String command, byte[] stdin, Duration timeout)
            throws NasConnectionException, ExecException {
        return exec(command, stdin, timeout, Optional.empty());
    }

    /**
     * {@link #exec(String, byte[], Duration)}, with {@code reply}: stdin stays open after
     * {@code stdin} until stdout has shown the reply's trigger; then the reply's answer is written
     * and stdin closed. Without the trigger, stdin stays open until the command ends (or is stopped).
     */
    public ExecResult exec(String command, byte[] stdin, Duration timeout, Optional<StdinReply> reply)
            throws NasConnectionException, ExecException {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        CappedBuffer out = new CappedBuffer(settings.maxStdoutBytes(), true);
        CappedBuffer err = new CappedBuffer(settings.maxStderrBytes(), false);
        AtomicReference<OutputStream> open = new AtomicReference<>();
        ChannelOutput.Sink stdout = reply.<ChannelOutput.Sink>map(r -> {
            StdinReply.Watch watch = r.watch();
            return (b, off, len) -> {
                out.write(b, off, len);
                if (watch.feed(b, off, len)) {
                    // JSch's session thread calls this: the answer is written on another
                    timer.execute(() -> answer(open, r.answer()));
                }
            };
        }).orElse(out);
        ChannelOutput output = new ChannelOutput(stdout, err, () -> { });
        ChannelExec ch = channels.openExec(command, output);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> kill = timer.schedule(() -> {
            timedOut.set(true);
            stop(ch);
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            try {
                OutputStream in = ch.getOutputStream();
                if (reply.isEmpty()) {
                    try (in) {
                        in.write(stdin);
                    }
                } else {
                    synchronized (open) { // the answer waits for the script to be written whole
                        open.set(in);
                        in.write(stdin);
                        in.flush();
                    }
                }
            } catch (IOException e) {
                // the channel closed while stdin was written (timeout, cap, lost connection): see below
            }
            if (!output.awaitClosed(timeout.toMillis() + 10_000)) {
                stop(ch);
            }
        } catch (InterruptedException e) {
            stop(ch);
            Thread.currentThread().interrupt();
            throw new ExecInterrupted(describe(command));
        } finally {
            kill.cancel(false);
            ch.disconnect();
        }
        if (timedOut.get()) {
            throw new ExecTimedOut(describe(command), timeout);
        }
        if (out.overflowed()) {
            throw new OutputLimitExceeded(describe(command), settings.maxStdoutBytes());
        }
        int status = ch.getExitStatus();
        if (status < 0 && !output.remoteEof()) {
            throw new ConnectionLost(spec.hostName(), spec.port(),
                    "the connection to " + spec.destination() + " was lost while running " + describe(command), null);
        }
        return new ExecResult(status, out.toByteArray(), err.toByteArray(), err.overflowed());
    }

    /**
     * Starts {@code command} on one exec channel, writes {@code stdinPrefix} and keeps stdin open;
     * stdout is delivered to {@code listener} on a background thread as it arrives.
     * {@link ExecStream#close()} closes stdin (the agent's {@code stream} then stops) and the channel.
     */
    public ExecStream openStream(String command, byte[] stdinPrefix, StreamListener listener)
            throws NasConnectionException {
        return ExecStream.open(channels, command, stdinPrefix, listener, settings);
    }

    /** Closes the connection; running execs and streams end as lost. */
    @Override
    public void close() {
        closed = true;
        Session s = session;
        if (s != null) {
            s.disconnect();
            LOG.log(System.Logger.Level.INFO, "disconnected from {0}", spec.destination());
        }
        timer.shutdownNow();
    }

    /** Writes the reply and closes stdin (the command reads end of file after it). */
    private static void answer(AtomicReference<OutputStream> open, byte[] answer) {
        synchronized (open) {
            OutputStream in = open.getAndSet(null);
            if (in == null) {
                return; // the channel is gone
            }
            try (in) {
                in.write(answer);
                in.flush();
            } catch (IOException e) {
                // the channel closed meanwhile: the command reads end of file, as if no reply came
            }
        }
    }

    private static void stop(ChannelExec ch) {
        try {
            ch.sendSignal("TERM"); // TERM, not KILL: shells get to run their exit traps
        } catch (Exception e) {
            // the server may not support signals, or the channel is gone already
        }
        ch.disconnect();
    }

    private String describe(String command) {
        String c = command.length() > 60 ? command.substring(0, 57) + "..." : command;
        return "'" + c + "' on " + spec.destination();
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    /** Opens exec channels on the current connection; shared with {@link ExecStream}. */
    final class Channels {

        String destination() {
            return spec.destination();
        }

        ChannelExec openExec(String command, ChannelOutput output) throws NasConnectionException {
            Session s = session;
            if (closed) {
                throw new IllegalStateException("session closed");
            }
            if (s == null || !s.isConnected()) {
                throw new ConnectionLost(spec.hostName(), spec.port(),
                        "the connection to " + spec.destination() + " is down", null);
            }
            ChannelExec ch = null;
            try {
                ch = (ChannelExec) s.openChannel("exec");
                if (ch == null) {
                    throw new JSchException("channel not opened");
                }
                ch.setCommand(command);
                ch.setOutputStream(output.stdout, false);
                ch.setExtOutputStream(output.stderr, false);
                output.attach(ch);
                ch.connect(millis(settings.authTimeout()));
                return ch;
            } catch (JSchException e) {
                if (ch != null) {
                    ch.disconnect();
                }
                throw new ConnectionLost(spec.hostName(), spec.port(), (s.isConnected()
                        ? "the NAS refused a channel on " : "the connection was lost to ") + spec.destination()
                        + ": " + Snippet.failure(e), e);
            }
        }
    }
}
