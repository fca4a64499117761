package org.qatwb.model.layout;

import java.util.List;
import java.util.Objects;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.lint.SectionKind;

/**
 * The instances one section of a conf file declares, in index order: {@code cy.get(n)} is
 * {@code Cy<n>}, and the list sizes are {@code NumberCyInstances} and {@code NumberDcInstances}.
 *
 * @param name the section ({@code KERNEL_QAT}, {@code SSL})
 * @param cy   the Cy instances
 * @param dc   the Dc instances
 */
public record InstanceSection(String name, List<Instance> cy, List<Instance> dc) {

    public InstanceSection {
        // any name a file holds is kept; whether a new one can be written is the compiler's question
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a section needs a name");
        }
        if (SectionKind.of(name) == SectionKind.GENERAL) {
            throw new IllegalArgumentException("[GENERAL] holds no instances");
        }
        cy = List.copyOf(cy);
        dc = List.copyOf(dc);
    }

    public static InstanceSection empty(String name) {
        return new InstanceSection(name, List.of(), List.of());
    }

    public SectionKind kind() {
        return SectionKind.of(name);
    }

    public List<Instance> instances(InstanceKind kind) {
        return kind == InstanceKind.CY ? cy : dc;
    }

    public InstanceSection withInstances(InstanceKind kind, List<Instance> instances) {
        Objects.requireNonNull(instances, "instances");
        return kind == InstanceKind.CY ? new InstanceSection(name, instances, dc) : new InstanceSection(name, cy, instances);
    }

    public boolean isEmpty() {
        return cy.isEmpty() && dc.isEmpty();
    }
}
