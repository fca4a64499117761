package org.qatwb.model.kstat;

import java.util.List;
import java.util.Optional;

/**
 * The counters of {@code /proc/spl/kstat/zfs/qat}, in the order ZFS prints them (OpenZFS
 * module/os/linux/zfs/qat.c, {@code qat_stats}; DOMAIN.md section 5). All are uint64 and
 * cumulative since zfs.ko was loaded.
 *
 * <p>{@code dc_fails} and {@code crypt_fails} count failures of both directions (ZFS bumps
 * them from the shared compress/decompress and encrypt/decrypt code paths); they are filed
 * under compression and encryption here because a counter has one service.
 */
public enum QatCounter {
    COMP_REQUESTS("comp_requests", "Compression requests", QatService.COMPRESSION, "comp_reqests"),
    COMP_TOTAL_IN_BYTES("comp_total_in_bytes", "Bytes into compression", QatService.COMPRESSION),
    COMP_TOTAL_OUT_BYTES("comp_total_out_bytes", "Bytes out of compression", QatService.COMPRESSION),
    DECOMP_REQUESTS("decomp_requests", "Decompression requests", QatService.DECOMPRESSION, "decomp_reqests"),
    DECOMP_TOTAL_IN_BYTES("decomp_total_in_bytes", "Bytes into decompression", QatService.DECOMPRESSION),
    DECOMP_TOTAL_OUT_BYTES("decomp_total_out_bytes", "Bytes out of decompression", QatService.DECOMPRESSION),
    DC_FAILS("dc_fails", "Compression and decompression failures", QatService.COMPRESSION),
    ENCRYPT_REQUESTS("encrypt_requests", "Encryption requests", QatService.ENCRYPTION),
    ENCRYPT_TOTAL_IN_BYTES("encrypt_total_in_bytes", "Bytes into encryption", QatService.ENCRYPTION),
    ENCRYPT_TOTAL_OUT_BYTES("encrypt_total_out_bytes", "Bytes out of encryption", QatService.ENCRYPTION),
    DECRYPT_REQUESTS("decrypt_requests", "Decryption requests", QatService.DECRYPTION),
    DECRYPT_TOTAL_IN_BYTES("decrypt_total_in_bytes", "Bytes into decryption", QatService.DECRYPTION),
    DECRYPT_TOTAL_OUT_BYTES("decrypt_total_out_bytes", "Bytes out of decryption", QatService.DECRYPTION),
    CRYPT_FAILS("crypt_fails", "Encryption and decryption failures", QatService.ENCRYPTION),
    CKSUM_REQUESTS("cksum_requests", "Checksum requests", QatService.CHECKSUM),
    CKSUM_TOTAL_IN_BYTES("cksum_total_in_bytes", "Bytes checksummed", QatService.CHECKSUM),
    CKSUM_FAILS("cksum_fails", "Checksum failures", QatService.CHECKSUM);

    private final String kstatName;
    private final String label;
    private final QatService service;
    private final List<String> legacyNames;

    QatCounter(String kstatName, String label, QatService service, String... legacyNames) {
        this.kstatName = kstatName;
        this.label = label;
        this.service = service;
        this.legacyNames = List.of(legacyNames);
    }

    /** The row name current ZFS prints. */
    public String kstatName() {
        return kstatName;
    }

    /** A short human name. */
    public String label() {
        return label;
    }

    /** The service the counter belongs to. */
    public QatService service() {
        return service;
    }

    /**
     * Other names older ZFS printed for this counter: ZFS 0.7 spelled {@code comp_reqests} and
     * {@code decomp_reqests} (module/zfs/qat_compress.c in the zfs-0.7 releases).
     */
    public List<String> legacyNames() {
        return legacyNames;
    }

    /** The counter a kstat row name stands for, current or legacy spelling. */
    public static Optional<QatCounter> byKstatName(String name) {
        for (QatCounter c : values()) {
            if (c.kstatName.equals(name) || c.legacyNames.contains(name)) return Optional.of(c);
        }
        return Optional.empty();
    }
}
