package org.qatwb.ssh.openssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.ExecResult;
import org.qatwb.ssh.ExecTimedOut;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.OutputLimitExceeded;
import org.qatwb.ssh.SessionSettings;
import org.qatwb.ssh.hostkey.HostKeyOutcome;
import org.qatwb.ssh.testing.OpenSshServer;
import org.qatwb.ssh.testing.Specs;

/** One-shot execs against a real sshd. */
class ExecOpenSshTest {

    static OpenSshServer server;
    @TempDir
    Path dir;
    NasSession session;

    /** Started by the first test that runs (each test skips, saying why, where sshd cannot run). */
    void startServer() throws Exception {
        if (server == null) {
            server = OpenSshServer.start(Map.of("QATWB_ROOT", "/tmp/qatwb root"));
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @BeforeEach
    void connect() throws Exception {
        startServer();
        session = connect(Specs.fast());
    }

    private NasSession connect(SessionSettings settings) throws Exception {
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, server.knownHostsLine() + "\n");
        return NasSession.connect(Specs.spec(server.host(), server.port(), server.currentUser(),
                List.of(server.userKey()), kh, false, Optional.empty()), settings, Optional.empty(), Credentials.none());
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void execReturnsStdoutStderrAndExitStatus() throws Exception {
        assertTrue(session.isConnected());
        assertTrue(session.hostKey().orElseThrow() instanceof HostKeyOutcome.Known);

        ExecResult r = session.exec("echo hello; echo oops >&2; exit 3", new byte[0], Duration.ofSeconds(10));

        assertEquals("hello\n", r.stdoutText());
        assertEquals("oops\n", r.stderrText());
        assertEquals(3, r.exitStatus());
        assertFalse(r.stderrTruncated());
    }

    @Test
    void stdinIsDeliveredAndClosed() throws Exception {
        byte[] big = new byte[3 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        ExecResult copy = session.exec("cat", big, Duration.ofSeconds(20));
        assertArrayEquals(big, copy.stdout());
        assertEquals(0, copy.exitStatus());

        ExecResult script = session.exec("sh -s -- a 'b c'", "printf '%s|' \"$#\" \"$1\" \"$2\"\n"
                .getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
        assertEquals("2|a|b c|", script.stdoutText());
    }

    @Test
    void serverSideEnvironmentFromSetEnv() throws Exception {
        assertEquals("/tmp/qatwb root", session.exec("printf %s \"$QATWB_ROOT\"", new byte[0],
                Duration.ofSeconds(10)).stdoutText());
    }

    @Test
    void timeoutStopsTheCommandAndTheSessionLivesOn() throws Exception {
        long t0 = System.nanoTime();
        ExecTimedOut e = assertThrows(ExecTimedOut.class,
                () -> session.exec("sleep 30", new byte[0], Duration.ofMillis(500)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 5000, "took " + ms + " ms");
        assertTrue(e.getMessage().startsWith("'sleep 30' on " + server.currentUser() + "@127.0.0.1:" + server.port()
                + " did not finish within 500 ms"), e.getMessage());

        assertEquals("still here\n", session.exec("echo still here", new byte[0], Duration.ofSeconds(10)).stdoutText());
    }

    @Test
    void stdoutOverTheCapFailsAndStderrIsCut() throws Exception {
        session.close();
        session = connect(Specs.fast().withOutputLimits(1000, 100));

        OutputLimitExceeded e = assertThrows(OutputLimitExceeded.class,
                () -> session.exec("head -c 100000 /dev/zero", new byte[0], Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("more than 1000 bytes on stdout"), e.getMessage());

        ExecResult r = session.exec("head -c 5000 /dev/zero >&2; echo ok", new byte[0], Duration.ofSeconds(10));
        assertEquals("ok\n", r.stdoutText());
        assertEquals(100, r.stderr().length);
        assertTrue(r.stderrTruncated());
    }

    @Test
    void signalledCommandHasNoExitStatus() throws Exception {
        ExecResult r = session.exec("kill -9 $$", new byte[0], Duration.ofSeconds(10));
        assertEquals(-1, r.exitStatus());
    }

    @Test
    void manyExecsOnOneSession() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertEquals(i + "\n", session.exec("echo " + i, new byte[0], Duration.ofSeconds(10)).stdoutText());
        }
    }
}
