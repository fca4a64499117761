package org.qatwb.sim.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Iterator;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The simulator's key pairs, kept in its state directory: generated once (ed25519, in OpenSSH's
 * format, which OpenSSH and JSch both read), loaded again on every later start.
 */
public final class SshKeys {

    private SshKeys() {
    }

    /** Loads the key pair in {@code privateKey}, or makes one there (private 0600, public beside it as {@code .pub}). */
    public static KeyPair loadOrCreate(Path privateKey, String comment) {
        try {
            if (Files.isRegularFile(privateKey)) {
                Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, () -> privateKey.toString(),
                        Files.newInputStream(privateKey), null);
                Iterator<KeyPair> it = pairs.iterator();
                if (it.hasNext()) {
                    return it.next();
                }
                throw new IllegalStateException("no key in " + privateKey);
            }
            KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            Files.createDirectories(privateKey.toAbsolutePath().getParent());
            Files.deleteIfExists(privateKey);
            Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(privateKey, StandardOpenOption.TRUNCATE_EXISTING)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, comment, null, out);
            }
            Path pub = privateKey.resolveSibling(privateKey.getFileName() + ".pub");
            Files.writeString(pub, publicLine(pair.getPublic()) + " " + comment + "\n", StandardCharsets.US_ASCII);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + privateKey, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make or read the key pair " + privateKey, e);
        }
    }

    /** {@code ssh-ed25519 AAAA...}, as in authorized_keys and known_hosts. */
    public static String publicLine(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }

    /** {@code SHA256:...}, as {@code ssh-keygen -l} and OpenSSH's host-key prompt show it. */
    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /** A known_hosts line for the host key at {@code 127.0.0.1:port} ({@code [127.0.0.1]:PORT} unless port 22). */
    public static String knownHostsLine(String host, int port, PublicKey hostKey) {
        String name = port == 22 ? host : "[" + host + "]:" + port;
        return name + " " + publicLine(hostKey) + "\n";
    }
}
