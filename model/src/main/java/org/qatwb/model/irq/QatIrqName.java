package org.qatwb.model.irq;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a QAT 1.7 driver gives its interrupt, as {@code /proc/interrupts} shows it.
 *
 * <p>From the driver (4.8 {@code patchguard/qatdriver}, 4.24 {@code nobidev/vyos-qat}):
 * {@code qat_common/adf_isr.c}, adf_request_irqs, names a PF's kernel banks
 * {@code "qat%d-bundle%d"} (accel_id, bank) and its AE vector {@code "qat%d-ae-cluster"};
 * {@code qat_common/adf_vf_isr.c}, adf_request_msi_irq, names a VF's
 * {@code "qat_%02x:%02d.%02d"}: the bus in hex but the PCI slot and function in DECIMAL, and no
 * PCI domain. A VF at {@code 0000:3d:0a.2} is therefore {@code qat_3d:10.02}.
 */
public sealed interface QatIrqName {

    /** A PF bank's vector: requested only for kernel banks, and only while the PF has no VFs. */
    record Bundle(int accelId, int bank) implements QatIrqName {
    }

    /** A PF's acceleration-engine vector. */
    record AeCluster(int accelId) implements QatIrqName {
    }

    /** A VF's one MSI vector, named after its PCI bus, slot and function. */
    record Vf(int bus, int slot, int function) implements QatIrqName {

        /** {@code BB:DD.F} in lower-case hex, the way a BSF writes it (without the domain). */
        public String busSlotFunction() {
            return String.format("%02x:%02x.%x", bus, slot, function);
        }
    }

    Pattern BUNDLE = Pattern.compile("qat([0-9]{1,4})-bundle([0-9]{1,4})");
    Pattern AE = Pattern.compile("qat([0-9]{1,4})-ae-cluster");
    Pattern VF = Pattern.compile("qat_([0-9a-f]{2}):([0-9]{2})\\.([0-9]{2})");

    /** The name read, or empty when it is not a QAT 1.7 interrupt name (or out of PCI's ranges). */
    static Optional<QatIrqName> parse(String name) {
        Matcher m = BUNDLE.matcher(name);
        if (m.matches()) {
            return Optional.of(new Bundle(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        m = AE.matcher(name);
        if (m.matches()) {
            return Optional.of(new AeCluster(Integer.parseInt(m.group(1))));
        }
        m = VF.matcher(name);
        if (m.matches()) {
            int slot = Integer.parseInt(m.group(2));
            int function = Integer.parseInt(m.group(3));
            if (slot > 31 || function > 7) {
                return Optional.empty();
            }
            return Optional.of(new Vf(Integer.parseInt(m.group(1), 16), slot, function));
        }
        return Optional.empty();
    }

    /** The name the driver gives a VF at {@code DDDD:BB:DD.F}. */
    static String ofVf(int bus, int slot, int function) {
        return String.format("qat_%02x:%02d.%02d", bus, slot, function);
    }
}
