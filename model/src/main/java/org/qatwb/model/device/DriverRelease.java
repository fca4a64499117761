package org.qatwb.model.device;

import java.util.Arrays;
import java.util.Optional;

/**
 * The driver releases whose behaviour the product models: the allocator (allocator.md section 5)
 * and adf_ctl's conf reader (DOMAIN.md section 4). 4.28 behaves as 4.24 in both.
 *
 * <p>A NAS says its release in {@code /sys/module/intel_qat/version}: the module's
 * {@code MODULE_VERSION(ADF_DRV_VERSION)} (qat_common/adf_ctl_drv.c), built from
 * {@code ADF_MAJOR_VERSION.ADF_MINOR_VERSION.ADF_BUILD_VERSION} in qat_common/adf_common_drv.h
 * ({@code 4.8.0}, {@code 4.24.0}, {@code 4.28.0} in the three mirrors).
 */
public enum DriverRelease {
    /** QAT1.7.L.4.8: no user-bundle distribution, no Cy/Dc cross-check, older message wording; adf_ctl keeps blanks and tabs. */
    R4_8(8),
    /** QAT.L.4.24. */
    R4_24(24),
    /** QAT.L.4.28: as 4.24 for everything modelled here. */
    R4_28(28);

    /** What the product assumes when the NAS's release is not known: the newest. */
    public static final DriverRelease NEWEST = R4_28;

    private final int minor;

    DriverRelease(int minor) {
        this.minor = minor;
    }

    /** {@code 4.8}, {@code 4.24}, {@code 4.28}: how the command line and messages name it. */
    public String label() {
        return "4." + minor;
    }

    /** The release a label names ({@code 4.24}), if it is one of ours. */
    public static Optional<DriverRelease> of(String label) {
        return Arrays.stream(values()).filter(r -> r.label().equals(label)).findFirst();
    }

    /**
     * The modelled release for a module version ({@code 4.24.0}): the newest of ours at or below
     * it, since each change we know of stayed in later releases; empty for anything that is not
     * {@code 4.<minor>[.<build>]} or older than 4.8.
     */
    public static Optional<DriverRelease> ofModuleVersion(String version) {
        String[] p = version.split("\\.", -1);
        if (p.length < 2 || p.length > 3 || !p[0].equals("4")) {
            return Optional.empty();
        }
        for (String part : p) {
            if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
        }
        int m = Integer.parseInt(p[1]);
        DriverRelease best = null;
        for (DriverRelease r : values()) {
            if (r.minor <= m) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    public boolean distributesUserBanks() {
        return this != R4_8;
    }

    public boolean crossChecksServices() {
        return this != R4_8;
    }

    /**
     * Whether adf_ctl trims leading blanks and tabs from each line before classifying it, and
     * deletes tabs like spaces inside keys and values: 4.24 and 4.28 (adf_ctl/src/ini_config.cpp
     * {@code config::read_ini} calls {@code utils::trim_left}; utils.cpp {@code remove_whitespaces}
     * erases tabs), not 4.8 (neither).
     */
    public boolean trimsBlanks() {
        return this != R4_8;
    }
}
