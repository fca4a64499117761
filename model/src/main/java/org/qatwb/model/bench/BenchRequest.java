package org.qatwb.model.bench;

import java.util.Objects;
import java.util.Optional;

/**
 * What the user asks to measure.
 *
 * @param pool             the pool to make the scratch dataset on; empty: the largest pool with room
 * @param sizeBytes        how much data each pass writes and reads back
 * @param compressibility  the share of each record that compresses, 0 to 100 percent
 * @param encrypt          also encrypt the scratch dataset (AES-256-GCM, a key made on the NAS for it)
 */
public record BenchRequest(Optional<String> pool, long sizeBytes, int compressibility, boolean encrypt) {

    public static final long MIB = 1L << 20;
    public static final long GIB = 1L << 30;
    /** {@code --size}'s default: 2 GiB. */
    public static final long DEFAULT_SIZE = 2 * GIB;
    /** {@code --compressibility}'s default. */
    public static final int DEFAULT_COMPRESSIBILITY = 50;

    public BenchRequest {
        Objects.requireNonNull(pool, "pool");
        if (compressibility < 0 || compressibility > 100) {
            throw new IllegalArgumentException("compressibility must be 0..100 percent: " + compressibility);
        }
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("size must be positive: " + sizeBytes);
        }
    }

    public static BenchRequest defaults() {
        return new BenchRequest(Optional.empty(), DEFAULT_SIZE, DEFAULT_COMPRESSIBILITY, false);
    }
}
