package org.qatwb.sim.tree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.qatwb.sim.profile.CpuQat;
import org.qatwb.sim.profile.Profile;
import org.qatwb.sim.profile.QatCard;

/**
 * What the kernel shows of who owns each QAT device, beyond {@link ModuleTree}'s links (the agent's
 * {@code qat_pci}, docs/agent-protocol.md): each PCI function's {@code numa_node}, each QAT module's
 * {@code taint}, {@code version} and {@code srcversion}, and its {@code drivers/pci:NAME} link; and a
 * CPU's Gen 4 endpoints ({@link Profile#cpuQat()}) bound to the in-kernel driver, with that driver's
 * modules and their modules.dep lines.
 *
 * <p>As Linux shows them: {@code /sys/module/M/taint} holds the module's taint letters ({@code O} for
 * a module built outside the tree, kernel/module/main.c; {@code E} as well when it is unsigned on a
 * kernel that checks signatures: Intel's installer signs only when given a {@code mod_sign_cmd}); an
 * in-tree module's is empty. {@code version} is the module's MODULE_VERSION: the out-of-tree release's
 * ADF_DRV_VERSION ({@code 4.24.0}), the in-kernel driver's {@code 0.6.0} (drivers/crypto/intel/qat/
 * qat_common/adf_common_drv.h). {@code intel_qat/version} of the out-of-tree driver is
 * {@link org.qatwb.sim.driver.QatDriver}'s, written while it is loaded.
 */
public final class QatPciTree {

    static final String OUT_OF_TREE_TAINT = "OE";
    static final String IN_KERNEL_VERSION = "0.6.0";
    /** Where Linux 6.4 and later keep the in-kernel QAT drivers. */
    private static final String IN_KERNEL_DIR = "kernel/drivers/crypto/intel/qat/";

    /** The in-kernel Gen 4 PCI drivers by device id: qat_4xxx (4xxx, 401xx, 402xx) and qat_420xx, named as their pci_driver. */
    private static final Map<String, List<String>> IN_KERNEL_GEN4 = Map.of(
            "0x4940", List.of("4xxx", "qat_4xxx"), "0x4942", List.of("4xxx", "qat_4xxx"),
            "0x4944", List.of("4xxx", "qat_4xxx"), "0x4946", List.of("420xx", "qat_420xx"));

    private QatPciTree() {
    }

    static void write(RootLayout layout, Profile profile) throws IOException {
        Path root = layout.root();
        if (profile.qat().isPresent()) {
            outOfTree(root, profile);
        }
        if (!profile.cpuQat().isEmpty()) {
            inKernel(root, profile);
        }
    }

    /** Intel's out-of-tree driver, as ModuleTree loaded it: every module tainted, PF and VF drivers linked. */
    private static void outOfTree(Path root, Profile profile) throws IOException {
        QatCard card = profile.card();
        String vfModule = card.model().vfModule();
        String pfModule = vfModule.substring(0, vfModule.length() - 2);
        String version = profile.driverRelease().moduleVersion();
        for (String m : List.of("intel_qat", "qat_api", pfModule, vfModule)) {
            Path dir = root.resolve("sys/module/" + m);
            if (!Files.isDirectory(dir)) {
                continue; // not loaded
            }
            write(dir.resolve("taint"), OUT_OF_TREE_TAINT + "\n");
            write(dir.resolve("srcversion"), srcversion(m + " " + version) + "\n");
            if (!m.equals("intel_qat")) {
                write(dir.resolve("version"), version + "\n");
            }
        }
        driverLink(root, pfModule, card.type());
        driverLink(root, vfModule, card.model().vfType());
        try (Stream<Path> devices = Files.list(root.resolve("sys/bus/pci/devices"))) {
            for (Path d : devices.toList()) {
                write(d.resolve("numa_node"), card.nodeId() + "\n");
            }
        }
    }

    /** A distribution kernel's own driver, loaded by udev for the CPU's endpoints. */
    private static void inKernel(Path root, Profile profile) throws IOException {
        StringBuilder dep = new StringBuilder();
        for (CpuQat q : profile.cpuQat()) {
            List<String> driver = IN_KERNEL_GEN4.get(q.deviceId());
            if (driver == null) {
                throw new IllegalArgumentException("no in-kernel driver for QAT device " + q.deviceId());
            }
            Path dev = root.resolve("sys/bus/pci/devices/" + q.bsf());
            write(dev.resolve("vendor"), "0x8086\n");
            write(dev.resolve("device"), q.deviceId() + "\n");
            write(dev.resolve("numa_node"), q.node() + "\n");
            Path drivers = Files.createDirectories(root.resolve("sys/bus/pci/drivers/" + driver.get(0)));
            if (!Files.exists(drivers.resolve(q.bsf()), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(drivers.resolve(q.bsf()), Path.of("../../devices/" + q.bsf()));
                Files.createSymbolicLink(dev.resolve("driver"), Path.of("../../drivers/" + driver.get(0)));
            }
            for (String m : List.of("intel_qat", driver.get(1))) {
                Path dir = Files.createDirectories(root.resolve("sys/module/" + m + "/holders")).getParent();
                write(dir.resolve("taint"), "\n");
                write(dir.resolve("version"), IN_KERNEL_VERSION + "\n");
                write(dir.resolve("srcversion"), srcversion(m + " " + profile.os().kernel()) + "\n");
            }
            Path holder = root.resolve("sys/module/intel_qat/holders/" + driver.get(1));
            if (!Files.exists(holder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(holder, Path.of("../../" + driver.get(1)));
            }
            driverLink(root, driver.get(1), driver.get(0));
            String common = IN_KERNEL_DIR + "qat_common/intel_qat.ko";
            String line = IN_KERNEL_DIR + driver.get(1) + "/" + driver.get(1) + ".ko: " + common + "\n";
            if (dep.indexOf(line) < 0) {
                dep.append(line);
            }
            if (dep.indexOf(common + ":") < 0) {
                dep.append(common).append(":\n");
            }
        }
        Path modulesDep = root.resolve("lib/modules/" + profile.os().kernel() + "/modules.dep");
        Files.createDirectories(modulesDep.getParent());
        Files.writeString(modulesDep, dep.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * {@code /sys/module/M/drivers/pci:NAME}, for a module that is loaded (the driver directory's own
     * {@code module} link back is left out: the agent does not read it, and it would sit among the BSFs).
     */
    private static void driverLink(Path root, String module, String driver) throws IOException {
        Path dir = root.resolve("sys/module/" + module);
        Path drv = root.resolve("sys/bus/pci/drivers/" + driver);
        if (!Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.resolve("drivers"));
        Files.createDirectories(drv);
        Path link = dir.resolve("drivers/pci:" + driver);
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, Path.of("../../../bus/pci/drivers/" + driver));
        }
    }

    /** A module's srcversion: 23 upper-case hex digits of a digest of its sources (here: of its name and release). */
    static String srcversion(String of) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(of.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(d).substring(0, 23);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
