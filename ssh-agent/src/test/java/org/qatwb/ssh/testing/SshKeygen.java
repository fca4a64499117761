package org.qatwb.ssh.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.qatwb.ssh.hostkey.HostPublicKey;

/** The real {@code ssh-keygen}, as key factory and as oracle for fingerprints and hashing. */
public final class SshKeygen {

    public static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    private SshKeygen() {
    }

    /** Skips the calling test when ssh-keygen is not installed. */
    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(SSH_KEYGEN), "needs " + SSH_KEYGEN + " (Debian package openssh-client)");
    }

    /** Generates a key pair {@code file} and {@code file.pub}; {@code passphrase} may be empty. */
    public static Path generate(Path file, String type, String passphrase) throws IOException {
        assumeInstalled();
        List<String> cmd = new ArrayList<>(List.of(SSH_KEYGEN.toString(), "-q", "-t", type, "-N", passphrase,
                "-C", "qatwb-test", "-f", file.toString()));
        if (type.equals("rsa")) {
            cmd.addAll(List.of("-b", "2048"));
        }
        Processes.run(cmd);
        return file;
    }

    /** The public key of a pair made by {@link #generate}. */
    public static HostPublicKey publicKey(Path privateKey) throws IOException {
        String[] fields = Files.readString(Path.of(privateKey + ".pub")).trim().split(" ");
        return HostPublicKey.ofBase64(fields[1]);
    }

    /** The {@code SHA256:...} field of {@code ssh-keygen -lf file}. */
    public static String fingerprint(Path publicKeyFile) throws IOException {
        String out = Processes.run(List.of(SSH_KEYGEN.toString(), "-l", "-E", "sha256", "-f", publicKeyFile.toString()));
        return out.trim().split(" ")[1];
    }
}
