package org.qatwb.sim.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfEditor;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.sim.profile.ConfTweak;
import org.qatwb.sim.profile.CpuTopology;
import org.qatwb.sim.profile.Profile;
import org.qatwb.sim.profile.QatCard;

/**
 * Writes a profile's root tree: the administrator's files under {@code etc/} (once: a restarted
 * simulator keeps the edits made to them), and the machine's own files, rewritten at every start.
 * The files the running machine keeps current (kstat, parameters, debugfs, state) are written by
 * the machine itself.
 */
public final class TreeGenerator {

    private TreeGenerator() {
    }

    /**
     * Prepares {@code layout}'s root for {@code profile}: a new tree when there is none or it was
     * generated for another profile; the existing {@code etc/} otherwise.
     *
     * @throws IllegalStateException when the directory holds something the simulator did not make
     */
    public static void prepare(RootLayout layout, Profile profile) {
        try {
            Path root = layout.root();
            boolean fresh = true;
            if (Files.isDirectory(root) && !isEmpty(root)) {
                if (!Files.isRegularFile(layout.marker())) {
                    throw new IllegalStateException(root + " exists and was not made by the simulator; refusing to touch it");
                }
                String made = Files.readString(layout.marker(), StandardCharsets.UTF_8).strip();
                if (made.equals(profile.name())) {
                    fresh = false;
                } else {
                    deleteTree(root);
                }
            }
            Files.createDirectories(layout.state());
            Files.createDirectories(layout.requests());
            Files.createDirectories(layout.faults());
            clean(layout.requests());
            clean(layout.faults());
            Files.writeString(layout.marker(), profile.name() + "\n", StandardCharsets.UTF_8);
            if (fresh) {
                writeEtc(layout, profile);
            }
            writeSystem(layout, profile);
            StandIns.install(layout, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeEtc(RootLayout layout, Profile profile) throws IOException {
        Path etc = layout.etc();
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("os-release"), profile.os().osRelease(), StandardCharsets.UTF_8);
        if (!profile.keptParams().isEmpty()) {
            writeKeptParamsUnit(layout, profile);
        }
        if (profile.card() == null) {
            return;
        }
        QatCard card = profile.card();
        DeviceModel m = card.model();
        Files.createDirectories(etc.resolve("default"));
        Files.writeString(etc.resolve("default/qat"), defaultQat(profile), StandardCharsets.UTF_8);
        if (profile.vfDriverBlacklisted()) {
            Files.createDirectories(etc.resolve("modprobe.d"));
            Files.writeString(etc.resolve("modprobe.d/blacklist-qat-vfs.conf"), "blacklist " + m.vfModule() + "\n",
                    StandardCharsets.UTF_8);
        }
        ConfDocument pf = ConfTemplates.pf(m.type());
        for (int i = 0; i < card.pfs(); i++) {
            writeConf(layout, profile, m.type() + "_dev" + i + ".conf", pf);
        }
        if (profile.vfConfs()) {
            List<Integer> cores = profile.cpu().cpusOf(card.nodeId());
            ConfDocument vf = ConfTemplates.vf(m.type());
            for (int v = 0; v < card.pfs() * m.vfsPerPf(); v++) {
                // a VF has one bank, and the first interrupt-mode instance binds it to its core: every
                // interrupt-mode instance of the VF on that one core, or the driver refuses the VF
                // (docs/driver/allocator.md section 4, adf_cfg_get_ring_pairs). VFs walk the node's cores.
                String core = Integer.toString(cores.get(v % cores.size()));
                ConfDocument doc = new ConfEditor(vf)
                        .set("KERNEL_QAT", "Cy0CoreAffinity", core)
                        .set("KERNEL_QAT", "Dc0CoreAffinity", core)
                        .toDocument();
                writeConf(layout, profile, m.vfType() + "_dev" + v + ".conf", doc);
            }
        }
    }

    /**
     * qatwb's parameters unit as its administrator enabled it with {@code qatwb params --keep-after-reboot}:
     * the exact text of {@code model.persist.ZfsQatUnit} (which the agent's {@code persist-params} writes too,
     * so the agent recognises it as its own) and the link {@code systemctl enable} makes. Written with
     * the tree: the simulator never runs the agent to set itself up.
     */
    private static void writeKeptParamsUnit(RootLayout layout, Profile profile) throws IOException {
        Files.createDirectories(layout.multiUserWants());
        Files.writeString(layout.systemdUnits().resolve(ZfsQatUnit.NAME), ZfsQatUnit.text(profile.keptParams()),
                StandardCharsets.UTF_8);
        Files.createSymbolicLink(layout.multiUserWants().resolve(ZfsQatUnit.NAME), Path.of(ZfsQatUnit.PATH));
    }

    private static void writeConf(RootLayout layout, Profile profile, String name, ConfDocument doc) throws IOException {
        ConfEditor editor = new ConfEditor(doc);
        for (ConfTweak t : profile.confTweaks()) {
            if (t.file().equals(name)) {
                editor.set(t.section(), t.key(), t.value());
            }
        }
        Files.write(layout.conf(name), editor.toDocument().toBytes());
    }

    /** {@code /etc/default/qat} as Intel's installer leaves it for an SR-IOV host build, in our words. */
    static String defaultQat(Profile p) {
        return "# Read by qat_service when it starts.\n"
                + "# SR-IOV: create the virtual functions (ZFS's kernel instances live on them)\n"
                + (p.sriov() ? "" : "#") + "SRIOV_ENABLE=1\n"
                + "#LEGACY_LOADED=1\n"
                + "# Load the kernel QAT API (qat_api), which ZFS uses\n"
                + (p.kapi() ? "" : "#") + "ENABLE_KAPI=1\n";
    }

    /**
     * CPU topology, the ZFS module's other parameters, {@code /etc/version} (TrueNAS or not, as the
     * options say at every start) and systemd's unit directory: the machine, not the administrator.
     */
    static void writeSystem(RootLayout layout, Profile profile) throws IOException {
        CpuTopology cpu = profile.cpu();
        Path root = layout.root();
        if (profile.os().trueNas()) {
            write(layout.etc().resolve("version"), profile.os().truenasVersion());
        } else {
            Files.deleteIfExists(layout.etc().resolve("version"));
        }
        Files.createDirectories(layout.systemdUnits());
        // systemd runs (sd_booted(3) looks for this directory); and where the agent keeps its transactions
        Files.createDirectories(root.resolve("run/systemd/system"));
        Files.createDirectories(root.resolve("var/lib"));
        write(root.resolve("sys/devices/system/cpu/online"), cpu.onlineList() + "\n");
        write(root.resolve("sys/devices/system/node/online"), cpu.nodeOnlineList() + "\n");
        for (int n = 0; n < cpu.nodes(); n++) {
            write(root.resolve("sys/devices/system/node/node" + n + "/cpulist"), cpu.nodeCpus().get(n) + "\n");
        }
        // zfs.ko is loaded on every profile; only a QAT build has the zfs_qat_* parameters
        write(layout.params().resolve("zfs_arc_max"), "0\n");
        write(layout.params().resolve("zfs_txg_timeout"), "5\n");
        Files.createDirectories(layout.debugfs());
        if (!profile.zfsWithQat()) {
            Files.deleteIfExists(layout.kstat());
            for (String p : List.of("zfs_qat_compress_disable", "zfs_qat_checksum_disable", "zfs_qat_encrypt_disable")) {
                Files.deleteIfExists(layout.param(p));
            }
        }
        ModuleTree.write(layout, profile);
        QatPciTree.write(layout, profile);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void clean(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Deletes a directory tree (restoring write permission first: the readonly-etc fault may have removed it). */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.toList();
        }
        for (Path p : all) {
            if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                p.toFile().setWritable(true, true);
            }
        }
        for (Path p : all.stream().sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
        }
    }
}
