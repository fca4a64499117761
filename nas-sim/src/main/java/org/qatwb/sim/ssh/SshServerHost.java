package org.qatwb.sim.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;

/**
 * The simulated NAS's sshd: Apache MINA SSHD on 127.0.0.1 only, its own host key, public-key
 * authentication of one user and nothing else (no password, no keyboard-interactive, no shell,
 * no forwarding), every exec a real {@code /bin/sh -c}. TCP_NODELAY is on: without it each exec
 * waits out Nagle's delay (44 ms instead of 11 ms, DESIGN.md).
 */
public final class SshServerHost implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private final KeyPair hostKey;
    private final String user;
    private final PublicKey userKey;
    private final Map<String, String> env;
    private final Path home;
    private final Supplier<Duration> delay;

    private final Set<ExecCommand> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong execs = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicReference<Duration> dropAfter = new AtomicReference<>();
    private SshServer sshd;
    private ExecutorService pool;
    private ScheduledExecutorService timers;

    /**
     * @param hostKey the server's key pair
     * @param user    the one login name
     * @param userKey the one public key it may log in with
     * @param env     the environment of every exec
     * @param home    the working directory of every exec
     * @param delay   how late each exec starts (the slow-answers fault)
     */
    public SshServerHost(KeyPair hostKey, String user, PublicKey userKey, Map<String, String> env, Path home,
                         Supplier<Duration> delay) {
        this.hostKey = hostKey;
        this.user = user;
        this.userKey = userKey;
        this.env = Map.copyOf(env);
        this.home = home;
        this.delay = delay;
    }

    /** Starts listening on {@code port} (0: any free port) and returns the port. */
    public synchronized int start(int port) {
        if (sshd != null) {
            return sshd.getPort();
        }
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "qatwb-sim-exec-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qatwb-sim-drop");
            t.setDaemon(true);
            return t;
        });
        ExecContext ctx = new ExecContext(env, home, delay, pool, live);
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost(HOST);
        s.setPort(port);
        CoreModuleProperties.TCP_NODELAY.set(s, true);
        s.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        s.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        s.setPublickeyAuthenticator((name, key, session) -> user.equals(name) && KeyUtils.compareKeys(userKey, key));
        s.setPasswordAuthenticator(null);
        s.setKeyboardInteractiveAuthenticator(null);
        s.setCommandFactory((channel, command) -> {
            execs.incrementAndGet();
            return new ExecCommand(command, ctx);
        });
        s.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                connections.incrementAndGet();
                Duration d = dropAfter.get();
                if (d != null) {
                    scheduleDrop(session, d);
                }
            }
        });
        try {
            s.start();
        } catch (IOException e) {
            pool.shutdownNow();
            timers.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + HOST + ":" + port, e);
        }
        sshd = s;
        return s.getPort();
    }

    /** Execs started since this server was made (round trips, for the benchmarks). */
    public long execCount() {
        return execs.get();
    }

    /** Connections opened since this server was made. */
    public long connectionCount() {
        return connections.get();
    }

    public synchronized int port() {
        return sshd == null ? -1 : sshd.getPort();
    }

    /** Cuts every open connection now (a dropped network link). */
    public synchronized void dropAllConnections() {
        if (sshd != null) {
            for (Session s : sshd.getActiveSessions()) {
                s.close(true);
            }
        }
    }

    /**
     * Arms connection drops: every connection open now or opened later is cut {@code after} its
     * arming or its opening; null disarms (drops already scheduled still happen).
     */
    public synchronized void dropConnectionsAfter(Duration after) {
        dropAfter.set(after);
        if (after != null && sshd != null) {
            for (Session s : sshd.getActiveSessions()) {
                scheduleDrop(s, after);
            }
        }
    }

    private void scheduleDrop(Session session, Duration after) {
        ScheduledExecutorService t = timers;
        if (t != null && !t.isShutdown()) {
            t.schedule(() -> {
                session.close(true);
            }, Math.max(0, after.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops listening, cuts every connection and ends every exec's processes. */
    public synchronized void stop() {
        if (sshd == null) {
            return;
        }
        try {
            sshd.stop(true);
        } catch (IOException e) {
            // stopping anyway
        }
        for (ExecCommand c : live) {
            c.kill();
        }
        live.clear();
        pool.shutdownNow();
        timers.shutdownNow();
        sshd = null;
    }

    @Override
    public void close() {
        stop();
    }
}
