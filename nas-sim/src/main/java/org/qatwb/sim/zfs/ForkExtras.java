package org.qatwb.sim.zfs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A HYPOTHETICAL ZFS fork (named as such wherever it shows): OpenZFS's QAT code with, on top of its
 * 17 kstat rows and three parameters, the extra rows and parameters of a real fork, TheTDD/zfs
 * (github.com/TheTDD/zfs, Data Plane QAT code on ZoL 0.7.11: module/zfs/qat_compress.c,
 * {@code qat_stats_t} in {@code /proc/spl/kstat/zfs/qat}, and its {@code module_param}s; later
 * releases moved the rows to {@code zfs/qat-dc} and {@code zfs/qat-cy}). That fork replaces
 * OpenZFS's rows and parameters; no ZFS shows both sets. The simulator adds them so that one
 * profile shows what a fork adds while every OpenZFS behaviour stays as the other profiles have it.
 *
 * <p>What the simulator counts, as the fork's source does: {@code init_failed} once per QAT
 * initialisation that fails ({@code QAT_STAT_BUMP(init_failed)} at the fork's {@code failed:} label;
 * here a write of 0 that the kernel API refuses); {@code comp_fails} and {@code decomp_fails} stay
 * where OpenZFS's {@code dc_fails} stays (the simulator models no QAT failure), and so do the
 * {@code err_*} rows. {@code zfs_qat_disable_compression} and {@code zfs_qat_disable_decompression}
 * (not 0: that direction is not offloaded, the fork's {@code qat_use_accel}) are honoured;
 * {@code zfs_qat_init_failure_threshold} is shown and kept, never acted on.
 */
public final class ForkExtras {

    /** The fork's rows that OpenZFS's kstat does not have, in the fork's order. */
    public static final List<String> ROWS = List.of("init_failed", "comp_fails", "decomp_fails",
            "err_gen_header", "err_timeout", "err_size_mismatch", "err_no_space_header", "err_gen_footer",
            "err_too_big_result", "err_status_fail", "err_status_retry", "err_status_param", "err_status_resource",
            "err_status_baddata", "err_status_restarting", "err_status_unknown", "err_op_overflow", "err_op_hw",
            "err_op_sw", "err_op_fatal", "err_op_unknown");

    /** The fork's parameters, with the values zfs.ko starts with. */
    public static final Map<String, Integer> PARAMS = params();

    static final String DISABLE_COMPRESSION = "zfs_qat_disable_compression";
    static final String DISABLE_DECOMPRESSION = "zfs_qat_disable_decompression";

    private ForkExtras() {
    }

    /** Whether a profile shows the fork's extras unless told otherwise: {@code broken}, the odd box. */
    public static boolean byDefault(String profile) {
        return "broken".equals(profile);
    }

    private static Map<String, Integer> params() {
        Map<String, Integer> p = new LinkedHashMap<>();
        p.put(DISABLE_COMPRESSION, 0);
        p.put(DISABLE_DECOMPRESSION, 0);
        p.put("zfs_qat_init_failure_threshold", 100);
        return java.util.Collections.unmodifiableMap(p);
    }
}
