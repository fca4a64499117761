package org.qatwb.ssh.hostkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.ssh.testing.Processes;
import org.qatwb.ssh.testing.SshKeygen;

class KnownHostsFileTest {

    @TempDir
    Path dir;
    HostPublicKey ed;
    HostPublicKey ed2;
    HostPublicKey ec;

    @BeforeEach
    void keys() throws Exception {
        ed = SshKeygen.publicKey(SshKeygen.generate(dir.resolve("ed"), "ed25519", ""));
        ed2 = SshKeygen.publicKey(SshKeygen.generate(dir.resolve("ed2"), "ed25519", ""));
        ec = SshKeygen.publicKey(SshKeygen.generate(dir.resolve("ec"), "ecdsa", ""));
    }

    private String line(String hosts, HostPublicKey k) {
        return hosts + " " + k.type() + " " + k.base64() + " comment words";
    }

    private KnownHostsFile file(String... lines) {
        return KnownHostsFile.parse(dir.resolve("known_hosts"), String.join("\n", lines) + "\n");
    }

    @Test
    void plainHostsCommaListsAndPorts() {
        KnownHostsFile f = file("# comment", "", line("nas1,10.0.0.5", ed), line("[nas1]:2222", ed2));

        assertEquals(3, ((KnownHostsVerdict.Known) f.verify("nas1", ed)).entry().line());
        assertInstanceOf(KnownHostsVerdict.Known.class, f.verify("10.0.0.5", ed));
        assertEquals(4, ((KnownHostsVerdict.Known) f.verify(HostKeyName.of("nas1", 2222), ed2)).entry().line());
        // port 2222 is another host as far as known_hosts is concerned
        assertInstanceOf(KnownHostsVerdict.Unknown.class, f.verify(HostKeyName.of("10.0.0.5", 2222), ed));
        assertInstanceOf(KnownHostsVerdict.Known.class, f.verify("NAS1", ed));
    }

    @Test
    void wildcardsAndNegation() {
        KnownHostsFile f = file(line("*.lan,!evil.lan", ed), line("[10.0.0.?]:2222", ec));

        assertInstanceOf(KnownHostsVerdict.Known.class, f.verify("nas.lan", ed));
        assertInstanceOf(KnownHostsVerdict.Unknown.class, f.verify("evil.lan", ed));
        assertInstanceOf(KnownHostsVerdict.Known.class, f.verify("[10.0.0.7]:2222", ec));
        assertInstanceOf(KnownHostsVerdict.Unknown.class, f.verify("[10.0.0.17]:2222", ec));
    }

    @Test
    void changedKeyNamesTheConflictingLine() {
        KnownHostsFile f = file("# header", line("nas1", ec), line("nas1", ed2));

        KnownHostsVerdict.Changed c = assertInstanceOf(KnownHostsVerdict.Changed.class, f.verify("nas1", ed));
        assertEquals(3, c.conflicting().line());
        assertEquals(ed2, c.conflicting().key());
    }

    @Test
    void severalKeyTypesPerHostAndOtherTypesReported() {
        KnownHostsFile f = file(line("nas1", ec), line("nas1", ed));
        assertInstanceOf(KnownHostsVerdict.Known.class, f.verify("nas1", ed));
        assertInstanceOf(KnownHostsVerdict.Known.class, f.verify("nas1", ec));

        KnownHostsVerdict.Unknown u = assertInstanceOf(KnownHostsVerdict.Unknown.class,
                file(line("nas1", ec)).verify("nas1", ed));
        assertEquals(List.of(1), u.otherTypes().stream().map(KnownHostsEntry::line).toList());
    }

    @Test
    void revokedWinsOverAKnownLine() {
        KnownHostsFile f = file(line("nas1", ed), "@revoked * " + ed.type() + " " + ed.base64());
        KnownHostsVerdict.Revoked r = assertInstanceOf(KnownHostsVerdict.Revoked.class, f.verify("nas1", ed));
        assertEquals(2, r.entry().line());
        assertEquals(Marker.REVOKED, r.entry().marker());
    }

    @Test
    void certAuthorityLinesAreIgnoredButReported() {
        KnownHostsFile f = file("@cert-authority *.lan " + ec.type() + " " + ec.base64());
        KnownHostsVerdict.Unknown u = assertInstanceOf(KnownHostsVerdict.Unknown.class, f.verify("nas.lan", ec));
        assertEquals(1, u.certAuthorities().size());
    }

    @Test
    void badLinesAreSkippedAndListed() {
        KnownHostsFile f = file("nas1 ssh-ed25519 !!notbase64!!", "@bogus nas1 " + ed.type() + " " + ed.base64(),
                "nas1 ssh-rsa " + ed.base64(), "nas1 1024 35 12345", line("nas1", ed));
        assertEquals(4, f.problems().size(), f.problems().toString());
        assertTrue(f.problems().get(2).contains("known_hosts:3: key type ssh-rsa does not match"), f.problems().get(2));
        assertEquals(5, ((KnownHostsVerdict.Known) f.verify("nas1", ed)).entry().line());
    }

    @Test
    void hashedEntriesWrittenBySshKeygenAreMatched() throws Exception {
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, line("nas1", ed) + "\n" + line("[10.0.0.5]:2222", ec) + "\n");
        Processes.run(List.of(SshKeygen.SSH_KEYGEN.toString(), "-H", "-f", kh.toString()));
        KnownHostsFile f = KnownHostsFile.read(kh);

        assertTrue(f.entries().stream().allMatch(KnownHostsEntry::hashed), f.entries().toString());
        assertTrue(f.hasHashedEntries());
        assertInstanceOf(KnownHostsVerdict.Known.class, f.verify("nas1", ed));
        assertInstanceOf(KnownHostsVerdict.Known.class, f.verify("[10.0.0.5]:2222", ec));
        assertInstanceOf(KnownHostsVerdict.Unknown.class, f.verify("10.0.0.5", ec));
        assertInstanceOf(KnownHostsVerdict.Changed.class, f.verify("nas1", ed2));
    }

    @Test
    void missingFileHasNoEntries() throws Exception {
        assertEquals(List.of(), KnownHostsFile.read(dir.resolve("none")).entries());
    }
}
