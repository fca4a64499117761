package org.qatwb.sim.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.zip.Deflater;

/**
 * What a file's data takes on disk in a gzip dataset, measured on the data itself: sample records are
 * compressed with zlib at the level that does the work (ZFS's software gzip at the dataset's level,
 * lib zlib's {@code compress2}; QAT at level 1, OpenZFS module/os/linux/zfs/qat_compress.c sets
 * {@code CPA_DC_L1} with full dynamic Huffman), then each record's physical size is what ZFS would
 * allocate: kept compressed only when it saves at least 12.5%, rounded down to the allocation unit
 * (module/zfs/zio.c {@code zio_get_compression_max_size}), and rounded up to 4 KiB ({@code ashift=12},
 * {@code zio_roundup_alloc_size}); else stored as it is.
 */
public final class Compressibility {

    /** Records sampled at most: evenly spread over the file, so a 2 GiB file costs 16 compressions. */
    static final int SAMPLES = 16;
    static final int ALLOC = 4096;

    private Compressibility() {
    }

    /** The ratio of logical to physical bytes for {@code file} in records of {@code record} bytes at zlib {@code level}. */
    public static double ofFile(Path file, int record, int level) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            if (size == 0) {
                return 1.0;
            }
            long records = (size + record - 1) / record;
            int n = (int) Math.min(SAMPLES, records);
            long logical = 0;
            long physical = 0;
            byte[] buf = new byte[record];
            for (int i = 0; i < n; i++) {
                long idx = n == 1 ? 0 : i * (records - 1) / (n - 1);
                f.seek(idx * record);
                int len = (int) Math.min(record, size - idx * record);
                f.readFully(buf, 0, len);
                logical += len;
                physical += physicalSize(buf, len, level);
            }
            return (double) logical / physical;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record's allocated size after zlib at {@code level} (see the class comment). */
    static long physicalSize(byte[] data, int len, int level) {
        Deflater d = new Deflater(level);
        try {
            d.setInput(data, 0, len);
            d.finish();
            byte[] out = new byte[len + 64];
            int c = 0;
            while (!d.finished() && c < out.length) {
                c += d.deflate(out, c, out.length - c);
            }
            long max = len - (len >> 3);
            max -= max % ALLOC;
            if (!d.finished() || c > max || max < ALLOC) {
                return roundUp(len);
            }
            return roundUp(c);
        } finally {
            d.end();
        }
    }

    private static long roundUp(long n) {
        return Math.max(ALLOC, (n + ALLOC - 1) / ALLOC * ALLOC);
    }
}
