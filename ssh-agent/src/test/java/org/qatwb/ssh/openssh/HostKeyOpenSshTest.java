package org.qatwb.ssh.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.HostKeyChanged;
import org.qatwb.ssh.HostKeyRevoked;
import org.qatwb.ssh.HostKeyUnknown;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.hostkey.HostKeyDecision;
import org.qatwb.ssh.hostkey.HostKeyOutcome;
import org.qatwb.ssh.hostkey.HostKeyPrompt;
import org.qatwb.ssh.hostkey.HostPublicKey;
import org.qatwb.ssh.hostkey.UnknownHostKey;
import org.qatwb.ssh.testing.OpenSshServer;
import org.qatwb.ssh.testing.RecordingCredentials;
import org.qatwb.ssh.testing.SshKeygen;
import org.qatwb.ssh.testing.Specs;

/** Host key trust against a real sshd. */
class HostKeyOpenSshTest {

    static OpenSshServer server;
    @TempDir
    Path dir;
    final List<UnknownHostKey> asked = new ArrayList<>();

    /** Started by the first test that runs (each test skips, saying why, where sshd cannot run). */
    @BeforeEach
    void startServer() throws Exception {
        if (server == null) {
            server = OpenSshServer.start();
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private Path knownHosts() {
        return dir.resolve("home/.ssh/known_hosts");
    }

    private HostKeyPrompt answering(HostKeyDecision d) {
        return k -> {
            asked.add(k);
            return d;
        };
    }

    private NasSession connect(boolean acceptNew, Optional<HostKeyPrompt> prompt, Credentials creds) throws Exception {
        return NasSession.connect(Specs.spec(server.host(), server.port(), server.currentUser(),
                List.of(server.userKey()), knownHosts(), acceptNew, Optional.empty()), Specs.fast(), prompt, creds);
    }

    private String sshKeygenFingerprint() throws Exception {
        return SshKeygen.fingerprint(server.directory().resolve("ssh_host_ed25519_key.pub"));
    }

    @Test
    void unknownKeyAcceptedOnceConnectsAndLeavesKnownHostsAlone() throws Exception {
        try (NasSession s = connect(false, Optional.of(answering(HostKeyDecision.ACCEPT_ONCE)), Credentials.none())) {
            assertEquals("ok\n", s.exec("echo ok", new byte[0], java.time.Duration.ofSeconds(10)).stdoutText());
            assertInstanceOf(HostKeyOutcome.AcceptedOnce.class, s.hostKey().orElseThrow());
        }
        assertEquals(1, asked.size());
        UnknownHostKey k = asked.get(0);
        assertEquals(sshKeygenFingerprint(), k.fingerprint());
        assertEquals("ssh-ed25519", k.keyType());
        assertEquals("127.0.0.1", k.host());
        assertEquals(server.port(), k.port());
        assertEquals("[127.0.0.1]:" + server.port(), k.name());
        assertFalse(Files.exists(knownHosts()));
    }

    @Test
    void acceptAndSaveAppendsTheKeyAndTheNextConnectDoesNotAsk() throws Exception {
        Files.createDirectories(knownHosts().getParent());
        Files.writeString(knownHosts(), "# kept\nother.example ssh-ed25519 " + server.hostKey().base64() + "\n");
        try (NasSession s = connect(false, Optional.of(answering(HostKeyDecision.ACCEPT_AND_SAVE)), Credentials.none())) {
            HostKeyOutcome.Saved saved = assertInstanceOf(HostKeyOutcome.Saved.class, s.hostKey().orElseThrow());
            assertEquals(3, saved.line());
        }
        assertEquals("# kept\nother.example ssh-ed25519 " + server.hostKey().base64() + "\n"
                + server.knownHostsLine() + "\n", Files.readString(knownHosts()));

        try (NasSession s = connect(false, Optional.of(answering(HostKeyDecision.REFUSE)), Credentials.none())) {
            assertTrue(s.isConnected());
        }
        assertEquals(1, asked.size());
    }

    @Test
    void refusedKeyIsHostKeyUnknown() {
        HostKeyUnknown e = assertThrows(HostKeyUnknown.class,
                () -> connect(false, Optional.of(answering(HostKeyDecision.REFUSE)), Credentials.none()));
        assertTrue(e.refusedByUser());
        assertEquals(1, asked.size());
        assertFalse(Files.exists(knownHosts()));
    }

    @Test
    void nonInteractiveUnknownKeySaysHowToAccept() throws Exception {
        HostKeyUnknown e = assertThrows(HostKeyUnknown.class, () -> connect(false, Optional.empty(), Credentials.none()));
        assertFalse(e.refusedByUser());
        assertTrue(e.getMessage().contains(sshKeygenFingerprint()), e.getMessage());
        assertTrue(e.getMessage().contains("--accept-new"), e.getMessage());
        assertTrue(e.getMessage().contains(knownHosts().toString()), e.getMessage());
        assertEquals(server.port(), e.port());
    }

    @Test
    void acceptNewSavesWithoutAskingAndCreatesTheFile0600() throws Exception {
        try (NasSession s = connect(true, Optional.of(answering(HostKeyDecision.REFUSE)), Credentials.none())) {
            assertInstanceOf(HostKeyOutcome.Saved.class, s.hostKey().orElseThrow());
        }
        assertEquals(List.of(), asked);
        assertEquals(server.knownHostsLine() + "\n", Files.readString(knownHosts()));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(knownHosts())));
    }

    @Test
    void changedKeyIsRefusedNamingTheLineAndNeverAuthenticates() throws Exception {
        HostPublicKey wrong = SshKeygen.publicKey(SshKeygen.generate(dir.resolve("wrong"), "ed25519", ""));
        Files.createDirectories(knownHosts().getParent());
        Files.writeString(knownHosts(), "# one\n\n[127.0.0.1]:" + server.port() + " " + wrong.type() + " "
                + wrong.base64() + "\n");
        RecordingCredentials creds = new RecordingCredentials("x", "y");
        long acceptedBefore = server.log().lines().filter(l -> l.contains("Accepted publickey")).count();

        HostKeyChanged e = assertThrows(HostKeyChanged.class,
                () -> connect(true, Optional.of(answering(HostKeyDecision.ACCEPT_AND_SAVE)), creds));

        assertEquals(3, e.line());
        assertEquals(knownHosts(), e.knownHosts());
        assertEquals(sshKeygenFingerprint(), e.offeredFingerprint());
        assertEquals(wrong.fingerprint(), e.knownFingerprint());
        assertTrue(e.getMessage().contains(knownHosts() + ":3"), e.getMessage());
        assertTrue(e.getMessage().contains("ssh-keygen -R '[127.0.0.1]:" + server.port() + "' -f " + knownHosts()),
                e.getMessage());
        assertEquals(List.of(), asked);
        assertEquals(List.of(), creds.asked);
        assertEquals(acceptedBefore, server.log().lines().filter(l -> l.contains("Accepted publickey")).count());
        assertTrue(Files.readString(knownHosts()).endsWith(wrong.base64() + "\n"), "file unchanged");
    }

    @Test
    void revokedKeyIsRefused() throws Exception {
        Files.createDirectories(knownHosts().getParent());
        Files.writeString(knownHosts(), server.knownHostsLine() + "\n@revoked * ssh-ed25519 "
                + server.hostKey().base64() + "\n");
        HostKeyRevoked e = assertThrows(HostKeyRevoked.class,
                () -> connect(true, Optional.of(answering(HostKeyDecision.ACCEPT_AND_SAVE)), Credentials.none()));
        assertEquals(2, e.line());
        assertEquals(List.of(), asked);
    }
}
