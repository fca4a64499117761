package org.qatwb.ssh.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.ssh.AuthenticationFailed;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.config.ConnectionSpec;
import org.qatwb.ssh.testing.OpenSshServer;
import org.qatwb.ssh.testing.RecordingCredentials;
import org.qatwb.ssh.testing.SshAgentProcess;
import org.qatwb.ssh.testing.SshKeygen;
import org.qatwb.ssh.testing.Specs;

/** Authentication and reachability against a real sshd. */
class AuthOpenSshTest {

    static OpenSshServer server;
    @TempDir
    Path dir;
    Path kh;

    /** Started by the first test that runs (each test skips, saying why, where sshd cannot run). */
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

    @BeforeEach
    void trustServer() throws Exception {
        startServer();
        kh = dir.resolve("known_hosts");
        Files.writeString(kh, server.knownHostsLine() + "\n");
    }

    private ConnectionSpec spec(List<Path> keys, Optional<Path> agent) {
        return Specs.spec(server.host(), server.port(), server.currentUser(), keys, kh, false, agent);
    }

    private static String echo(NasSession s) throws Exception {
        return s.exec("echo ok", new byte[0], Duration.ofSeconds(10)).stdoutText();
    }

    @Test
    void wrongKeyIsAuthenticationFailedNamingWhatWasTried() throws Exception {
        Path other = SshKeygen.generate(dir.resolve("other_key"), "ed25519", "");
        AuthenticationFailed e = assertThrows(AuthenticationFailed.class, () -> NasSession.connect(
                spec(List.of(other, dir.resolve("missing_key")), Optional.empty()), Specs.fast(), Optional.empty(),
                Credentials.none()));
        assertEquals(server.currentUser(), e.user());
        assertEquals(List.of("publickey"), e.serverMethods());
        assertTrue(e.getMessage().startsWith("permission denied for " + server.currentUser() + "@127.0.0.1 port "
                + server.port()), e.getMessage());
        assertTrue(e.getMessage().contains(other + " (offered)"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("missing_key") + " (no such file)"), e.getMessage());
        assertTrue(e.getMessage().contains("no ssh-agent"), e.getMessage());
    }

    @Test
    void sshAgentAloneAuthenticates() throws Exception {
        try (SshAgentProcess agent = SshAgentProcess.start(dir)) {
            agent.add(server.userKey());
            try (NasSession s = NasSession.connect(spec(List.of(), Optional.of(agent.socket())), Specs.fast(),
                    Optional.empty(), Credentials.none())) {
                assertEquals("ok\n", echo(s));
            }
        }
        assertTrue(server.log().contains("Accepted publickey for " + server.currentUser()), server.log());
    }

    @Test
    void emptyAgentFallsBackToKeyFiles() throws Exception {
        try (SshAgentProcess agent = SshAgentProcess.start(dir);
                NasSession s = NasSession.connect(spec(List.of(server.userKey()), Optional.of(agent.socket())),
                        Specs.fast(), Optional.empty(), Credentials.none())) {
            assertEquals("ok\n", echo(s));
        }
    }

    @Test
    void encryptedKeyAsksForItsPassphraseOnceTheServerAcceptsIt() throws Exception {
        Path enc = SshKeygen.generate(dir.resolve("enc_key"), "ed25519", "correct horse");
        Path decoy = SshKeygen.generate(dir.resolve("decoy_key"), "ed25519", "decoy pass");
        server.authorize(server.currentUser(), SshKeygen.publicKey(enc));
        RecordingCredentials creds = new RecordingCredentials("correct horse", null);

        try (NasSession s = NasSession.connect(spec(List.of(decoy, enc), Optional.empty()), Specs.fast(),
                Optional.empty(), creds)) {
            assertEquals("ok\n", echo(s));
        }
        // the decoy key is not authorized: the server refuses its public half, so ssh (and qatwb) never ask for it
        assertEquals(List.of("passphrase " + enc), creds.asked);
        assertTrue(creds.allWiped(), "passphrase arrays are zeroed after use");
    }

    @Test
    void wrongPassphraseIsAuthenticationFailedWithoutTheSecret() throws Exception {
        Path enc = SshKeygen.generate(dir.resolve("enc2_key"), "ed25519", "right-one");
        server.authorize(server.currentUser(), SshKeygen.publicKey(enc));
        RecordingCredentials creds = new RecordingCredentials("Wr0ngPassphrase!", null);
        StringBuilder log = new StringBuilder();

        AuthenticationFailed e = assertThrows(AuthenticationFailed.class, () -> NasSession.connect(
                spec(List.of(enc), Optional.empty()), Specs.fast().withLog((l, m) -> log.append(m).append('\n')),
                Optional.empty(), creds));

        assertEquals(3, creds.asked.size(), creds.asked.toString());
        assertTrue(e.getMessage().contains(enc + " (accepted by the server, wrong passphrase)"), e.getMessage());
        assertFalse(e.getMessage().contains("Wr0ngPassphrase!"));
        assertFalse(log.toString().contains("Wr0ngPassphrase!"));
        assertTrue(creds.allWiped());
    }
}
