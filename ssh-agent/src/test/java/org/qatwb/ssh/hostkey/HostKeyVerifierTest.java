package org.qatwb.ssh.hostkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.ssh.testing.SshKeygen;

class HostKeyVerifierTest {

    @TempDir
    Path dir;
    Path kh;
    HostPublicKey key;
    HostPublicKey other;
    final List<UnknownHostKey> asked = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        kh = dir.resolve("known_hosts");
        key = SshKeygen.publicKey(SshKeygen.generate(dir.resolve("k"), "ed25519", ""));
        other = SshKeygen.publicKey(SshKeygen.generate(dir.resolve("o"), "ed25519", ""));
    }

    private HostKeyVerifier verifier(boolean acceptNew, HostKeyDecision answer) {
        HostKeyPrompt prompt = k -> {
            asked.add(k);
            return answer;
        };
        return new HostKeyVerifier(kh, acceptNew, answer == null ? Optional.empty() : Optional.of(prompt));
    }

    @Test
    void unknownKeyAskedOnceLeavesTheFileAloneAndIsRemembered() throws Exception {
        HostKeyVerifier v = verifier(false, HostKeyDecision.ACCEPT_ONCE);

        assertInstanceOf(HostKeyOutcome.AcceptedOnce.class, v.check("127.0.0.1", 2222, key));
        assertEquals(1, asked.size());
        UnknownHostKey u = asked.get(0);
        assertEquals("[127.0.0.1]:2222", u.name());
        assertEquals(key.fingerprint(), u.fingerprint());
        assertEquals("ssh-ed25519", u.keyType());
        assertFalse(Files.exists(kh));

        assertInstanceOf(HostKeyOutcome.Known.class, v.check("127.0.0.1", 2222, key));
        assertEquals(1, asked.size());
    }

    @Test
    void acceptAndSaveAppendsAndIsKnownNextTime() throws Exception {
        HostKeyOutcome.Saved s = assertInstanceOf(HostKeyOutcome.Saved.class,
                verifier(false, HostKeyDecision.ACCEPT_AND_SAVE).check("nas1", 22, key));
        assertEquals(1, s.line());
        assertEquals("nas1 ssh-ed25519 " + key.base64() + "\n", Files.readString(kh));

        assertInstanceOf(HostKeyOutcome.Known.class, verifier(false, HostKeyDecision.REFUSE).check("nas1", 22, key));
        assertEquals(1, asked.size());
    }

    @Test
    void refusedOrNobodyToAsk() {
        HostKeyOutcome.NotAccepted r = assertInstanceOf(HostKeyOutcome.NotAccepted.class,
                verifier(false, HostKeyDecision.REFUSE).check("nas1", 22, key));
        assertTrue(r.asked());
        HostKeyOutcome.NotAccepted n = assertInstanceOf(HostKeyOutcome.NotAccepted.class,
                verifier(false, null).check("nas1", 22, key));
        assertFalse(n.asked());
        assertEquals(key.fingerprint(), n.key().fingerprint());
        assertFalse(Files.exists(kh));
    }

    @Test
    void acceptNewSavesWithoutAsking() throws Exception {
        assertInstanceOf(HostKeyOutcome.Saved.class, verifier(true, HostKeyDecision.REFUSE).check("nas1", 2222, key));
        assertEquals(List.of(), asked);
        assertTrue(Files.readString(kh).startsWith("[nas1]:2222 ssh-ed25519 "));
    }

    @Test
    void changedKeyIsRefusedWithoutAskingEvenWithAcceptNew() throws Exception {
        Files.writeString(kh, "# one\nnas1 " + other.type() + " " + other.base64() + "\n");
        HostKeyOutcome.Changed c = assertInstanceOf(HostKeyOutcome.Changed.class,
                verifier(true, HostKeyDecision.ACCEPT_AND_SAVE).check("nas1", 22, key));
        assertEquals(2, c.conflicting().line());
        assertEquals(other, c.conflicting().key());
        assertEquals(List.of(), asked);
        assertFalse(c.trusted());
    }

    @Test
    void revokedKeyIsRefused() throws Exception {
        Files.writeString(kh, "@revoked nas* " + key.type() + " " + key.base64() + "\n");
        HostKeyOutcome.Revoked r = assertInstanceOf(HostKeyOutcome.Revoked.class,
                verifier(true, HostKeyDecision.ACCEPT_AND_SAVE).check("nas1", 22, key));
        assertEquals(1, r.entry().line());
        assertEquals(List.of(), asked);
    }

    @Test
    void acceptNewAsksWhenTheHostIsKnownUnderAnotherKeyType() throws Exception {
        HostPublicKey ec = SshKeygen.publicKey(SshKeygen.generate(dir.resolve("ec"), "ecdsa", ""));
        Files.writeString(kh, "nas1 " + ec.type() + " " + ec.base64() + "\n@cert-authority * " + ec.type() + " "
                + ec.base64() + "\n");

        assertInstanceOf(HostKeyOutcome.NotAccepted.class, verifier(true, null).check("nas1", 22, key));
        assertInstanceOf(HostKeyOutcome.AcceptedOnce.class,
                verifier(true, HostKeyDecision.ACCEPT_ONCE).check("nas1", 22, key));
        List<String> notes = asked.get(0).notes();
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).endsWith("known_hosts:1 has a ecdsa-sha2-nistp256 key for this host,"
                + " but the server did not offer that type"), notes.get(0));
        assertTrue(notes.get(1).contains("known_hosts:2 is a @cert-authority entry"), notes.get(1));
    }

    @Test
    void aFailingPromptRefuses() {
        HostKeyVerifier v = new HostKeyVerifier(kh, false, Optional.of(k -> {
            throw new IllegalStateException("ui gone");
        }));
        assertInstanceOf(HostKeyOutcome.NotAccepted.class, v.check("nas1", 22, key));
    }

    // Off port 22: OpenSSH looks up [host]:port, and when nothing there has a key for the host it looks
    // again under the bare name (sshconnect.c, check_host_key, HOST_NEW with clobber_port); the real
    // ssh's verdicts on the same files are compared in openssh.PortlessKnownHostsOpenSshTest.

    @Test
    void offPort22AKeyOnABareHostNameLineIsKnown() throws Exception {
        Files.writeString(kh, "nas1 " + key.type() + " " + key.base64() + "\n");

        HostKeyOutcome.Known k = assertInstanceOf(HostKeyOutcome.Known.class,
                verifier(true, HostKeyDecision.REFUSE).check("nas1", 2222, key));
        assertEquals(1, k.line());
        assertEquals(List.of(), asked);
        assertEquals("nas1 " + key.type() + " " + key.base64() + "\n", Files.readString(kh), "nothing added");
    }

    @Test
    void offPort22AnotherKeyOnABareHostNameLineLeavesTheKeyNewNotChanged() throws Exception {
        Files.writeString(kh, "nas1 " + other.type() + " " + other.base64() + "\n");

        HostKeyOutcome.Saved s = assertInstanceOf(HostKeyOutcome.Saved.class,
                verifier(true, HostKeyDecision.REFUSE).check("nas1", 2222, key));
        assertEquals(2, s.line());
        assertTrue(Files.readString(kh).endsWith("[nas1]:2222 " + key.type() + " " + key.base64() + "\n"));
    }

    @Test
    void offPort22TheLineForThePortDecidesBeforeTheBareName() throws Exception {
        Files.writeString(kh, "[nas1]:2222 " + other.type() + " " + other.base64() + "\nnas1 " + key.type() + " "
                + key.base64() + "\n");

        assertInstanceOf(HostKeyOutcome.Changed.class, verifier(true, HostKeyDecision.ACCEPT_AND_SAVE).check("nas1", 2222, key));
        assertInstanceOf(HostKeyOutcome.Known.class, verifier(true, null).check("nas1", 22, key));
    }

    @Test
    void offPort22ABareNameRevocationStillRefuses() throws Exception {
        Files.writeString(kh, "@revoked nas1 " + key.type() + " " + key.base64() + "\n");

        assertInstanceOf(HostKeyOutcome.Revoked.class, verifier(true, HostKeyDecision.ACCEPT_AND_SAVE).check("nas1", 2222, key));
        assertEquals(List.of(), asked);
    }

    @Test
    void offPort22ABareNameCertAuthorityIsNamedAsIgnored() throws Exception {
        Files.writeString(kh, "@cert-authority nas1 " + other.type() + " " + other.base64() + "\n");

        verifier(false, HostKeyDecision.REFUSE).check("nas1", 2222, key);
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).notes().get(0).contains("known_hosts:1 is a @cert-authority entry"), asked.get(0).notes().toString());
    }
}
