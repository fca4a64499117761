package org.qatwb.model.bench;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One pass measured on the NAS. A figure that could not be measured is empty, never 0.
 *
 * @param pass               QAT on or off
 * @param writeMiBps         MiB/s written (to stable storage: the pass syncs)
 * @param readMiBps          MiB/s read back
 * @param writeCpuPerGiB     NAS CPU seconds (all CPUs, not idle nor iowait) per GiB written, from /proc/stat deltas
 * @param readCpuPerGiB      the same for reading back
 * @param qatShare           the share of the bytes ZFS processed that QAT handled, by kstat group
 *                           ({@code compress}, {@code decompress}, {@code checksum}, {@code encrypt},
 *                           {@code decrypt}): 0 to 1, from kstat deltas
 * @param compressRatio      the scratch dataset's compression ratio after the write
 * @param failures           kstat failure deltas ({@code dc_fails}, {@code crypt_fails}, {@code cksum_fails})
 *                           plus the tool's I/O errors
 * @param checksum           whether what was read is what was written
 * @param errors             what went wrong in this pass, one line each
 */
public record BenchRun(BenchPass pass, OptionalDouble writeMiBps, OptionalDouble readMiBps,
                       OptionalDouble writeCpuPerGiB, OptionalDouble readCpuPerGiB, Map<String, Double> qatShare,
                       OptionalDouble compressRatio, long failures, ChecksumCheck checksum, List<String> errors) {

    public BenchRun {
        Objects.requireNonNull(pass, "pass");
        Objects.requireNonNull(writeMiBps, "writeMiBps");
        Objects.requireNonNull(readMiBps, "readMiBps");
        Objects.requireNonNull(writeCpuPerGiB, "writeCpuPerGiB");
        Objects.requireNonNull(readCpuPerGiB, "readCpuPerGiB");
        qatShare = Map.copyOf(qatShare);
        Objects.requireNonNull(compressRatio, "compressRatio");
        Objects.requireNonNull(checksum, "checksum");
        errors = List.copyOf(errors);
    }
}
