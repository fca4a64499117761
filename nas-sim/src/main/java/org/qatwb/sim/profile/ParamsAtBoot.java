package org.qatwb.sim.profile;

import java.util.Optional;

/**
 * What ZFS's QAT parameters read after a boot in which zfs.ko loaded before any QAT device was up
 * (DOMAIN.md section 6 holds both observations).
 */
public enum ParamsAtBoot {

    /**
     * As OpenZFS's source says: {@code qat.c} {@code qat_init} sets a parameter to 1 only when
     * {@code qat_dc_init}/{@code qat_cy_init} fail, and they do not fail here. qat_api is loaded
     * (zfs.ko depends on it) but no device is started, so the driver's {@code cpaDcGetNumInstances}
     * ({@code lookaside/access_layer/src/common/ctrl/sal_compression.c}) counts the compression
     * services of the started devices through {@code icp_adf_getAllAccelDevByCapabilities}
     * ({@code qat_kernel/src/lac_adf_interface_linux.c}), which returns success with 0; the init
     * then returns 0 before {@code qat_dc_init_done} is set. The parameters read 0 and nothing is
     * offloaded until a write of 0 retries the init.
     */
    SOURCE("source"),

    /**
     * As the seed administrator reports: the parameters read 1 after such a boot. The source
     * explains a 1 only by an explicit {@code =1} at load or a failed write of 0; the simulator takes
     * the report as it is and sets them to 1 at load.
     */
    FORCED_ONE("forced-one");

    private final String word;

    ParamsAtBoot(String word) {
        this.word = word;
    }

    /** The word {@code qatwb sim --params-at-boot} takes. */
    public String word() {
        return word;
    }

    public static Optional<ParamsAtBoot> byWord(String word) {
        for (ParamsAtBoot p : values()) {
            if (p.word.equals(word)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
