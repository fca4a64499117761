package org.qatwb.model.apply;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * A transaction's id, made by the client so that it can ask for the transaction by name after a
 * dropped connection: the UTC time and 32 random bits, {@code 20261122T100001Z-3fa2b1c0}. Ids sort
 * in time order, and so do the NAS's transaction directories named by them.
 */
public final class TxId {

    private static final Pattern SHAPE = Pattern.compile("[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TxId() {
    }

    public static String next(Instant now) {
        return TIME.format(now) + "-" + String.format("%08x", RANDOM.nextInt());
    }

    public static boolean isValid(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }

    public static String require(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("not a transaction id (YYYYMMDDTHHMMSSZ-xxxxxxxx): " + id);
        }
        return id;
    }

    /** When the transaction was made, from its id. */
    public static Instant time(String id) {
        return Instant.from(TIME.parse(require(id).substring(0, 16)));
    }
}
