package org.qatwb.model.pci;

import java.util.List;
import java.util.Objects;

/**
 * In-kernel and out-of-tree QAT drivers getting in each other's way. Both name their common module
 * {@code intel_qat} and their device modules alike, and the kernel loads one module of a name: whichever
 * loads first (from the initramfs, or an in-kernel {@code qat_4xxx} autoloaded for the CPU's Gen 4
 * endpoints, which pulls the in-kernel {@code intel_qat} in) keeps the other from loading.
 *
 * @param kind      what conflicts
 * @param message   one line naming the modules or devices
 * @param functions the functions concerned (empty for a conflict between modules)
 * @param modules   the in-kernel modules involved
 */
public record DriverConflict(Kind kind, String message, List<OwnedFunction> functions, List<String> modules) {

    public enum Kind {
        /** Loaded QAT modules of both origins. */
        BOTH_LOADED,
        /** A function bound to an in-kernel QAT driver while Intel's out-of-tree driver is installed. */
        IN_KERNEL_BOUND
    }

    public DriverConflict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        functions = List.copyOf(functions);
        modules = List.copyOf(modules);
    }
}
