package org.qatwb.model.metrics;

import org.qatwb.model.kstat.QatCounter;

/**
 * Where each counter of the zfs/qat kstat is served: its family and its {@code service} and
 * {@code op} labels. Decompression is filed under compression and decryption under encryption:
 * a QAT service does both directions, and ZFS's parameters switch both at once.
 *
 * @param family  the family
 * @param service compression, encryption or checksum
 * @param op      compress, decompress, encrypt, decrypt or checksum; null for the failures, which count both
 *                directions together
 */
record KstatSeries(MetricFamily family, String service, String op) {

    static KstatSeries of(QatCounter c) {
        return switch (c) {
            case COMP_REQUESTS -> new KstatSeries(MetricFamily.ZFS_QAT_REQUESTS, "compression", "compress");
            case COMP_TOTAL_IN_BYTES -> new KstatSeries(MetricFamily.ZFS_QAT_INPUT_BYTES, "compression", "compress");
            case COMP_TOTAL_OUT_BYTES -> new KstatSeries(MetricFamily.ZFS_QAT_OUTPUT_BYTES, "compression", "compress");
            case DECOMP_REQUESTS -> new KstatSeries(MetricFamily.ZFS_QAT_REQUESTS, "compression", "decompress");
            case DECOMP_TOTAL_IN_BYTES -> new KstatSeries(MetricFamily.ZFS_QAT_INPUT_BYTES, "compression", "decompress");
            case DECOMP_TOTAL_OUT_BYTES -> new KstatSeries(MetricFamily.ZFS_QAT_OUTPUT_BYTES, "compression", "decompress");
            case DC_FAILS -> new KstatSeries(MetricFamily.ZFS_QAT_FAILURES, "compression", null);
            case ENCRYPT_REQUESTS -> new KstatSeries(MetricFamily.ZFS_QAT_REQUESTS, "encryption", "encrypt");
            case ENCRYPT_TOTAL_IN_BYTES -> new KstatSeries(MetricFamily.ZFS_QAT_INPUT_BYTES, "encryption", "encrypt");
            case ENCRYPT_TOTAL_OUT_BYTES -> new KstatSeries(MetricFamily.ZFS_QAT_OUTPUT_BYTES, "encryption", "encrypt");
            case DECRYPT_REQUESTS -> new KstatSeries(MetricFamily.ZFS_QAT_REQUESTS, "encryption", "decrypt");
            case DECRYPT_TOTAL_IN_BYTES -> new KstatSeries(MetricFamily.ZFS_QAT_INPUT_BYTES, "encryption", "decrypt");
            case DECRYPT_TOTAL_OUT_BYTES -> new KstatSeries(MetricFamily.ZFS_QAT_OUTPUT_BYTES, "encryption", "decrypt");
            case CRYPT_FAILS -> new KstatSeries(MetricFamily.ZFS_QAT_FAILURES, "encryption", null);
            case CKSUM_REQUESTS -> new KstatSeries(MetricFamily.ZFS_QAT_REQUESTS, "checksum", "checksum");
            case CKSUM_TOTAL_IN_BYTES -> new KstatSeries(MetricFamily.ZFS_QAT_INPUT_BYTES, "checksum", "checksum");
            case CKSUM_FAILS -> new KstatSeries(MetricFamily.ZFS_QAT_FAILURES, "checksum", null);
        };
    }

    /** The label values for {@link Exposition#series}, the NAS's name first. */
    String[] labels(String nas) {
        return op == null ? new String[] {nas, service} : new String[] {nas, service, op};
    }
}
