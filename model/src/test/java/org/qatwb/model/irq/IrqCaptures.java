package org.qatwb.model.irq;

/**
 * {@code /proc/interrupts} as the kernel prints it (kernel/irq/proc.c, show_interrupts: the IRQ
 * right-aligned, "%10u " per online CPU, the chip, hardware IRQ and trigger, then the handlers'
 * names), cut to 8 CPUs, with the QAT names the 4.24 driver gives (adf_isr.c, adf_vf_isr.c).
 */
final class IrqCaptures {

    private IrqCaptures() {
    }

    /**
     * A C62x host with SR-IOV: each PF only its AE vector (no bank IRQs while it has VFs), and
     * three VFs of the first PF: 0000:3d:01.0 and 01.1, and 0000:3d:0a.2, whose slot the driver prints
     * in decimal ({@code qat_3d:10.02}). Other devices' lines are there as on a real host.
     */
    static final String SRIOV = ""
            + "            CPU0       CPU1       CPU2       CPU3       CPU4       CPU5       CPU6       CPU7       \n"
            + "   0:         35          0          0          0          0          0          0          0   IO-APIC    2-edge      timer\n"
            + "  24:          0          0          0          0          0          0          0          0  DMAR-MSI    0-edge      dmar0\n"
            + " 131:          0          0          0          2          0          0          0          0  IR-PCI-MSI 31981568-edge      qat0-ae-cluster\n"
            + " 133:          0          0          0          0          0          0          0          0  IR-PCI-MSI 32505856-edge      qat1-ae-cluster\n"
            + " 140:          0      51234          0          0          0          0          0          0  IR-PCI-MSI 31985664-edge      qat_3d:01.00\n"
            + " 141:          0          0        100     880211          0          0          0          0  IR-PCI-MSI 31987712-edge      qat_3d:01.01\n"
            + " 142:          0          0          0          0          0          0          0         17  IR-PCI-MSI 32002048-edge      qat_3d:10.02\n"
            + " 150:    1234567          0          0          0          0          0          0          0  IR-PCI-MSI 524288-edge      nvme0q0\n"
            + " NMI:          0          0          0          0          0          0          0          0   Non-maskable interrupts\n"
            + " LOC:   12345678    2345678    3456789    4567890    5678901    6789012    7890123    8901234   Local timer interrupts\n";

    /** A PF without SR-IOV: a vector per kernel bank, then its AE vector (adf_isr.c, adf_request_irqs). */
    static final String PF_BANKS = ""
            + "           CPU0       CPU1       CPU2       CPU3\n"
            + "  60:        10          0          0          0  IR-PCI-MSI 31981568-edge      qat0-bundle0\n"
            + "  61:         0         20          0          0  IR-PCI-MSI 31981569-edge      qat0-bundle1\n"
            + "  76:         0          0          0          1  IR-PCI-MSI 31981584-edge      qat0-ae-cluster\n";

    /** The affinity item the agent prints for {@link #SRIOV}'s QAT IRQs: IRQ, allowed, effective. */
    static final String SRIOV_AFFINITY = "131 3 3\n133 5 5\n140 1 1\n141 2-3 3\n142 0-7 -\n";
}
