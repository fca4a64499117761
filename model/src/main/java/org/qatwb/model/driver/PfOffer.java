package org.qatwb.model.driver;

import java.util.ArrayList;
import java.util.List;

/**
 * What a PF's driver sends its VFs over the PF/VF channel: its ring map
 * ({@code adf_pf_vf_ring_to_svc_init}, qat_common/adf_pf2vf_ring_to_svc_map.c) and the
 * capabilities it kept ({@code adf_pf_capabilities_msg_provider}, adf_pf2vf_capabilities.c), in
 * {@link RingMap#capabilities()} bits. A VF's own {@code ServicesEnabled} must ask for no more
 * ({@code adf_cfg_check_enabled_services}, adf_cfg_device.c: "Unsupported device configuration").
 *
 * @param map  the ring map the VF works with, whatever its own file says
 * @param caps the capabilities the VF may ask for
 */
public record PfOffer(RingMap map, int caps) {

    /** A PF before any configuration, or not in the set: the default map, every capability. */
    public static final PfOffer FRESH = new PfOffer(RingMap.DEFAULT, RingMap.ALL);

    /** Whether a VF whose own {@code ServicesEnabled} selects {@code services} passes the capability check. */
    public boolean grants(RingMap services) {
        int needs = services.capabilities();
        return (needs & caps) == needs;
    }

    /** The capabilities in words ({@code sym, asym, dc}), for messages. */
    public String capabilityNames() {
        List<String> out = new ArrayList<>();
        if ((caps & RingMap.SYM) != 0) {
            out.add("sym");
        }
        if ((caps & RingMap.ASYM) != 0) {
            out.add("asym");
        }
        if ((caps & RingMap.DC) != 0) {
            out.add("dc");
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }
}
