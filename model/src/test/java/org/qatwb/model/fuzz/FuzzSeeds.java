package org.qatwb.model.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.qatwb.model.kernel.KernelFixture;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.testutil.AgentOutputWriter;
import org.qatwb.model.testutil.C62xFixture;
import org.qatwb.model.testutil.NasOutputs;

/**
 * The valid inputs that mutations start from: the project's own fixtures (test resources and
 * {@code testutil}), never the shared sample corpus, so the suite runs the same everywhere.
 * Whole outputs are kept small (one PF and two VFs rather than 51 devices) so that a million
 * of them go through a reader in minutes.
 */
public final class FuzzSeeds {

    public static final String B = AgentOutputWriter.BOUNDARY;

    private FuzzSeeds() {
    }

    public static String resource(String path) {
        try (InputStream in = FuzzSeeds.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String fuzz(String name) {
        return resource("/fixtures/fuzz/" + name);
    }

    /** The first devices of the C62x status: one PF and two of its VFs. */
    public static String smallAdfStatus() {
        List<String> lines = C62xFixture.adfStatus().lines().toList();
        return "Checking status of all devices.\nThere is 3 QAT acceleration device(s) in the system:\n"
                + lines.get(2) + "\n" + lines.get(5) + "\n" + lines.get(6) + "\n";
    }

    /** A snapshot of a small C62x host: every item the reader accepts, conf files included. */
    public static byte[] smallHost() {
        return AgentOutputWriter.snapshot()
                .ok("id", "0\nroot\n")
                .ok("adf_status", smallAdfStatus())
                .ok("conf:/etc/c6xx_dev0.conf", C62xFixture.pf())
                .ok("conf:/etc/c6xxvf_dev0.conf", C62xFixture.vf(0))
                .ok("conf:/etc/c6xxvf_dev1.conf", NasOutputs.VF7_CRLF)
                .ok("default_qat", resource("/fixtures/etc/default_qat_hand_edited.txt"))
                .ok("blacklist", resource("/fixtures/etc/blacklist_hand_edited.conf"))
                .ok("param:zfs_qat_compress_disable", "0\n")
                .ok("param:zfs_qat_checksum_disable", "1\n")
                .ok("param:zfs_qat_encrypt_disable", "1\n")
                .ok("kstat_qat", NasOutputs.KSTAT)
                .ok("cpu_online", "0-55\n")
                .ok("node_online", "0-1\n")
                .ok("cpu_nodes", "0 0-13,28-41\n1 14-27,42-55\n")
                .ok("zfs_get", NasOutputs.ZFS_GET)
                .ok("zpool_get", NasOutputs.ZPOOL_GET)
                .ok("kernel_log", fuzz("kernel_log.txt"))
                .ok("debugfs", "qat_c6xx_0000:3d:00.0\nqat_c6xxvf_0000:3d:01.0\n")
                .ok("fw_counters:qat_c6xx_0000:3d:00.0", fuzz("fw_counters_box.txt"))
                .ok("fw_counters:qat_c6xxvf_0000:3d:01.0", fuzz("fw_counters_table.txt"))
                .ok("qat_service", "active\n")
                .ok("os_release", NasOutputs.OS_RELEASE)
                .ok("truenas_version", "25.04.0\n")
                .ok("persist_unit", ZfsQatUnit.text(EnumSet.of(ZfsParam.COMPRESS, ZfsParam.CHECKSUM)))
                .ok("persist_unit_state", "enabled\n")
                .ok("persist_init", fuzz("midclt_init_scripts.json"))
                .ok("qat_journal", "Processing /etc/c6xx_dev0.conf\nQAT Error: Only version 2 config file supported\n")
                .ok("qat_modules", "intel_qat qat_c62x\nqat_api zfs\nqat_c62xvf\n")
                .ok("zfs_depends", "updates/dkms/zfs.ko: updates/dkms/spl.ko updates/drivers/qat_api.ko\n")
                .ok("pci_vfs", "0000:3d:01.0 0x37c9 c6xxvf\n0000:3d:01.1 0x37c9 -\n")
                .ok("qat_pci", "dev 0000:3d:00.0 0x37c8 pf 0 c6xx\ndev 0000:6b:00.0 0x4940 pf -1 4xxx\ndrv c6xx qat_c62x\n"
                        + "drv 4xxx qat_4xxx\nmod qat_c62x OE 4.24.0 0A1B2C3D4E5F60718293A4B\nmod qat_4xxx - 0.6.0 -\n"
                        + "dep qat_c62x updates/drivers/crypto/qat/qat_c62x/qat_c62x.ko\n")
                .ok("cmdline", "BOOT_IMAGE=/vmlinuz zfs.zfs_qat_checksum_disable=1\n")
                .ok("modprobe:/etc/modprobe.d/zfs.conf", "options zfs zfs_qat_compress_disable=1 \\\n zfs_arc_max=0\n")
                // the kernel guard's items: two kernels, GRUB's menu with a submenu, DKMS
                .ok("kernels", KernelFixture.items(KernelFixture.kernel(KernelFixture.RUNNING, true, true, false),
                        KernelFixture.kernel(KernelFixture.UPDATE, false, true, true)))
                .ok("grub_env", "# GRUB Environment Block\nsaved_entry=1>0\nnext_entry=\n####\n")
                .ok("grub_cfg", KernelFixture.grubCfg(KernelFixture.UPDATE, KernelFixture.RUNNING))
                .done().bytes();
    }

    public static List<byte[]> snapshots() {
        return List.of(smallHost(), NasOutputs.noQatHost().bytes());
    }

    public static List<byte[]> streams() {
        return List.of(AgentOutputWriter.stream()
                .ok("uptime", "350735.47 1234.00\n").ok("kstat_qat", NasOutputs.KSTAT)
                .ok("fw_counters:qat_c6xx_0000:3d:00.0", fuzz("fw_counters_box.txt")).tick(1)
                .ok("uptime", "350736.47 1235.00\n").absent("kstat_qat")
                .item("fw_counters:qat_c6xx_0000:3d:00.0", "error", 1, "cat: Input/output error\n").tick(2)
                .bytes());
    }

    public static List<byte[]> applyOutputs() {
        return List.of(
                answer("apply").ok("tx", fuzz("tx_summary.txt")).ok("step:check_tools", "")
                        .item("step:restart", "error", 1, "qat_dev3: Failed to start\n")
                        .ok("kernel_log", fuzz("kernel_log.txt")).done().bytes(),
                answer("status").absent("tx").done().bytes());
    }

    public static List<byte[]> historyOutputs() {
        return List.of(answer("history").ok("tx:20261122T100001Z-3fa2b1c0", fuzz("tx_summary.txt"))
                .ok("tx:20261122T110001Z-00000001", fuzz("tx_restore_summary.txt"))
                .item("tx:20261122T120001Z-00000002", "denied", 0, "permission denied\n").done().bytes());
    }

    public static List<byte[]> persistOutputs() {
        String unit = ZfsQatUnit.text(EnumSet.of(ZfsParam.COMPRESS, ZfsParam.CHECKSUM));
        return List.of(
                answer("persist-params").ok("persist_target", "systemd\n").ok("unit_write", "").ok("daemon_reload", "")
                        .item("unit_enable", "error", 1, "Failed to enable unit: Access denied\n")
                        .ok("persist_unit", unit).ok("persist_unit_state", "disabled\n").absent("persist_init").done().bytes(),
                answer("persist-params").ok("persist_target", "truenas-init\n").ok("midclt_create", "{\"id\": 3}\n")
                        .absent("persist_unit").absent("persist_unit_state")
                        .ok("persist_init", fuzz("midclt_init_scripts.json")).done().bytes());
    }

    public static List<byte[]> ziaOutputs() {
        return List.of(
                answer("zpool-set").item("zpool_set", "ok", 0, "").ok("zpool_get", NasOutputs.ZPOOL_GET).done().bytes(),
                answer("zpool-set").item("zpool_set", "error", 1,
                        "cannot set property for 'tank': 'zia_compress' must be one of 'on | off'\n")
                        .ok("zpool_get", "tank\tzia_compress\toff\n").done().bytes());
    }

    private static AgentOutputWriter answer(String verb) {
        return new AgentOutputWriter(B).header(verb);
    }

    /** The protocol's own lines, right and forged (a boundary of the wrong length, a wrong one, a frame left open). */
    public static List<byte[]> frameWords() {
        String m = "@@" + B;
        return Mutator.utf8(m + " begin x\n", m + " end x ok 0\n", m + " end x truncated 0\n", m + " end x ok -1\n",
                m + " end x ok 2147483648\n", m + " end kstat_qat absent 0\n", m + " begin kstat_qat\n", m + " tick 1\n",
                m + " tick 2147483648\n", m + " tick -1\n", m + " done\n", m + " agent 1 snapshot\n", m + " agent 1 stream\n",
                m + " agent 99 snapshot\n", m + " agent 1 persist-params\n", m + " begin conf:/etc/c6xx_dev9.conf\n",
                m + " begin tx:20261122T100001Z-3fa2b1c0\n", m + " begin step:\u001b[2J\n", m + " begin tx\n",
                "@@" + B.substring(1) + " end x ok 0\n", "@@fedcba9876543210fedcba9876543210 done\n", m, "@@", m + " ",
                "\n" + m + " end ", " ok 0\n");
    }
}
