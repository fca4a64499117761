package org.qatwb.sim.zfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every pool checksums with SHA-256 whatever its datasets use: at each transaction-group sync
 * that wrote anything (every {@code zfs_txg_timeout}, 5 s), the uberblock goes to the four labels of
 * each leaf vdev and the labels' vdev_phys nvlists are rewritten, both written with
 * {@code ZIO_CHECKSUM_LABEL} (OpenZFS module/zfs/vdev_label.c {@code vdev_label_write},
 * {@code vdev_uberblock_sync}), whose function is {@code abd_checksum_sha256}
 * (module/zfs/zio_checksum.c, the "label" entry), which hands buffers of 4 KiB to 128 KiB to QAT
 * (module/zfs/sha2_zfs.c, {@code qat_checksum_use_accel}). With ashift 12 an uberblock is 4 KiB and
 * a vdev_phys 112 KiB: both go to QAT, so {@code cksum_requests} grows a little on any pool with
 * checksum offload on, without a sha256 dataset (DOMAIN.md section 7).
 *
 * <p>Simplified: every simulated pool has {@link #LEAVES} leaf vdevs, all of them written at each
 * sync.
 */
final class PoolLabels {

    /** Leaf vdevs per simulated pool (a mirror). */
    static final int LEAVES = 2;
    static final double TXG_SECONDS = 5.0;
    /** Per leaf and sync: four uberblock copies of 4 KiB, four vdev_phys of 112 KiB. */
    static final int UBERBLOCKS_PER_LEAF = 4;
    static final int LABELS_PER_LEAF = 4;
    static final long UBERBLOCK_BYTES = 4 * 1024;
    static final long VDEV_PHYS_BYTES = 112 * 1024;

    /** One sync's label checksums of one kind. */
    record Write(long requests, long bytesPerRequest) {
    }

    private final Map<String, Boolean> dirty = new LinkedHashMap<>();
    private double sinceSync;

    /** A pool wrote data in this step: its next sync writes labels. */
    void dirty(String pool) {
        dirty.put(pool, true);
    }

    void clear() {
        dirty.clear();
        sinceSync = 0;
    }

    /** Moves time on; the label writes of the syncs that fall in it. */
    List<Write> sync(double seconds) {
        List<Write> out = new ArrayList<>();
        sinceSync += seconds;
        while (sinceSync >= TXG_SECONDS) {
            sinceSync -= TXG_SECONDS;
            for (Map.Entry<String, Boolean> p : dirty.entrySet()) {
                if (p.getValue()) {
                    out.add(new Write((long) LEAVES * UBERBLOCKS_PER_LEAF, UBERBLOCK_BYTES));
                    out.add(new Write((long) LEAVES * LABELS_PER_LEAF, VDEV_PHYS_BYTES));
                    p.setValue(false);
                }
            }
        }
        return out;
    }
}
