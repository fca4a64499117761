package org.qatwb.model.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.lint.SectionKind;

/**
 * What one PF or VF's conf file says about its use: {@code ServicesEnabled} and the instances of
 * each section. Everything else in the file (request sizes, statistics, comments) is not part of
 * the layout and stays as it is.
 *
 * <p>Kept in one canonical form, so that two configs that mean the same file content are equal:
 * sections without instances are left out (their counts are 0), and sections are ordered
 * {@code [KERNEL_QAT]}, {@code [KERNEL]}, then user sections by name.
 *
 * @param services {@code ServicesEnabled} as the driver reads it; null when the file has none
 * @param sections the sections that declare instances
 */
public record DeviceConfig(String services, List<InstanceSection> sections) {

    /** No file content at all: what a device without a conf file has. */
    public static final DeviceConfig NONE = new DeviceConfig(null, List.of());

    private static final Comparator<InstanceSection> ORDER = Comparator
            .comparingInt((InstanceSection s) -> s.kind() == SectionKind.KERNEL_QAT ? 0 : s.kind() == SectionKind.KERNEL ? 1 : 2)
            .thenComparing(InstanceSection::name);

    public DeviceConfig {
        List<InstanceSection> kept = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (InstanceSection s : sections) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("section [" + s.name() + "] is given twice");
            }
            if (!s.isEmpty()) {
                kept.add(s);
            }
        }
        kept.sort(ORDER);
        sections = List.copyOf(kept);
    }

    /** The role its instances give the device. */
    public Role role() {
        if (sections.isEmpty()) {
            return Role.UNUSED;
        }
        if (sections.stream().allMatch(s -> s.kind() == SectionKind.KERNEL_QAT)) {
            return Role.ZFS;
        }
        if (sections.stream().allMatch(s -> s.kind() == SectionKind.USER)) {
            return Role.USER;
        }
        return Role.OTHER;
    }

    public Optional<InstanceSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Instances of a kind over all sections. */
    public int count(InstanceKind kind) {
        return sections.stream().mapToInt(s -> s.instances(kind).size()).sum();
    }

    /** Whether there is nothing to write: no services and no instances. */
    public boolean isEmpty() {
        return services == null && sections.isEmpty();
    }

    public DeviceConfig withServices(String newServices) {
        return new DeviceConfig(newServices, sections);
    }

    public DeviceConfig withSections(List<InstanceSection> newSections) {
        return new DeviceConfig(services, newSections);
    }

    /** The config with one section replaced (or added); an empty section removes it. */
    public DeviceConfig withSection(InstanceSection section) {
        List<InstanceSection> out = new ArrayList<>();
        for (InstanceSection s : sections) {
            if (!s.name().equals(section.name())) {
                out.add(s);
            }
        }
        out.add(section);
        return new DeviceConfig(services, out);
    }
}
