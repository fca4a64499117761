package org.qatwb.model.device;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The QAT devices the product knows (DOMAIN.md section 2).
 *
 * <p>Figures come from Intel's driver sources and sample configurations. Gen 4 ({@code 4xxx}) is
 * listed so that its devices are recognised and named, but it has no 1.x kernel API and another
 * ring model, so ZFS and the capacity rules leave it alone.
 */
public final class DeviceCatalog {

    /** ServicesEnabled values a QAT 1.x driver accepts under ServicesProfile DEFAULT. */
    public static final Set<String> QAT1_SERVICES = Set.of(
            "cy", "dc", "sym", "asym", "cy;dc", "dc;cy", "asym;dc", "dc;asym", "sym;dc", "dc;sym");

    /**
     * ServicesEnabled values of the Gen 4 driver: at most two of asym, sym, dc (dcc alone).
     * An inference from Intel's 4xxx sample configurations, which ship {@code asym;sym} and {@code dc}.
     */
    public static final Set<String> GEN4_SERVICES = Set.of(
            "asym", "sym", "dc", "dcc", "asym;sym", "sym;asym", "asym;dc", "dc;asym", "sym;dc", "dc;sym");

    private static final List<DeviceModel> MODELS = List.of(
            new DeviceModel("dh895xcc", "dh895xccvf", "qat_dh895xccvf", "Intel QuickAssist 8920/8950 (DH895xCC)",
                    32, 1, 6, 12, 32, true, QAT1_SERVICES),
            new DeviceModel("c6xx", "c6xxvf", "qat_c62xvf", "Intel C62x chipset, QuickAssist 8960/8970",
                    16, 3, 5, 10, 16, true, QAT1_SERVICES),
            new DeviceModel("c3xxx", "c3xxxvf", "qat_c3xxxvf", "Intel Atom C3000 (C3xxx)",
                    16, 1, 3, 6, 16, true, QAT1_SERVICES),
            new DeviceModel("d15xx", "d15xxvf", "qat_d15xxvf", "Intel Xeon D-1500 (D15xx)",
                    16, 1, 5, 10, 16, true, QAT1_SERVICES),
            new DeviceModel("200xx", "200xxvf", "qat_200xxvf", "Intel 200xx",
                    16, 1, 3, 6, 16, true, QAT1_SERVICES),
            new DeviceModel("c4xxx", "c4xxxvf", "qat_c4xxxvf", "Intel Xeon D-2100 (C4xxx)",
                    128, 1, 12, 32, 128, true, QAT1_SERVICES),
            new DeviceModel("4xxx", "4xxxvf", "qat_4xxxvf", "Intel Xeon Scalable 4th gen and later (4xxx, QAT Gen 4)",
                    16, 1, 1, 9, 0, false, GEN4_SERVICES));

    private DeviceCatalog() {
    }

    public static List<DeviceModel> all() {
        return MODELS;
    }

    public static Optional<DeviceModel> byType(String type) {
        return MODELS.stream().filter(m -> m.type().equals(type)).findFirst();
    }

    public static Optional<DeviceModel> byVfType(String vfType) {
        return MODELS.stream().filter(m -> m.vfType().equals(vfType)).findFirst();
    }

    /** Every model's VF driver module, in catalog order: the only module names a layout may block. */
    public static List<String> vfModules() {
        return MODELS.stream().map(DeviceModel::vfModule).toList();
    }

    /** The model whose VF driver module is {@code module} ({@code qat_c62xvf} is C62x's). */
    public static Optional<DeviceModel> byVfModule(String module) {
        return MODELS.stream().filter(m -> m.vfModule().equals(module)).findFirst();
    }
}
