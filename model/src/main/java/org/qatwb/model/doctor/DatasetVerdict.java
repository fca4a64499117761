package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.qatwb.model.zfs.ZfsDataset;

/**
 * What QAT can do for one dataset, from its properties (DOMAIN.md section 7; OpenZFS qat_*.c): only
 * blocks of 4 KiB to 128 KiB, gzip compression (any level, run at level 1), SHA-256 checksums,
 * AES-GCM encryption.
 *
 * @param dataset  the dataset
 * @param offloads what QAT takes of its work ({@code gzip}, {@code sha256}, {@code aes-gcm}); empty when nothing
 * @param whyNot   each reason QAT does not take the rest, short ({@code lz4}, {@code 1M records})
 */
record DatasetVerdict(ZfsDataset dataset, List<String> offloads, List<String> whyNot) {

    static final long MIN_BLOCK = 4 * 1024;
    static final long MAX_BLOCK = 128 * 1024;

    DatasetVerdict {
        Objects.requireNonNull(dataset, "dataset");
        offloads = List.copyOf(offloads);
        whyNot = List.copyOf(whyNot);
    }

    static DatasetVerdict of(ZfsDataset d) {
        List<String> can = new ArrayList<>();
        List<String> not = new ArrayList<>();
        String comp = d.compression().orElse("");
        if (comp.equals("gzip") || comp.matches("gzip-[1-9]")) {
            can.add("gzip");
        } else if (!comp.isEmpty()) {
            not.add(comp.equals("off") ? "not compressed" : comp);
        }
        String sum = d.checksum().orElse("");
        String dedup = d.dedup().orElse("off");
        if (sum.equals("sha256")) {
            can.add("sha256");
        } else if (dedupSha256(dedup)) {
            can.add("sha256 (dedup)"); // dedup checksums its blocks with its own algorithm, SHA-256 for on and verify
        } else if (!sum.isEmpty()) {
            not.add(sum.equals("on") ? "fletcher4" : sum.equals("off") ? "no checksum" : sum);
        }
        String enc = d.encryption().orElse("off");
        if (enc.matches("aes-(128|192|256)-gcm")) {
            can.add("aes-gcm");
        } else if (enc.matches("aes-(128|192|256)-ccm")) {
            not.add(enc + " (counted, then done in software)");
        }
        OptionalLong rs = d.blockSize();
        if (rs.isPresent() && (rs.getAsLong() < MIN_BLOCK || rs.getAsLong() > MAX_BLOCK)) {
            not.add(size(rs.getAsLong()) + (d.recordsize().isPresent() ? " records" : " volume blocks"));
            can.clear(); // QAT takes no block of that size, whatever the algorithm
        }
        return new DatasetVerdict(d, can, not);
    }

    boolean offloadable() {
        return !offloads.isEmpty();
    }

    /** Whether its records are too large for QAT (a volume's volblocksize is fixed when it is created). */
    boolean blockTooLarge() {
        OptionalLong rs = dataset.recordsize();
        return rs.isPresent() && rs.getAsLong() > MAX_BLOCK;
    }

    /**
     * Whether ZFS checksums some of the dataset's blocks with SHA-256, whatever their size: its data
     * and metadata (dmu_write_policy keeps a checksum with ZCHECKSUM_FLAG_METADATA for metadata) or
     * dedup's checksums.
     */
    static boolean checksumsWithSha256(ZfsDataset d) {
        return d.checksum().filter(sum -> sum.equals("sha256")).isPresent() || dedupSha256(d.dedup().orElse("off"));
    }

    /** dedup's checksum: {@code on} and {@code verify} mean SHA-256, as {@code sha256[,verify]} say. */
    static boolean dedupSha256(String dedup) {
        return dedup.equals("on") || dedup.equals("verify") || dedup.equals("sha256") || dedup.equals("sha256,verify");
    }

    /** {@code name (gzip, sha256)} or {@code name (lz4, 1M records)}. */
    String brief() {
        List<String> shown = offloadable() ? offloads : whyNot;
        return dataset.name() + (shown.isEmpty() ? "" : " (" + String.join(", ", shown) + ")");
    }

    /** One line for the details: what QAT takes, and why not the rest. */
    String explain() {
        String volume = dataset.blockSize().isEmpty() ? " (no recordsize or volblocksize read: its block size is not"
                + " checked)" : "";
        String can = offloadable() ? "QAT takes " + String.join(", ", offloads) : "QAT takes nothing";
        return dataset.name() + ": " + can + (whyNot.isEmpty() ? "" : "; not: " + String.join(", ", whyNot)
                + " (QAT does gzip, sha256 and AES-GCM, in records of 4K to 128K)") + volume;
    }

    /** zfs's short sizes: 128K, 1M. */
    static String size(long bytes) {
        String units = "BKMGTPE";
        long v = bytes;
        int u = 0;
        while (v >= 1024 && v % 1024 == 0 && u < units.length() - 1) {
            v /= 1024;
            u++;
        }
        return v + (u == 0 ? "B" : units.substring(u, u + 1));
    }
}
