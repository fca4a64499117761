package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.model.adf.AdfStatusParser;
import org.qatwb.model.adf.DeviceState;

/** The simulated NAS over real SSH: MINA's client, OpenSSH's ssh, and JSch (the project's client). */
class SshServerTest {

    static SimulatedNas nas;

    @BeforeAll
    static void start() {
        nas = SimulatedNas.start(SimOptions.driven("c62x"));
    }

    @AfterAll
    static void stop() {
        nas.close();
    }

    @Test
    void theEndpointIsLoopbackWithAKeyAKnownHostsLineAndAFingerprint() throws IOException {
        SimEndpoint e = nas.endpoint();
        assertEquals("127.0.0.1", e.host());
        assertEquals("admin", e.user());
        assertTrue(e.port() > 0);
        assertTrue(e.hostKeyFingerprint().matches("SHA256:[A-Za-z0-9+/]{43}"), e.hostKeyFingerprint());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(e.identity())));
        assertTrue(Files.readString(e.identity()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
        String known = Files.readString(e.knownHosts());
        assertTrue(known.startsWith("[127.0.0.1]:" + e.port() + " ssh-ed25519 AAAA"), known);
    }

    @Test
    void minaClientSeesFiftyOneDevicesUp() throws Exception {
        try (MinaClient c = new MinaClient(nas.endpoint())) {
            MinaClient.Result r = c.exec("adf_ctl status");
            assertEquals(0, r.rc(), r.err());
            var status = AdfStatusParser.parse(r.out());
            assertEquals(51, status.devices().size());
            assertTrue(status.devices().stream().allMatch(d -> d.state() == DeviceState.UP));
            MinaClient.Result env = c.exec("echo \"$QATWB_ROOT|$LC_ALL|$HOME\"; echo \"$PATH\" | cut -d: -f1");
            assertEquals(nas.root() + "|C|" + nas.environment().get("HOME") + "\n" + nas.root().resolve("sim-bin") + "\n",
                    env.out());
        }
    }

    @Test
    void exitStatusAndStderrComeBack() throws Exception {
        try (MinaClient c = new MinaClient(nas.endpoint())) {
            MinaClient.Result r = c.exec("echo out; echo err >&2; exit 7");
            assertEquals(new MinaClient.Result("out\n", "err\n", 7), r);
        }
    }

    @Test
    void aScriptStreamedOnStdinRunsAndItsEndOfFileReachesTheProcess() throws Exception {
        try (MinaClient c = new MinaClient(nas.endpoint())) {
            // the agent's way: sh -s with the script on stdin; then cat sees EOF when the client closes stdin
            MinaClient.Result r = c.exec("sh -s -- probe x", "echo \"$1 $2\"\nadf_ctl status | sed -n 2p\n");
            assertEquals("probe x\nThere is 51 QAT acceleration device(s) in the system:\n", r.out(), r.err());
            MinaClient.Result cat = c.exec("cat; echo eof", "line 1\nline 2");
            assertEquals("line 1\nline 2eof\n", cat.out());
        }
    }

    /**
     * What OpenSSH's sshd does when the client goes away from an exec without a pty: no signal
     * (serverloop.c server_loop2: channel_free_all and session_destroy_all only close the pipes),
     * so the process reads end of file on stdin, and its writes fail once nobody reads them.
     */
    @Test
    void closingTheChannelHangsUpWithoutASignal(@TempDir Path dir) throws Exception {
        try (MinaClient c = new MinaClient(nas.endpoint())) {
            Path log = dir.resolve("log");
            ChannelExec ch = c.session.createExecChannel(hangUpWitness(log));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ch.setOut(out);
            ch.setErr(new ByteArrayOutputStream());
            ch.open().verify(MinaClient.TIMEOUT);
            ProcessHandle proc = remotePid(out);
            ch.close(false).await(MinaClient.TIMEOUT); // the client's SSH_MSG_CHANNEL_CLOSE
            proc.onExit().get(10, TimeUnit.SECONDS);
            assertEquals("eof\nwrite failed\n", Files.readString(log), "no signal; end of file, then EPIPE");
        }
    }

    /** A shell that logs a signal, its stdin's end of file, and its first failed write, then ends. */
    private static String hangUpWitness(Path log) {
        String f = "'" + log + "'";
        return "echo $$; trap 'echo signal >>" + f + "; exit 1' HUP INT TERM; trap '' PIPE; cat >/dev/null; echo eof >>" + f
                + "; while echo tick 2>/dev/null; do sleep 0.05; done; echo 'write failed' >>" + f;
    }

    private static ProcessHandle remotePid(ByteArrayOutputStream out) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!out.toString(StandardCharsets.UTF_8).endsWith("\n") && System.nanoTime() < deadline) {
            Thread.sleep(10); // waiting for the remote process, not for a clock
        }
        ProcessHandle proc = ProcessHandle.of(Long.parseLong(out.toString(StandardCharsets.UTF_8).strip())).orElseThrow();
        assertTrue(proc.isAlive());
        return proc;
    }

    @Test
    void passwordAuthenticationIsOff() throws Exception {
        SimEndpoint e = nas.endpoint();
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((s, addr, key) -> true);
        client.start();
        try (ClientSession s = client.connect(e.user(), e.host(), e.port()).verify(MinaClient.TIMEOUT).getSession()) {
            s.addPasswordIdentity("admin");
            assertThrows(Exception.class, () -> s.auth().verify(MinaClient.TIMEOUT));
        } finally {
            client.stop();
        }
    }

    @Test
    void openSshClientRunsACommandWithTheGeneratedKeyAndKnownHosts() throws Exception {
        Path ssh = Path.of("/usr/bin/ssh");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(ssh), "OpenSSH client not installed");
        SimEndpoint e = nas.endpoint();
        Process p = new ProcessBuilder(ssh.toString(), "-F", "/dev/null", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + e.knownHosts(),
                "-o", "IdentitiesOnly=yes", "-i", e.identity().toString(), "-p", Integer.toString(e.port()),
                e.user() + "@" + e.host(), "adf_ctl status | head -2; systemctl is-active qat")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertEquals("Checking status of all devices.\nThere is 51 QAT acceleration device(s) in the system:\nactive\n", out);
    }

    @Test
    void jschReadsTheGeneratedKeyAndTrustsTheKnownHostsFile() throws Exception {
        SimEndpoint e = nas.endpoint();
        com.jcraft.jsch.JSch jsch = new com.jcraft.jsch.JSch();
        jsch.addIdentity(e.identity().toString());
        jsch.setKnownHosts(e.knownHosts().toString());
        com.jcraft.jsch.Session s = jsch.getSession(e.user(), e.host(), e.port());
        s.setConfig("StrictHostKeyChecking", "yes");
        s.connect(20_000);
        try {
            com.jcraft.jsch.ChannelExec ch = (com.jcraft.jsch.ChannelExec) s.openChannel("exec");
            ch.setCommand("systemctl is-active qat");
            var in = ch.getInputStream();
            ch.connect(20_000);
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("active\n", out);
        } finally {
            s.disconnect();
        }
    }

    @Test
    void slowAnswersDelayEachExec() throws Exception {
        try (MinaClient c = new MinaClient(nas.endpoint())) {
            nas.faults().slowAnswers(Duration.ofMillis(300));
            long t0 = System.nanoTime();
            assertEquals("x\n", c.exec("echo x").out());
            assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(300));
        } finally {
            nas.faults().slowAnswers(null);
        }
    }

    /** A dropped connection is a hang-up too: the session ends, its process gets no signal (see above). */
    @Test
    void droppingConnectionsCutsTheSessionAndHangsUpItsProcesses(@TempDir Path dir) throws Exception {
        try (MinaClient c = new MinaClient(nas.endpoint())) {
            Path log = dir.resolve("log");
            ChannelExec ch = c.session.createExecChannel(hangUpWitness(log));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ch.setOut(out);
            ch.setErr(new ByteArrayOutputStream());
            ch.open().verify(MinaClient.TIMEOUT);
            ProcessHandle proc = remotePid(out);
            nas.faults().dropAllConnections();
            var events = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), MinaClient.TIMEOUT);
            assertTrue(events.contains(ClientChannelEvent.CLOSED), events.toString());
            c.session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), MinaClient.TIMEOUT);
            assertTrue(c.session.isClosed() || c.session.isClosing());
            proc.onExit().get(10, TimeUnit.SECONDS);
            assertEquals("eof\nwrite failed\n", Files.readString(log));
        }
    }

    @Test
    void armedDropsCutNewConnectionsAfterTheirDelay() throws Exception {
        nas.faults().dropConnectionsAfter(Duration.ofMillis(200));
        try (MinaClient c = new MinaClient(nas.endpoint())) {
            c.session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), MinaClient.TIMEOUT);
            assertTrue(c.session.isClosed() || c.session.isClosing());
        } finally {
            nas.faults().dropConnectionsAfter(null);
        }
        try (MinaClient c = new MinaClient(nas.endpoint())) {
            assertEquals("ok\n", c.exec("echo ok").out());
        }
    }

    @Test
    void restartKeepsThePortTheHostKeyAndTheState(@TempDir Path dir) throws Exception {
        try (SimulatedNas own = SimulatedNas.start(SimOptions.driven("c62x").withStateDir(dir))) {
            SimEndpoint before = own.endpoint();
            Files.writeString(own.root().resolve("etc/c6xxvf_dev0.conf"), "# edited\n", StandardOpenOptionAppend.APPEND);
            own.restart();
            SimEndpoint after = own.endpoint();
            assertEquals(before, after);
            try (MinaClient c = new MinaClient(after)) {
                assertEquals("# edited\n", c.exec("tail -n 1 \"$QATWB_ROOT\"/etc/c6xxvf_dev0.conf").out());
            }
        }
        // a new simulator on the same state directory: same keys, the edited conf kept
        try (SimulatedNas again = SimulatedNas.start(SimOptions.driven("c62x").withStateDir(dir))) {
            assertTrue(Files.readString(again.root().resolve("etc/c6xxvf_dev0.conf")).endsWith("# edited\n"));
            assertEquals(Files.readString(dir.resolve("id_ed25519")), Files.readString(again.endpoint().identity()));
            assertNotEquals("", again.endpoint().hostKeyFingerprint());
        }
    }

    /** Spelled out so the test reads as a sentence. */
    private static final class StandardOpenOptionAppend {
        static final java.nio.file.OpenOption APPEND = java.nio.file.StandardOpenOption.APPEND;
    }

    @Test
    void stopClosesThePort() throws Exception {
        try (SimulatedNas own = SimulatedNas.start(SimOptions.driven("no-qat"))) {
            int port = own.endpoint().port();
            own.stop();
            assertThrows(IOException.class, () -> new java.net.Socket("127.0.0.1", port).close());
            own.restart();
            try (MinaClient c = new MinaClient(own.endpoint())) {
                assertEquals(List.of("tank", "tank/logs"), c.exec("zfs get -H -o name type").out().lines()
                        .map(l -> l.split("\t")[0]).toList());
            }
        }
    }
}
