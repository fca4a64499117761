package org.qatwb.ssh.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.qatwb.ssh.hostkey.HostKeyOutcome;
import org.qatwb.ssh.hostkey.HostPublicKey;
import org.qatwb.ssh.testing.OpenSshServer;
import org.qatwb.ssh.testing.Processes;
import org.qatwb.ssh.testing.SshKeygen;
import org.qatwb.ssh.testing.Specs;

/**
 * known_hosts lines without a port, for a server off port 22: qatwb's verdict next to the real ssh's
 * on the same file and the same sshd, so that "as OpenSSH does" is measured, not assumed.
 */
class PortlessKnownHostsOpenSshTest {

    private static final Path SSH = Path.of("/usr/bin/ssh");

    static OpenSshServer server;
    @TempDir
    Path dir;

    @BeforeEach
    void startServer() throws Exception {
        assumeTrue(Files.isExecutable(SSH), "OpenSSH's client is not installed (Debian: openssh-client)");
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

    private Path knownHosts(String text) throws Exception {
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, text);
        return kh;
    }

    /** The real ssh, strict, non-interactive, with nothing but the given known_hosts. */
    private Processes.Result ssh(Path kh, String strict) throws Exception {
        return Processes.runAllowingFailure(List.of(SSH.toString(), "-F", "/dev/null", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=" + strict, "-o", "UserKnownHostsFile=" + kh,
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "CheckHostIP=no", "-o", "IdentitiesOnly=yes",
                "-o", "IdentityFile=" + server.userKey(), "-o", "ConnectTimeout=20", "-p", Integer.toString(server.port()),
                server.currentUser() + "@" + server.host(), "echo", "in"));
    }

    private NasSession qatwb(Path kh, boolean acceptNew) throws Exception {
        return NasSession.connect(Specs.spec(server.host(), server.port(), server.currentUser(),
                List.of(server.userKey()), kh, acceptNew, Optional.empty()), Specs.fast(), Optional.empty(),
                Credentials.none());
    }

    private String line(String name, HostPublicKey k) {
        return name + " " + k.type() + " " + k.base64() + "\n";
    }

    private HostPublicKey otherKey() throws Exception {
        return SshKeygen.publicKey(SshKeygen.generate(dir.resolve("other"), "ed25519", ""));
    }

    @Test
    void theServersKeyUnderTheBareAddressIsTrustedByBoth() throws Exception {
        Path kh = knownHosts(line(server.host(), server.hostKey()));

        Processes.Result ssh = ssh(kh, "yes");
        assertEquals(0, ssh.exitStatus(), "ssh trusts it: " + ssh.output());
        assertTrue(ssh.output().contains("in"), ssh.output());
        try (NasSession s = qatwb(kh, false)) {
            assertInstanceOf(HostKeyOutcome.Known.class, s.hostKey().orElseThrow());
        }
        assertEquals(line(server.host(), server.hostKey()), Files.readString(kh), "neither added a line");
    }

    @Test
    void anotherKeyUnderTheBareAddressLeavesTheKeyUnknownNotChangedForBoth() throws Exception {
        Path kh = knownHosts(line(server.host(), otherKey()));

        Processes.Result ssh = ssh(kh, "yes");
        assertEquals(255, ssh.exitStatus(), ssh.output());
        assertTrue(ssh.output().contains("No ED25519 host key is known for [127.0.0.1]:" + server.port()), ssh.output());
        assertTrue(!ssh.output().contains("CHANGED"), ssh.output());
        HostKeyUnknown e = assertThrows(HostKeyUnknown.class, () -> qatwb(kh, false));
        assertEquals("[127.0.0.1]:" + server.port(), e.key().name());
    }

    @Test
    void aDifferentKeyUnderTheAddressAndPortIsAChangeForBothWhateverTheBareAddressSays() throws Exception {
        Path kh = knownHosts(line("[" + server.host() + "]:" + server.port(), otherKey())
                + line(server.host(), server.hostKey()));

        Processes.Result ssh = ssh(kh, "accept-new");
        assertEquals(255, ssh.exitStatus(), ssh.output());
        assertTrue(ssh.output().contains("REMOTE HOST IDENTIFICATION HAS CHANGED"), ssh.output());
        HostKeyChanged e = assertThrows(HostKeyChanged.class, () -> qatwb(kh, true));
        assertEquals(1, e.line());
    }

    @Test
    void aBareAddressRevocationIsWhereQatwbIsStricterThanSsh() throws Exception {
        Path kh = knownHosts("@revoked " + line(server.host(), server.hostKey()));

        // ssh looks at the bare address only for a key it can trust there; revoked there, the key is new
        Processes.Result ssh = ssh(kh, "accept-new");
        assertEquals(0, ssh.exitStatus(), ssh.output());
        assertTrue(Files.readString(kh).contains("[127.0.0.1]:" + server.port() + " ssh-ed25519"), "ssh saved it");

        Path again = knownHosts("@revoked " + line(server.host(), server.hostKey()));
        assertThrows(HostKeyRevoked.class, () -> qatwb(again, true));
        assertEquals("@revoked " + line(server.host(), server.hostKey()), Files.readString(again), "nothing saved");
    }

    @Test
    void theRefusalSaysHowToCheckTheKeyAndTheKeyscanItSuggestsPrintsThatFingerprint() throws Exception {
        Path kh = knownHosts("");
        HostKeyUnknown e = assertThrows(HostKeyUnknown.class, () -> qatwb(kh, false));
        String fp = server.hostKey().fingerprint();
        String keyscan = "ssh-keyscan -p " + server.port() + " -t ed25519 '127.0.0.1'";
        assertTrue(e.getMessage().contains("--accept-new"), e.getMessage());
        assertTrue(e.getMessage().contains("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub"), e.getMessage());
        assertTrue(e.getMessage().contains(keyscan + " >> " + kh), e.getMessage());
        assertTrue(e.getMessage().contains(keyscan + " | ssh-keygen -lf - prints the same fingerprint"), e.getMessage());

        // the commands as suggested, run for real: the fingerprint printed is the one shown, and the line
        // ssh-keyscan writes makes both ssh and qatwb trust the server
        String printed = Processes.run(List.of("sh", "-c", keyscan + " 2>/dev/null | ssh-keygen -lf -"));
        assertTrue(printed.contains(fp), printed + " vs " + fp);
        Processes.run(List.of("sh", "-c", keyscan + " 2>/dev/null >> " + kh));
        assertEquals(0, ssh(kh, "yes").exitStatus());
        try (NasSession s = qatwb(kh, false)) {
            assertInstanceOf(HostKeyOutcome.Known.class, s.hostKey().orElseThrow());
        }
    }
}
