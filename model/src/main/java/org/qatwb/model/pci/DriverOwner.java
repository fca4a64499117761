package org.qatwb.model.pci;

import java.util.Optional;

/**
 * Which driver owns a QAT PCI function: the driver bound to it, told apart by its module's origin
 * (in-kernel and out-of-tree drivers share names) and the function's generation.
 */
public sealed interface DriverOwner {

    /** A short word for scripts ({@code qatwb snapshot}'s {@code pci[].owner}). */
    String wire();

    /** What an administrator reads. */
    String label();

    /** Intel's out-of-tree QAT 1.x driver (QAT1.7.L.4.x): the one with the kernel API that ZFS calls. */
    record Qat1OutOfTree(String driver, String module, Optional<String> version) implements DriverOwner {
        public String wire() {
            return "qat1-out-of-tree";
        }

        public String label() {
            return "Intel QAT 1.x out-of-tree " + version.orElse("(version not shown)") + " (" + module + ")";
        }
    }

    /** Intel's out-of-tree QAT 2.0 driver (QAT20.L.1.x) for Gen 4. */
    record Qat2OutOfTree(String driver, String module, Optional<String> version) implements DriverOwner {
        public String wire() {
            return "qat2-out-of-tree";
        }

        public String label() {
            return "Intel QAT 2.0 out-of-tree " + version.orElse("(version not shown)") + " (" + module + ")";
        }
    }

    /** The Linux kernel's own QAT driver: crypto API and acomp for the kernel, qatlib for user space; no QAT API. */
    record InKernel(String driver, String module) implements DriverOwner {
        public String wire() {
            return "in-kernel";
        }

        public String label() {
            return "in-kernel " + module;
        }
    }

    /** Passed through to a guest (VFIO): the host's kernel, ZFS among its users, cannot use it. */
    record VfioPci() implements DriverOwner {
        public String wire() {
            return "vfio-pci";
        }

        public String label() {
            return "vfio-pci (passed through)";
        }
    }

    /** No driver bound. */
    record NoDriver() implements DriverOwner {
        public String wire() {
            return "none";
        }

        public String label() {
            return "no driver";
        }
    }

    /** Another driver, or a QAT driver whose origin could not be told. */
    record Other(String driver, String why) implements DriverOwner {
        public String wire() {
            return "other";
        }

        public String label() {
            return driver + " (" + why + ")";
        }
    }
}
