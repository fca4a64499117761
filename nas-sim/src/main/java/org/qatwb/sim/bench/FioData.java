package org.qatwb.sim.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * The bytes fio writes and how it checks them on a read, after fio's source:
 * <ul>
 * <li>a buffer of {@code --buffer_compress_percentage} C is random for its first (100 - C)% and
 *     zeros for the rest (lib/rand.c {@code __fill_random_buf_percentage}); with {@code --verify} the
 *     segment is the whole block (verify.c {@code __fill_buffer} passes {@code len} as the segment);
 *     without it fio's 512-byte {@code buffer_compress_chunk};</li>
 * <li>with {@code --verify=sha256} each block starts with a verify header (verify.h
 *     {@code struct verify_header}: magic 0xacca, version, type, length, seed, offset, time, number,
 *     thread, then a CRC32C of the header) followed by {@code struct vhdr_sha256} (64 bytes, the
 *     SHA-256 of the rest of the block), 112 bytes in all; a read recomputes it
 *     ({@code verify_io_u_sha256}) and on a difference logs {@code log_verify_failure}'s lines.</li>
 * </ul>
 * The random bytes come from a generator seeded per block, so a block can be made again for sampling.
 * A job takes its full blocks from {@link Patterns}, a few dozen such blocks made once with their
 * SHA-256 (ZFS compresses each record on its own, so which random bytes repeat between records
 * changes nothing ZFS does: dedup is off), so that writing and checking cost a copy, not a hash.
 */
final class FioData {

    /** The blocks a job cycles through, each with the SHA-256 of what follows its header. */
    static final class Patterns {
        static final int COUNT = 64;
        private final byte[][] blocks;
        private final byte[][] sums;
        private final long seed;
        private final int compressPercentage;
        private final boolean verify;

        Patterns(long seed, int len, int compressPercentage, boolean verify) {
            this.seed = seed;
            this.compressPercentage = compressPercentage;
            this.verify = verify;
            blocks = new byte[COUNT][];
            sums = new byte[COUNT][];
            for (int k = 0; k < COUNT; k++) {
                blocks[k] = FioData.block(seed, k, len, compressPercentage, verify, 0);
                sums[k] = Arrays.copyOfRange(blocks[k], HEADER, HEADER + 32);
            }
        }

        /** Block {@code index} at {@code offset}: a pattern with its own header (a short last block is made whole). */
        byte[] block(long index, int len, long offset) {
            if (len != blocks[0].length) {
                return FioData.block(seed, index % COUNT, len, compressPercentage, verify, offset);
            }
            byte[] b = blocks[(int) (index % COUNT)].clone();
            if (verify) {
                writeHeader(b, seed + index % COUNT, offset, sums[(int) (index % COUNT)]);
            }
            return b;
        }

        /** {@link FioData#check}, comparing with the pattern first: a block equal to it has its SHA-256. */
        String check(byte[] b, int len, long index, long offset, String file) {
            byte[] p = blocks[(int) (index % COUNT)];
            if (len == p.length && Arrays.equals(b, SHA256_HEADER, len, p, SHA256_HEADER, len)
                    && Arrays.equals(b, HEADER, HEADER + 32, sums[(int) (index % COUNT)], 0, 32)) {
                return FioData.checkHeader(b, len, offset, file);
            }
            return FioData.check(b, len, offset, file);
        }
    }

    static final int MAGIC = 0xacca;
    static final int HEADER = 48;
    static final int SHA256_HEADER = HEADER + 64;
    static final int TYPE_SHA256 = 6;
    static final int SEGMENT = 512;

    private FioData() {
    }

    /** Block {@code index} of a job seeded with {@code seed}. */
    static byte[] block(long seed, long index, int len, int compressPercentage, boolean verify, long offset) {
        byte[] b = new byte[len];
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int segment = verify ? len : Math.min(SEGMENT, len);
        for (int at = 0; at < len; at += segment) {
            int seg = Math.min(segment, len - at);
            int random = (int) ((long) seg * (100 - compressPercentage) / 100);
            for (int i = 0; i < random; i += 8) {
                long v = r.nextLong();
                for (int k = 0; k < 8 && i + k < random; k++) {
                    b[at + i + k] = (byte) (v >>> (8 * k));
                }
            }
        }
        if (verify && len > SHA256_HEADER) {
            header(b, seed + index, offset);
        }
        return b;
    }

    /** Puts the verify header and the SHA-256 of the rest of the block at its start. */
    private static void header(byte[] b, long randSeed, long offset) {
        Arrays.fill(b, HEADER, SHA256_HEADER, (byte) 0);
        writeHeader(b, randSeed, offset, sha256(b, SHA256_HEADER));
    }

    private static void writeHeader(byte[] b, long randSeed, long offset, byte[] sum) {
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        h.putShort(0, (short) MAGIC);
        h.put(2, (byte) 2);
        h.put(3, (byte) TYPE_SHA256);
        h.putInt(4, b.length);
        h.putLong(8, randSeed);
        h.putLong(16, offset);
        h.putInt(24, 0);
        h.putInt(28, 0);
        h.putLong(32, offset / Math.max(1, b.length));
        h.putShort(40, (short) 0);
        h.putShort(42, (short) 0);
        CRC32C crc = new CRC32C();
        crc.update(b, 0, 44);
        h.putInt(44, (int) crc.getValue());
        Arrays.fill(b, HEADER, SHA256_HEADER, (byte) 0);
        System.arraycopy(sum, 0, b, HEADER, 32);
    }

    /**
     * Checks a block read back at {@code offset}; null when it is good, else fio's words for the
     * failure (verify.c {@code verify_header} and {@code log_verify_failure}; the CRCs are the 64 bytes of {@code vhdr_sha256}).
     */
    static String check(byte[] b, int len, long offset, String file) {
        String header = checkHeader(b, len, offset, file);
        if (header != null) {
            return header;
        }
        byte[] expected = Arrays.copyOfRange(b, HEADER, HEADER + 32);
        byte[] got = sha256(Arrays.copyOf(b, len), SHA256_HEADER);
        if (Arrays.equals(expected, got)) {
            return null;
        }
        HexFormat hex = HexFormat.of();
        return String.format("sha256: verify failed at file %s offset %d, length %d (requested block: offset=%d, length=%d, flags=%x)%n"
                        + "       Expected CRC: %s%n       Received CRC: %s%n",
                file, offset, len, offset, len, 8, hex.formatHex(Arrays.copyOf(expected, 64)), hex.formatHex(Arrays.copyOf(got, 64)));
    }

    /** The header's checks (verify.c {@code verify_header}): magic, its CRC32C, offset and length. */
    private static String checkHeader(byte[] b, int len, long offset, String file) {
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int magic = h.getShort(0) & 0xffff;
        if (magic != MAGIC) {
            return String.format("verify: bad magic header %x, wanted %x at file %s offset %d, length %d (requested block: offset=%d, length=%d)%n",
                    magic, MAGIC, file, offset, len, offset, len);
        }
        CRC32C crc = new CRC32C();
        crc.update(b, 0, 44);
        if (h.getInt(44) != (int) crc.getValue() || h.getLong(16) != offset || h.getInt(4) != len) {
            return String.format("verify: bad header at file %s offset %d, length %d (requested block: offset=%d, length=%d)%n",
                    file, offset, len, offset, len);
        }
        return null;
    }

    private static byte[] sha256(byte[] b, int from) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(b, from, b.length - from);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
