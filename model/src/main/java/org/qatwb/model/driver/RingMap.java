package org.qatwb.model.driver;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qatwb.model.conf.InstanceKind;

/**
 * The 4-slot ring-to-service map that {@code ServicesEnabled} selects (allocator.md section 2,
 * "Positions per bank"). A CRYPTO slot also consumes the slot after it.
 */
public record RingMap(String services, List<ServiceType> slots) {

    private static final ServiceType C = ServiceType.CRYPTO;
    private static final ServiceType Z = ServiceType.COMP;
    private static final ServiceType S = ServiceType.SYM;
    private static final ServiceType A = ServiceType.ASYM;
    private static final ServiceType N = ServiceType.NA;

    // the driver's table (4.24 qc/adf_cfg_device.c:26-59): the order of two names gives the same map
    private static final Map<String, List<ServiceType>> MAPS = Map.ofEntries(
            Map.entry("cy", List.of(C, C, C, C)),
            Map.entry("dc", List.of(Z, Z, Z, Z)),
            Map.entry("sym", List.of(S, S, S, S)),
            Map.entry("asym", List.of(A, A, A, A)),
            Map.entry("cy;dc", List.of(C, C, N, Z)),
            Map.entry("dc;cy", List.of(C, C, N, Z)),
            Map.entry("sym;dc", List.of(S, S, Z, Z)),
            Map.entry("dc;sym", List.of(S, S, Z, Z)),
            Map.entry("asym;dc", List.of(A, A, Z, Z)),
            Map.entry("dc;asym", List.of(A, A, Z, Z)));

    /** The map a VF starts with and keeps when its PF says nothing (default ring map, {@code cy;dc}). */
    public static final RingMap DEFAULT = new RingMap("cy;dc", MAPS.get("cy;dc"));

    public RingMap {
        slots = List.copyOf(slots);
    }

    /** The map of an exact {@code ServicesEnabled} value (profile DEFAULT's names), or empty. */
    public static Optional<RingMap> of(String servicesEnabled) {
        return Optional.ofNullable(MAPS.get(servicesEnabled)).map(s -> new RingMap(servicesEnabled, s));
    }

    /** Whether any slot holds {@code type} ({@code adf_cfg_is_svc_enabled}). */
    public boolean has(ServiceType type) {
        return slots.contains(type);
    }

    /** Capability bits of {@link #capabilities()}: symmetric crypto, asymmetric crypto, compression. */
    static final int SYM = 1;
    static final int ASYM = 2;
    static final int DC = 4;
    static final int ALL = SYM | ASYM | DC;

    /**
     * The capabilities this map's services need ({@code enabled_svc_cap} of the driver's services
     * table, 4.8 and 4.24 qat_common/adf_cfg_device.c): a CRYPTO slot needs both symmetric and
     * asymmetric. A PF's driver keeps only these of its hardware's and sends them to its VFs
     * ({@code adf_cfg_update_pf_accel_cap_mask}; {@code adf_pf_capabilities_msg_provider} in
     * qat_common/adf_pf2vf_capabilities.c).
     */
    int capabilities() {
        int c = 0;
        for (ServiceType t : slots) {
            c |= switch (t) {
                case CRYPTO -> SYM | ASYM;
                case SYM -> SYM;
                case ASYM -> ASYM;
                case COMP -> DC;
                case NA -> 0;
            };
        }
        return c;
    }

    /** The type Cy instances take under this map, or NA when the map has no crypto slot. */
    public ServiceType cryptoType() {
        return slots.stream().filter(ServiceType::isCrypto).findFirst().orElse(ServiceType.NA);
    }

    /**
     * How many instances of a kind one bank holds under this map (step A5): Cy instances take the
     * map's crypto positions, Dc instances its COMP positions. A VF has one bank; all its
     * interrupt-mode instances must then share one core and one section.
     */
    public int perBank(InstanceKind kind, BankGeometry g) {
        ServiceType t = kind == InstanceKind.DC ? ServiceType.COMP : cryptoType();
        if (t == ServiceType.NA) {
            return 0;
        }
        return (int) positions(g).stream().filter(p -> p == t).count();
    }

    /**
     * The positions of one bank, slot by slot (step A5): {@code pairsPerSlot} per slot, a CRYPTO
     * slot yielding them for itself and the next one.
     */
    List<ServiceType> positions(BankGeometry g) {
        List<ServiceType> out = new java.util.ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            for (int k = 0; k < g.pairsPerSlot(); k++) {
                out.add(slots.get(i));
            }
            if (slots.get(i) == ServiceType.CRYPTO) {
                i++;
            }
        }
        return out;
    }
}
