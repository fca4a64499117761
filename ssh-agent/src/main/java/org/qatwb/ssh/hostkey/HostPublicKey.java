package org.qatwb.ssh.hostkey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A public key in SSH wire form (the blob a server sends and {@code known_hosts} stores in base64),
 * with its type read from the blob itself.
 */
public final class HostPublicKey {

    private final String type;
    private final byte[] blob;

    private HostPublicKey(String type, byte[] blob) {
        this.type = type;
        this.blob = blob;
    }

    /**
     * Reads the type out of {@code blob}.
     *
     * @throws IllegalArgumentException when the blob does not start with an SSH string
     */
    public static HostPublicKey of(byte[] blob) {
        if (blob.length < 4) {
            throw new IllegalArgumentException("key blob too short");
        }
        int len = ByteBuffer.wrap(blob, 0, 4).getInt();
        if (len <= 0 || len > 64 || 4 + len > blob.length) {
            throw new IllegalArgumentException("key blob without a key type");
        }
        String type = new String(blob, 4, len, StandardCharsets.US_ASCII);
        return new HostPublicKey(type, blob.clone());
    }

    /** A key as {@code known_hosts} and {@code .pub} files write it. */
    public static HostPublicKey ofBase64(String base64) {
        return of(Base64.getDecoder().decode(base64));
    }

    /** {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}, ... */
    public String type() {
        return type;
    }

    public byte[] blob() {
        return blob.clone();
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(blob);
    }

    /** {@code SHA256:} and the unpadded base64 of the blob's SHA-256, exactly as {@code ssh-keygen -lf} prints it. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostPublicKey k && Arrays.equals(blob, k.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return type + " " + fingerprint();
    }
}
