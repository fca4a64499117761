package org.qatwb.model.snapshot;

import java.util.Optional;
import org.qatwb.model.device.DriverRelease;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * The QAT driver's version as the NAS reports it in {@code /sys/module/intel_qat/version}: the
 * module's {@code MODULE_VERSION(ADF_DRV_VERSION)} (qat_common/adf_ctl_drv.c), the string
 * {@code ADF_MAJOR_VERSION.ADF_MINOR_VERSION.ADF_BUILD_VERSION} of qat_common/adf_common_drv.h
 * ({@code 4.24.0}), and the release the product models it as.
 *
 * @param version  the version as the module says it ({@code 4.24.0})
 * @param modelled the release whose grammar and allocator the product applies, or empty for a
 *                 version it does not model (then the newest is assumed, and said)
 */
public record DriverVersion(String version, Optional<DriverRelease> modelled) {

    /** Longer than any {@code major.minor.build} of small numbers: the rest is not a version. */
    static final int MAX_LENGTH = 32;

    /** Reads the file's content: one line of digits and dots, nothing else. */
    public static DriverVersion parse(String text) throws ParseException {
        String v = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (v.isEmpty() || v.length() > MAX_LENGTH || !v.matches("[0-9]+(\\.[0-9]+){0,3}")) {
            throw new ParseException(1, "not a module version (digits and dots, e.g. 4.24.0): " + Snippet.quote(v));
        }
        return new DriverVersion(v, DriverRelease.ofModuleVersion(v));
    }

    /** The release to read this NAS's files with: the modelled one, else the newest. */
    public DriverRelease release() {
        return modelled.orElse(DriverRelease.NEWEST);
    }
}
