package org.qatwb.ssh.hostkey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.ssh.testing.SshKeygen;

class FingerprintTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void fingerprintIsExactlyWhatSshKeygenPrints(String type) throws Exception {
        Path key = SshKeygen.generate(dir.resolve("k_" + type), type, "");
        HostPublicKey pub = SshKeygen.publicKey(key);

        assertEquals(SshKeygen.fingerprint(Path.of(key + ".pub")), pub.fingerprint());
        assertEquals(type.equals("ecdsa") ? "ecdsa-sha2-nistp256" : "ssh-" + type, pub.type());
    }
}
