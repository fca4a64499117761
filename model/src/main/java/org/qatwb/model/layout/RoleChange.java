package org.qatwb.model.layout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.lint.SectionKind;
import org.qatwb.model.lint.Services;

/** {@link Layout#withRole}: where each role puts a device's instances, and what a device without any gets. */
final class RoleChange {

    /** The user section a device gets when it has none: the name Intel's samples use. */
    static final String USER_SECTION = "SSL";
    /** What a device offers when it is given a role without services: both, as Intel's templates do. */
    static final String DEFAULT_SERVICES = "cy;dc";

    private RoleChange() {
    }

    static Layout apply(Layout layout, Collection<DeviceKey> keys, Role role) {
        if (role == Role.OTHER) {
            throw new IllegalArgumentException("role 'other' describes what a file holds; choose zfs, user or unused");
        }
        Layout out = layout;
        List<Device> changed = new ArrayList<>();
        for (DeviceKey key : keys) {
            Device d = out.require(key);
            out = out.withConfig(key, config(out, d, role));
            changed.add(out.require(key));
        }
        return out.withHost(HostNeeds.of(out.host(), changed));
    }

    private static DeviceConfig config(Layout layout, Device d, Role role) {
        DeviceConfig c = d.config();
        if (role == Role.UNUSED) {
            return c.withSections(List.of());
        }
        String services = c.services() != null ? c.services() : DEFAULT_SERVICES;
        boolean zfs = role == Role.ZFS;
        String section = zfs ? SectionKind.KERNEL_QAT_NAME : userSection(c);
        // ZFS never polls; a user section accepts only 1 (poll) or 2 (epoll)
        List<Instance> cy = moved(c, InstanceKind.CY, zfs);
        List<Instance> dc = moved(c, InstanceKind.DC, zfs);
        if (cy.isEmpty() && dc.isEmpty()) {
            int polled = zfs ? Instance.INTERRUPT : Instance.POLLED;
            String prefix = zfs ? "ZFS_" : "USER_";
            if (Services.allowsCy(services)) {
                cy = List.of(Instance.of(prefix + "CY", polled, LocalCores.leastUsed(layout, d.info())));
            }
            if (Services.allowsDc(services)) {
                int core;
                if (zfs && d.vf() && !cy.isEmpty()) {
                    // interrupt mode on a VF: one bank, bound to the first instance's core (allocator.md section 4)
                    core = cy.get(0).core().orElse(LocalCores.leastUsed(layout, d.info()));
                } else {
                    // the Cy instance is not in the layout yet: count it, so both do not land on one core
                    Layout withCy = layout.withConfig(d.key(), new DeviceConfig(services,
                            List.of(new InstanceSection(section, cy, List.of()))));
                    core = LocalCores.leastUsed(withCy, d.info());
                }
                dc = List.of(Instance.of(prefix + "DC", polled, core));
            }
        } else if (zfs && d.vf()) {
            // instances moved into interrupt mode on a VF all need the VF's one core: the first one's
            OptionalInt first = (cy.isEmpty() ? dc : cy).get(0).core();
            if (first.isPresent()) {
                cy = cy.stream().map(i -> i.withCore(first.getAsInt())).toList();
                dc = dc.stream().map(i -> i.withCore(first.getAsInt())).toList();
            }
        }
        return new DeviceConfig(services, List.of(new InstanceSection(section, cy, dc)));
    }

    /** Every instance of a kind, from all sections in order, in the polling mode of the new section. */
    private static List<Instance> moved(DeviceConfig c, InstanceKind kind, boolean zfs) {
        List<Instance> out = new ArrayList<>();
        for (InstanceSection s : c.sections()) {
            for (Instance i : s.instances(kind)) {
                int p = i.polled().orElse(-1);
                boolean fits = zfs ? p == Instance.INTERRUPT : p == 1 || p == 2;
                out.add(fits ? i : i.withPolled(zfs ? Instance.INTERRUPT : Instance.POLLED));
            }
        }
        return out;
    }

    /** The device's own user section, if it has one; else Intel's {@code [SSL]}. */
    private static String userSection(DeviceConfig c) {
        return c.sections().stream().filter(s -> s.kind() == SectionKind.USER).map(InstanceSection::name)
                .findFirst().orElse(USER_SECTION);
    }
}
