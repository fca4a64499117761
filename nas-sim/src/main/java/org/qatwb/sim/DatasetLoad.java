package org.qatwb.sim;

/**
 * The I/O a dataset sees, in MB/s (10^6 bytes per second) of logical data.
 *
 * @param writeMBps written per second (compression, checksums and encryption on the way to disk)
 * @param readMBps  read per second from disk (decompression, checksum verification, decryption)
 */
public record DatasetLoad(double writeMBps, double readMBps) {

    public static final DatasetLoad IDLE = new DatasetLoad(0, 0);

    public DatasetLoad {
        if (!(writeMBps >= 0) || !(readMBps >= 0) || Double.isInfinite(writeMBps) || Double.isInfinite(readMBps)) {
            throw new IllegalArgumentException("MB/s must be finite and not negative: " + writeMBps + ", " + readMBps);
        }
    }
}
