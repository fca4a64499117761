package org.qatwb.model.pci;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every QAT PCI device id, physical and virtual function, of every generation. QAT 1.x from Intel's
 * QAT 1.7 driver ({@code qat_common/adf_accel_devices.h}, the {@code *_PCI_DEVICE_ID} and
 * {@code *IOV_PCI_DEVICE_ID} values; qat_service's {@code *_DEVICE_PCI_ID(_VM)} lists the same); Gen 4
 * from the in-kernel driver ({@code drivers/crypto/intel/qat/qat_common/adf_accel_devices.h}:
 * 4xxx 0x4940, 401xx 0x4942, 402xx 0x4944, 420xx 0x4946, each VF one above). The agent's
 * {@code qat_pci_id} lists the same ids.
 *
 * @param id         the id as sysfs prints it ({@code 0x37c8})
 * @param type       the device type as the drivers name it ({@code c6xx}; a VF's {@code c6xxvf})
 * @param generation its generation
 * @param vf         whether it is a virtual function
 * @param marketing  what administrators call it
 */
public enum QatPciId {
    DH895XCC("0x0435", "dh895xcc", QatGeneration.GEN1, false, "Intel QuickAssist 8920/8950"),
    DH895XCC_VF("0x0443", "dh895xccvf", QatGeneration.GEN1, true, "8920/8950 VF"),
    C62X("0x37c8", "c6xx", QatGeneration.GEN2, false, "Intel C62x chipset, QuickAssist 8960/8970"),
    C62X_VF("0x37c9", "c6xxvf", QatGeneration.GEN2, true, "C62x VF"),
    C3XXX("0x19e2", "c3xxx", QatGeneration.GEN2, false, "Intel Atom C3000"),
    C3XXX_VF("0x19e3", "c3xxxvf", QatGeneration.GEN2, true, "C3000 VF"),
    Q200XX("0x18ee", "200xx", QatGeneration.GEN2, false, "Intel 200xx"),
    Q200XX_VF("0x18ef", "200xxvf", QatGeneration.GEN2, true, "200xx VF"),
    D15XX("0x6f54", "d15xx", QatGeneration.GEN2, false, "Intel Xeon D-1500"),
    D15XX_VF("0x6f55", "d15xxvf", QatGeneration.GEN2, true, "D-1500 VF"),
    C4XXX("0x18a0", "c4xxx", QatGeneration.GEN3, false, "Intel Xeon D-2100"),
    C4XXX_VF("0x18a1", "c4xxxvf", QatGeneration.GEN3, true, "D-2100 VF"),
    Q4XXX("0x4940", "4xxx", QatGeneration.GEN4, false, "4th Gen Xeon Scalable (4xxx)"),
    Q4XXX_VF("0x4941", "4xxxvf", QatGeneration.GEN4, true, "4xxx VF"),
    Q401XX("0x4942", "401xx", QatGeneration.GEN4, false, "Xeon Scalable (401xx)"),
    Q401XX_VF("0x4943", "401xxvf", QatGeneration.GEN4, true, "401xx VF"),
    Q402XX("0x4944", "402xx", QatGeneration.GEN4, false, "Xeon 6 (402xx)"),
    Q402XX_VF("0x4945", "402xxvf", QatGeneration.GEN4, true, "402xx VF"),
    Q420XX("0x4946", "420xx", QatGeneration.GEN4, false, "Xeon 6 (420xx)"),
    Q420XX_VF("0x4947", "420xxvf", QatGeneration.GEN4, true, "420xx VF");

    private final String id;
    private final String type;
    private final QatGeneration generation;
    private final boolean vf;
    private final String marketing;

    QatPciId(String id, String type, QatGeneration generation, boolean vf, String marketing) {
        this.id = id;
        this.type = type;
        this.generation = generation;
        this.vf = vf;
        this.marketing = marketing;
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public QatGeneration generation() {
        return generation;
    }

    public boolean vf() {
        return vf;
    }

    public String marketing() {
        return marketing;
    }

    public static Optional<QatPciId> of(String deviceId) {
        return Arrays.stream(values()).filter(v -> v.id.equals(deviceId)).findFirst();
    }
}
