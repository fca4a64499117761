package org.qatwb.model.pci;

/**
 * Where a loaded QAT module comes from. The in-kernel drivers and Intel's out-of-tree packages use
 * the same module names ({@code intel_qat}, {@code qat_c62x}, {@code qat_4xxx}), so the name says
 * nothing: the kernel's taint does ({@code kernel/module/main.c} taints a module without the
 * {@code intree} modinfo tag, set only by an in-tree build, with {@code O}, shown in
 * {@code /sys/module/M/taint}).
 */
public enum ModuleOrigin {
    IN_KERNEL("in-kernel"),
    OUT_OF_TREE("out-of-tree"),
    UNKNOWN("origin unknown");

    private final String label;

    ModuleOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
