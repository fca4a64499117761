package org.qatwb.model.pci;

/**
 * The QAT hardware generations as the drivers group them: Intel's QAT 1.7 driver has
 * {@code adf_gen2_hw_data.h} (c6xx, c3xxx, d15xx, 200xx) and {@code adf_gen3_hw_data.h} (c4xxx, 128
 * banks); dh895xcc is the first; the in-kernel driver's {@code adf_gen4_hw_data.h} serves 4xxx,
 * 401xx, 402xx and 420xx.
 */
public enum QatGeneration {
    GEN1("Gen 1"),
    GEN2("Gen 2"),
    GEN3("Gen 3"),
    GEN4("Gen 4");

    private final String label;

    QatGeneration(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether Intel's QAT 1.x out-of-tree driver (the one whose kernel API ZFS calls) drives it. */
    public boolean qat1() {
        return this != GEN4;
    }
}
