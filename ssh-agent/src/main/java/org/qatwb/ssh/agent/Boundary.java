package org.qatwb.ssh.agent;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The boundary that frames one exec's output: 128 random bits as 32 lowercase hex characters,
 * fresh for every exec. Whoever wrote a file on the NAS cannot know it, so no file content can
 * forge a frame line.
 */
public final class Boundary {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Boundary() {
    }

    /** A new boundary from a CSPRNG. */
    public static String random() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }
}
