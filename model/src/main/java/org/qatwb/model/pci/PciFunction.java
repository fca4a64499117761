package org.qatwb.model.pci;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One QAT PCI function as sysfs shows it: a {@code dev} line of the agent's {@code qat_pci}.
 *
 * @param bsf      its address, {@code DDDD:BB:DD.F}
 * @param id       its device id
 * @param vf       whether it has a {@code physfn} link (a virtual function)
 * @param numaNode its {@code numa_node}; empty when the kernel says -1 (no node) or did not say
 * @param driver   the {@code /sys/bus/pci/drivers} entry holding it ({@code c6xx}, {@code 4xxx},
 *                 {@code vfio-pci}): the driver's PCI name, which is not its module's ({@code qat_c62x});
 *                 empty when none is bound
 */
public record PciFunction(String bsf, QatPciId id, boolean vf, OptionalInt numaNode, Optional<String> driver) {

    public PciFunction {
        Objects.requireNonNull(bsf, "bsf");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(numaNode, "numaNode");
        Objects.requireNonNull(driver, "driver");
    }

    public QatGeneration generation() {
        return id.generation();
    }
}
