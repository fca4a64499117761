package org.qatwb.model.lint;

import java.util.Optional;
import java.util.OptionalLong;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfSection;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.driver.KernelValues;
import org.qatwb.model.driver.PfOffer;
import org.qatwb.model.driver.RingMap;
import org.qatwb.model.driver.ServiceType;

/**
 * Which instance keys the kernel driver reads at all while it configures a device
 * (docs/driver/allocator.md section 4), so that a rule says "the driver refuses the device" only
 * where it does: a section's instances of a kind are read when the ring map holds that kind
 * (step C, {@code adf_cfg_process_kernel_section} / {@code adf_cfg_process_user_section} with
 * {@code adf_cfg_is_svc_enabled}, qat_common/adf_cfg_section.c) and, in a user section, once per
 * process: {@code NumProcesses} read as 0 (missing or unreadable) reads none.
 */
final class DriverReads {

    private DriverReads() {
    }

    /**
     * The ring map the driver works with: a VF's is its PF's offer when the set has the PF, else its
     * own {@code ServicesEnabled} stands for it (as {@link CapacityCheck} does); a PF's is its own.
     * Empty when the file names no map the driver knows (the general rules say so).
     */
    static Optional<RingMap> map(ConfDocument doc, LintContext ctx) {
        boolean vf = ctx.device().map(DeviceRef::vf).orElse(false);
        if (vf && ctx.pfOffer().isPresent()) {
            return ctx.pfOffer().map(PfOffer::map);
        }
        return doc.value(SectionKind.GENERAL_NAME, "ServicesEnabled").flatMap(RingMap::of);
    }

    /** Whether the map has positions for the kind; true when the map is unknown (nothing to say against it). */
    static boolean mapped(Optional<RingMap> map, InstanceKind kind) {
        if (map.isEmpty()) {
            return true;
        }
        return kind == InstanceKind.DC ? map.get().has(ServiceType.COMP) : map.get().cryptoType() != ServiceType.NA;
    }

    /** Whether the driver processes the section at all: a kernel section always, a user section with processes. */
    static boolean processed(ConfSection s) {
        return SectionKind.of(s.name()).kernel()
                || s.value("NumProcesses").flatMap(v -> boxed(KernelValues.number(v))).orElse(0L) > 0;
    }

    /** Whether the driver reads this section's instances of this kind. */
    static boolean reads(ConfSection s, InstanceKind kind, Optional<RingMap> map) {
        return processed(s) && mapped(map, kind);
    }

    /** A section's count of a kind as the kernel reads it; -1 when missing or unreadable. */
    static long count(ConfSection s, InstanceKind kind) {
        return s.value(kind.countKey()).flatMap(v -> boxed(KernelValues.number(v))).orElse(-1L);
    }

    /** An OptionalLong as an Optional, to chain it with Optional maps. */
    static Optional<Long> boxed(OptionalLong v) {
        return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
    }
}
