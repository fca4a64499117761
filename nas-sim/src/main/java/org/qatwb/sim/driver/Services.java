package org.qatwb.sim.driver;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The driver's {@code ServicesEnabled} tables: the ring-to-service map of each name (4 slots of 3
 * bits: 4.24 qat_common/adf_cfg_device.c {@code ADF_CFG_*_RINGS}, shifts in adf_cfg_common.h), the
 * capabilities each name needs ({@code enabled_svc_cap}), and which names each firmware profile
 * accepts ({@code adf_profiles}; 4.8 has one list, {@code adf_cfg_svcs}).
 */
final class Services {

    // service types as the driver numbers them (adf_cfg_common.h enum adf_cfg_service_type)
    static final int NA = 0;
    static final int CRYPTO = 1;
    static final int COMP = 2;
    static final int SYM = 3;
    static final int ASYM = 4;

    // capability bits, the simulator's own numbering of ADF_CFG_CAP_SYM / _ASYM / _DC
    static final int CAP_SYM = 1;
    static final int CAP_ASYM = 2;
    static final int CAP_DC = 4;
    static final int CAP_ALL = CAP_SYM | CAP_ASYM | CAP_DC;

    /** One row of the table. */
    record Entry(int map, int caps) {
    }

    private static int map(int s0, int s1, int s2, int s3) {
        return s0 | s1 << 3 | s2 << 6 | s3 << 9;
    }

    private static final Entry CY = new Entry(map(CRYPTO, CRYPTO, CRYPTO, CRYPTO), CAP_SYM | CAP_ASYM);
    private static final Entry DC = new Entry(map(COMP, COMP, COMP, COMP), CAP_DC);
    private static final Entry SYM_ONLY = new Entry(map(SYM, SYM, SYM, SYM), CAP_SYM);
    private static final Entry ASYM_ONLY = new Entry(map(ASYM, ASYM, ASYM, ASYM), CAP_ASYM);
    private static final Entry CY_DC = new Entry(map(CRYPTO, CRYPTO, NA, COMP), CAP_SYM | CAP_ASYM | CAP_DC);
    private static final Entry ASYM_DC = new Entry(map(ASYM, ASYM, COMP, COMP), CAP_ASYM | CAP_DC);
    private static final Entry SYM_DC = new Entry(map(SYM, SYM, COMP, COMP), CAP_SYM | CAP_DC);

    private static final Map<String, Entry> ALL = Map.ofEntries(
            Map.entry("cy", CY), Map.entry("dc", DC), Map.entry("sym", SYM_ONLY), Map.entry("asym", ASYM_ONLY),
            Map.entry("cy;dc", CY_DC), Map.entry("dc;cy", CY_DC), Map.entry("asym;dc", ASYM_DC),
            Map.entry("dc;asym", ASYM_DC), Map.entry("sym;dc", SYM_DC), Map.entry("dc;sym", SYM_DC));

    /** The map a device has before any configuration ({@code ADF_CFG_DEFAULT_RING_TO_SRV_MAP}, adf_accel_devices.h): cy;dc's. */
    static final int DEFAULT_MAP = CY_DC.map();

    /** The firmware profiles by name and number ({@code adf_cfg_fw_string_to_id}, enum adf_cfg_fw_image_type). */
    static final List<String> PROFILES = List.of("DEFAULT", "CRYPTO", "COMPRESSION", "CUSTOM1", "DEFAULT_C4XXX");

    private static final Map<Integer, List<String>> ACCEPTS = Map.of(
            0, List.copyOf(ALL.keySet()),
            1, List.of("cy", "sym", "asym"),
            2, List.of("dc", "sym", "sym;dc", "dc;sym"),
            3, List.copyOf(ALL.keySet()),
            4, List.copyOf(ALL.keySet()));

    private Services() {
    }

    /** The entry of an exact name under profile {@code profile} (0 = DEFAULT, 4.8's only list). */
    static Optional<Entry> lookup(String name, int profile) {
        return ACCEPTS.get(profile).contains(name) ? Optional.of(ALL.get(name)) : Optional.empty();
    }

    static int slot(int map, int i) {
        return (map >> (3 * i)) & 7;
    }

    /** {@code adf_cfg_is_svc_enabled}: any slot of the map holds {@code type}. */
    static boolean enabled(int map, int type) {
        for (int i = 0; i < 4; i++) {
            if (slot(map, i) == type) {
                return true;
            }
        }
        return false;
    }
}
