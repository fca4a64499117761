package org.qatwb.ssh.hostkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.ssh.testing.Processes;
import org.qatwb.ssh.testing.SshKeygen;

class KnownHostsWriterTest {

    @TempDir
    Path dir;

    @Test
    void createsTheFile0600AndItsDirectories0700() throws Exception {
        HostPublicKey k = SshKeygen.publicKey(SshKeygen.generate(dir.resolve("k"), "ed25519", ""));
        Path kh = dir.resolve("home/.ssh/known_hosts");

        assertEquals(1, KnownHostsWriter.append(kh, "[127.0.0.1]:2222", k));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kh)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kh.getParent())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("home"))));
        assertEquals("[127.0.0.1]:2222 ssh-ed25519 " + k.base64() + "\n", Files.readString(kh));
    }

    @Test
    void appendsAfterALastLineWithoutNewlineAndKeepsEveryByte() throws Exception {
        HostPublicKey k = SshKeygen.publicKey(SshKeygen.generate(dir.resolve("k"), "ed25519", ""));
        Path kh = dir.resolve("known_hosts");
        String before = "# mine\r\n\nnas9 " + k.type() + " " + k.base64() + " note";
        Files.writeString(kh, before);

        assertEquals(4, KnownHostsWriter.append(kh, "nas1", k));
        assertEquals(before + "\nnas1 ssh-ed25519 " + k.base64() + "\n", Files.readString(kh));
        assertInstanceOf(KnownHostsVerdict.Known.class, KnownHostsFile.read(kh).verify("nas1", k));
    }

    @Test
    void hashesWhenTheFileIsHashedAndSshKeygenFindsIt() throws Exception {
        HostPublicKey k = SshKeygen.publicKey(SshKeygen.generate(dir.resolve("k"), "ed25519", ""));
        HostPublicKey other = SshKeygen.publicKey(SshKeygen.generate(dir.resolve("o"), "ed25519", ""));
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, "nas9 " + other.type() + " " + other.base64() + "\n");
        Processes.run(List.of(SshKeygen.SSH_KEYGEN.toString(), "-H", "-f", kh.toString()));

        int line = KnownHostsWriter.append(kh, "[127.0.0.1]:2222", k);

        String written = Files.readAllLines(kh).get(line - 1);
        assertTrue(written.startsWith("|1|"), written);
        assertFalse(written.contains("127.0.0.1"), written);
        String found = Processes.run(List.of(SshKeygen.SSH_KEYGEN.toString(), "-F", "[127.0.0.1]:2222", "-f",
                kh.toString()));
        assertTrue(found.contains(k.base64()), found);
    }
}
