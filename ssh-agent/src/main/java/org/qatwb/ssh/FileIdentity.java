package org.qatwb.ssh;

import com.jcraft.jsch.Identity;
import com.jcraft.jsch.KeyPair;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * A private key file offered to the server, unlocked as late as ssh unlocks it: JSch is told the
 * key is not encrypted, so it first asks the server whether the public key would do, and only when
 * the server says yes (and JSch asks for a signature) is the passphrase asked for. A key whose
 * public half is unknown without decrypting (old PEM files without {@code .pub}) asks earlier.
 */
final class FileIdentity implements Identity {

    /** Passphrase attempts per key, as ssh's NumberOfPasswordPrompts. */
    private static final int ATTEMPTS = 3;

    private final Path path;
    private final KeyPair keyPair;
    private final Credentials credentials;
    private final AuthLog log;
    private boolean gaveUp;

    FileIdentity(Path path, KeyPair keyPair, Credentials credentials, AuthLog log) {
        this.path = path;
        this.keyPair = keyPair;
        this.credentials = credentials;
        this.log = log;
    }

    /** The public key blob if it can be had without a passphrase. */
    byte[] publicBlobIfKnown() {
        return keyPair.getPublicKeyBlob();
    }

    @Override
    public boolean setPassphrase(byte[] passphrase) {
        // JSch calls this with null for keys it thinks are not encrypted: nothing to do
        return passphrase == null || keyPair.decrypt(passphrase);
    }

    @Override
    public byte[] getPublicKeyBlob() {
        byte[] blob = keyPair.getPublicKeyBlob();
        if (blob == null && unlock()) {
            blob = keyPair.getPublicKeyBlob();
        }
        return blob;
    }

    @Override
    public byte[] getSignature(byte[] data) {
        return unlock() ? keyPair.getSignature(data) : null;
    }

    @Override
    public byte[] getSignature(byte[] data, String alg) {
        // null makes JSch go on with the next key, as when ssh's passphrase prompt is cancelled
        return unlock() ? keyPair.getSignature(data, alg) : null;
    }

    @Override
    public String getAlgName() {
        return keyPair.getKeyTypeString();
    }

    @Override
    public String getName() {
        return path.toString();
    }

    @Override
    public boolean isEncrypted() {
        return false;
    }

    @Override
    public void clear() {
        keyPair.dispose();
    }

    private synchronized boolean unlock() {
        if (!keyPair.isEncrypted()) {
            return true;
        }
        if (gaveUp) {
            return false;
        }
        log.file(path, "accepted by the server, passphrase not given");
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<char[]> answer;
            try {
                answer = credentials.passphrase(path);
            } catch (RuntimeException e) {
                answer = Optional.empty();
            }
            if (answer.isEmpty()) {
                break;
            }
            char[] chars = answer.get();
            byte[] bytes = utf8(chars);
            Arrays.fill(chars, '\0');
            boolean ok;
            try {
                ok = keyPair.decrypt(bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
            if (ok) {
                log.file(path, "unlocked");
                return true;
            }
            log.file(path, "accepted by the server, wrong passphrase");
        }
        gaveUp = true;
        return false;
    }

    /** UTF-8 bytes of a secret without going through a String that cannot be wiped. */
    static byte[] utf8(char[] chars) {
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return out;
    }
}
