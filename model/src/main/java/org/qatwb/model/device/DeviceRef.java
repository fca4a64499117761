package org.qatwb.model.device;

import java.util.Optional;

/**
 * A device type string resolved against the catalog: {@code c6xxvf} is the VF of {@code c6xx}.
 *
 * @param type  the type exactly as written ({@code c6xx}, {@code c6xxvf})
 * @param model the catalog entry, empty for a type the catalog does not know
 * @param vf    whether the type names a virtual function
 */
public record DeviceRef(String type, Optional<DeviceModel> model, boolean vf) {

    /** Resolves a type as {@code adf_ctl} prints it or as a conf file name starts. */
    public static DeviceRef of(String type) {
        Optional<DeviceModel> pf = DeviceCatalog.byType(type);
        if (pf.isPresent()) {
            return new DeviceRef(type, pf, false);
        }
        Optional<DeviceModel> byVf = DeviceCatalog.byVfType(type);
        if (byVf.isPresent()) {
            return new DeviceRef(type, byVf, true);
        }
        // Intel ships "<type>pf_dev0.conf" templates for a PF that only hosts VFs
        if (type.endsWith("pf")) {
            Optional<DeviceModel> host = DeviceCatalog.byType(type.substring(0, type.length() - 2));
            if (host.isPresent()) {
                return new DeviceRef(type, host, false);
            }
        }
        return new DeviceRef(type, Optional.empty(), type.endsWith("vf"));
    }

    /** The driver's type for this function: the PF type, or the VF type. */
    public String driverType() {
        return model.map(m -> vf ? m.vfType() : m.type()).orElse(type);
    }

    /** Ring banks of this function, or 0 when unknown. */
    public int banks() {
        return model.map(m -> m.banks(vf)).orElse(0);
    }
}
