package org.qatwb.model.driver;

import java.util.Set;
import org.qatwb.model.device.DeviceCatalog;

/**
 * The firmware-image profiles of 4.24/4.28 and the {@code ServicesEnabled} names each accepts
 * (allocator.md step A3; 4.24 qc/adf_cfg_device.c, table {@code adf_profiles}). The driver's
 * refusal prints the profile's {@link #number}, not its name.
 */
public enum ServicesProfile {
    DEFAULT(0, DeviceCatalog.QAT1_SERVICES),
    CRYPTO(1, Set.of("cy", "sym", "asym")),
    COMPRESSION(2, Set.of("dc", "sym", "sym;dc", "dc;sym")),
    CUSTOM1(3, DeviceCatalog.QAT1_SERVICES),
    DEFAULT_C4XXX(4, DeviceCatalog.QAT1_SERVICES);

    private final int number;
    private final Set<String> services;

    ServicesProfile(int number, Set<String> services) {
        this.number = number;
        this.services = services;
    }

    /** The enum value the driver prints ({@code adf_cfg_fw_image_type}). */
    public int number() {
        return number;
    }

    public boolean accepts(String servicesEnabled) {
        return services.contains(servicesEnabled);
    }

    /**
     * The profile a PF's driver uses: c4xxx always DEFAULT_C4XXX ({@code get_fw_image_type_c4xxx});
     * the others read {@code ServicesProfile}, exact names only, absent or unknown meaning DEFAULT
     * ({@code adf_cfg_fw_string_to_id}). VFs have no hook and always use DEFAULT.
     */
    static ServicesProfile of(String pfType, boolean vf, String value) {
        if (vf) {
            return DEFAULT;
        }
        if (pfType.equals("c4xxx")) {
            return DEFAULT_C4XXX;
        }
        for (ServicesProfile p : values()) {
            if (p.name().equals(value)) {
                return p;
            }
        }
        return DEFAULT;
    }
}
