package org.qatwb.model.pci;

import java.util.Objects;
import java.util.Optional;

/**
 * One QAT kernel module: a {@code mod} line of the agent's {@code qat_pci} (loaded), and where the
 * running kernel's modules.dep puts its file (a {@code dep} line), which is the file modprobe loads next.
 *
 * @param name       the module ({@code qat_c62x})
 * @param loaded     whether {@code /sys/module/NAME} exists
 * @param taint      {@code /sys/module/NAME/taint}: empty string when untainted; empty when not readable
 * @param version    its {@code MODULE_VERSION} ({@code 4.24.0} for QAT 1.7 4.24; the in-kernel driver's
 *                   ADF_DRV_VERSION is {@code 0.6.0}); empty when it has none
 * @param srcversion the checksum of its sources, which tells two builds apart; empty when not shown
 * @param file       its path in modules.dep, relative to {@code /lib/modules/RELEASE}; empty when not listed
 */
public record QatModule(String name, boolean loaded, Optional<String> taint, Optional<String> version,
                        Optional<String> srcversion, Optional<String> file) {

    /** Where the in-kernel QAT drivers live: drivers/crypto/qat before Linux 6.4, drivers/crypto/intel/qat since. */
    static final String IN_KERNEL_DIR = "kernel/drivers/crypto/";

    public QatModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(taint, "taint");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(srcversion, "srcversion");
        Objects.requireNonNull(file, "file");
    }

    /**
     * The loaded module's origin: the taint when readable ({@code O}: out of tree); else its file
     * (out of tree unless under the kernel's own {@code drivers/crypto}: Intel's installer puts its
     * modules under {@code updates/} and copies qat_api.ko and usdm_drv.ko to {@code kernel/drivers/},
     * Makefile.in {@code quickassist-install}); else its version (QAT 1.7 releases are 4.x); else unknown.
     */
    public ModuleOrigin origin() {
        if (taint.isPresent()) {
            return taint.get().contains("O") ? ModuleOrigin.OUT_OF_TREE : ModuleOrigin.IN_KERNEL;
        }
        return fileOrigin().or(() -> version.filter(v -> v.startsWith("4.")).map(v -> ModuleOrigin.OUT_OF_TREE))
                .orElse(ModuleOrigin.UNKNOWN);
    }

    /** The origin of the file modprobe would load now; empty when modules.dep does not list it. */
    public Optional<ModuleOrigin> fileOrigin() {
        return file.map(f -> f.startsWith(IN_KERNEL_DIR) ? ModuleOrigin.IN_KERNEL : ModuleOrigin.OUT_OF_TREE);
    }

    /** Whether it is one of the QAT driver's own modules (not vfio_pci, which may drive a QAT VF too). */
    public boolean qat() {
        return isQatName(name);
    }

    static boolean isQatName(String module) {
        return module.equals("intel_qat") || module.equals("usdm_drv") || module.startsWith("qat_");
    }
}
