package org.qatwb.sim.driver;

/**
 * The release of Intel's out-of-tree QAT 1.7 driver a simulated NAS runs, where the releases
 * differ for the simulator (docs/driver/allocator.md section 5). The simulator's own copy, not
 * the product's: the simulator must be able to disagree with it.
 */
public enum DriverRelease {
    /** QAT1.7.L.4.8.0: adf_ctl keeps leading blanks and tabs; no ServicesProfile, no user-bank spreading. */
    R4_8("4.8.0"),
    /** QAT.L.4.24.0. */
    R4_24("4.24.0"),
    /** QAT.L.4.28.0: the allocator as 4.24's. */
    R4_28("4.28.0");

    private final String moduleVersion;

    DriverRelease(String moduleVersion) {
        this.moduleVersion = moduleVersion;
    }

    /**
     * What {@code /sys/module/intel_qat/version} reads: {@code MODULE_VERSION(ADF_DRV_VERSION)} in
     * qat_common/adf_ctl_drv.c, made of ADF_MAJOR/MINOR/BUILD_VERSION in qat_common/adf_common_drv.h.
     */
    public String moduleVersion() {
        return moduleVersion;
    }

    /** adf_ctl's reader trims leading blanks and tabs and deletes tabs (4.24 utils.cpp trim_left, remove_whitespaces). */
    boolean trimsAndDeletesTabs() {
        return this != R4_8;
    }

    /** ServicesProfile lists, the D1 cross-checks, the user-bank distribution flag and deprecated-key warnings. */
    boolean newAllocatorRules() {
        return this != R4_8;
    }
}
