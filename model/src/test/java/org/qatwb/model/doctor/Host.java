package org.qatwb.model.doctor;

import static org.qatwb.model.testutil.AgentOutputWriter.BOUNDARY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.kernel.KernelFixture;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.testutil.AgentOutputWriter;
import org.qatwb.model.testutil.C62xFixture;
import org.qatwb.model.testutil.NasOutputs;

/**
 * A NAS for the doctor's tests, as the agent's snapshot output (so the snapshot is read exactly as
 * from a real one): by default a healthy C62x host, 3 PFs and 48 VFs for ZFS, QAT up before zfs.ko,
 * the parameters 0, offloadable datasets. Each test breaks one thing.
 */
final class Host {

    private record Item(String status, int rc, String content) {
    }

    static final String DEFAULT_QAT = "# Read by qat_service\nSRIOV_ENABLE=1\n#LEGACY_LOADED=1\nENABLE_KAPI=1\n";
    static final String QAT_STARTED = "[    4.812345] c6xx 0000:3d:00.0: qat_dev0 started 10 acceleration engines";
    static final String ZFS_LOADED = "[    9.104221] ZFS: Loaded module v2.2.7-1, ZFS pool version 5000, ZFS filesystem version 5";
    static final String PENDING = "[  815.123456] cpaCySymRemoveSession() - : There are 1 requests pending";

    private final Map<String, Item> items = new LinkedHashMap<>();

    private Host() {
    }

    /** The healthy C62x host. */
    static Host c62x() {
        Host h = new Host()
                .ok("id", "0\nroot\n")
                .ok("adf_status", C62xFixture.adfStatus());
        C62xFixture.confFiles().forEach((name, text) -> h.ok("conf:/etc/" + name, text));
        return h.ok("default_qat", DEFAULT_QAT)
                .absent("blacklist")
                .params(0, 0, 0)
                .ok("kstat_qat", NasOutputs.KSTAT)
                .ok("cpu_online", "0-55\n")
                .ok("node_online", "0-1\n")
                .ok("cpu_nodes", "0 0-13,28-41\n1 14-27,42-55\n")
                .datasets(dataset("tank", "lz4", "on", "off", "131072"),
                        dataset("tank/backup", "gzip", "sha256", "aes-256-gcm", "131072"),
                        dataset("tank/media", "lz4", "on", "off", "1048576"))
                .ok("zpool_get", "tank\tsize\t47781511626752\ntank\thealth\tONLINE\n")
                .log(QAT_STARTED, ZFS_LOADED)
                .absent("debugfs")
                .ok("qat_service", "active\n")
                .ok("os_release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n")
                .absent("truenas_version")
                .absent("persist_unit")
                .absent("persist_unit_state")
                .absent("persist_init")
                .journal()
                .ok("qat_modules", "intel_qat qat_c62x qat_c62xvf qat_api usdm_drv\nqat_api zfs\nqat_c62xvf\n")
                .ok("zfs_depends", ZFS_DEPENDS)
                .vfsBoundTo("c6xxvf")
                .ok("qat_pci", c62xPci("OE"))
                .ok("cmdline", "BOOT_IMAGE=/boot/vmlinuz-6.1.0-28-amd64 root=UUID=0a1b ro quiet\n")
                // the first VF's completions on CPU 3, of the card's node 0
                .ok("interrupts", IrqNumaCheckTest.HEADER + IrqNumaCheckTest.line(140, "qat_3d:01.00", 3, 900))
                .ok("irq_affinity", "140 3 3\n")
                // the running kernel, with the QAT driver and a zfs.ko built with QAT, boots next
                .ok("kernels", KernelFixture.items(KernelFixture.kernel(KernelFixture.RUNNING, true, true, false)))
                .ok("grub_env", "# GRUB Environment Block\n####\n")
                .ok("grub_cfg", KernelFixture.grubCfg(KernelFixture.RUNNING));

    }

    /** modules.dep's line for a zfs.ko built with QAT. */
    static final String ZFS_DEPENDS = "updates/dkms/zfs.ko: updates/dkms/spl.ko"
            + " updates/drivers/crypto/qat/qat_common/qat_api.ko updates/drivers/crypto/qat/qat_common/intel_qat.ko\n";

    /** The VFs adf_ctl lists, as the agent's pci_vfs item: each bound to {@code driver} ({@code -} for none). */
    Host vfsBoundTo(String driver) {
        StringBuilder b = new StringBuilder();
        C62xFixture.adfStatus().lines().filter(l -> l.contains("c6xxvf")).forEach(l -> {
            String bsf = l.substring(l.indexOf("bsf: ") + 5, l.indexOf(",", l.indexOf("bsf: ")));
            b.append(bsf).append(" 0x37c9 ").append(driver).append('\n');
        });
        return ok("pci_vfs", b.toString());
    }

    /**
     * The agent's qat_pci for the fixture's C62x: the PFs adf_ctl lists bound to c6xx, the VFs to c6xxvf,
     * node 0, each module with {@code taint} ({@code OE}: Intel's out-of-tree 4.24; {@code -}: the kernel's).
     */
    static String c62xPci(String taint) {
        StringBuilder b = new StringBuilder();
        C62xFixture.adfStatus().lines().filter(l -> l.contains("bsf: ")).forEach(l -> {
            String bsf = l.substring(l.indexOf("bsf: ") + 5, l.indexOf(",", l.indexOf("bsf: ")));
            boolean vf = l.contains("c6xxvf");
            b.append("dev ").append(bsf).append(vf ? " 0x37c9 vf 0 c6xxvf\n" : " 0x37c8 pf 0 c6xx\n");
        });
        String version = taint.equals("-") ? "0.6.0" : "4.24.0";
        String dir = taint.equals("-") ? "kernel/drivers/crypto/intel/qat/" : "updates/drivers/crypto/qat/";
        return b + "drv c6xx qat_c62x\ndrv c6xxvf qat_c62xvf\n"
                + "mod qat_c62x " + taint + " " + version + " 0A1B2C3D4E5F60718293A4B\n"
                + "mod qat_c62xvf " + taint + " " + version + " 1A1B2C3D4E5F60718293A4B\n"
                + "mod intel_qat " + taint + " " + version + " 2A1B2C3D4E5F60718293A4B\n"
                + "dep intel_qat " + dir + "qat_common/intel_qat.ko\n"
                + "dep qat_c62x " + dir + "qat_c62x/qat_c62x.ko\n";
    }

    /** qat_modules with the VF driver loaded or not (qat_api held by zfs either way). */
    Host vfModuleLoaded(boolean loaded) {
        return ok("qat_modules", loaded ? "intel_qat qat_c62x qat_c62xvf qat_api usdm_drv\nqat_api zfs\nqat_c62xvf\n"
                : "intel_qat qat_c62x qat_api usdm_drv\nqat_api zfs\n");
    }

    Host ok(String name, String content) {
        return item(name, "ok", 0, content);
    }

    Host absent(String name) {
        return item(name, "absent", 0, "");
    }

    Host item(String name, String status, int rc, String content) {
        items.put(name, new Item(status, rc, content));
        return this;
    }

    Host without(String name) {
        items.remove(name);
        return this;
    }

    /** The three parameters' values; null for one that does not exist. */
    Host params(Integer compress, Integer checksum, Integer encrypt) {
        Integer[] v = {compress, checksum, encrypt};
        for (ZfsParam p : ZfsParam.values()) {
            Integer value = v[p.ordinal()];
            if (value == null) {
                absent(p.itemName());
            } else {
                ok(p.itemName(), value + "\n");
            }
        }
        return this;
    }

    /** Replaces a conf file's text ({@code c6xxvf_dev0.conf}). */
    Host conf(String name, String text) {
        return ok("conf:/etc/" + name, text);
    }

    /** Every conf file's text through {@code edit}. */
    Host confs(UnaryOperator<String> edit) {
        items.replaceAll((name, item) -> name.startsWith("conf:") ? new Item(item.status(), item.rc(),
                edit.apply(item.content())) : item);
        return this;
    }

    /** Removes a conf file. */
    Host noConf(String name) {
        return without("conf:/etc/" + name);
    }

    /** {@code adf_ctl status} with only the PFs (the VF driver did not load). */
    Host pfsOnly() {
        return adf(C62xFixture.adfStatus().lines().filter(l -> !l.contains("c6xxvf")).toList());
    }

    /** {@code adf_ctl status} with these devices down. */
    Host down(String... devices) {
        List<String> lines = C62xFixture.adfStatus().lines().map(l -> {
            for (String d : devices) {
                if (l.startsWith(" " + d + " ")) {
                    return l.replace("state: up", "state: down");
                }
            }
            return l;
        }).toList();
        return adf(lines);
    }

    private Host adf(List<String> lines) {
        return ok("adf_status", String.join("\n", lines) + "\n");
    }

    /** The kernel log's lines, oldest first. */
    Host log(String... lines) {
        return ok("kernel_log", lines.length == 0 ? "" : String.join("\n", lines) + "\n");
    }

    /** qat.service's journal: adf_ctl's and qat_service's lines, oldest first. */
    Host journal(String... lines) {
        return ok("qat_journal", lines.length == 0 ? "" : String.join("\n", lines) + "\n");
    }

    Host datasets(String... rows) {
        return ok("zfs_get", String.join("", rows));
    }

    /** Four {@code zfs get -H -p -o name,property,value,source} rows of one dataset. */
    static String dataset(String name, String compression, String checksum, String encryption, String recordsize) {
        return name + "\tcompression\t" + compression + "\tlocal\n" + name + "\tchecksum\t" + checksum + "\tlocal\n"
                + name + "\tencryption\t" + encryption + "\t-\n" + name + "\trecordsize\t" + recordsize + "\tlocal\n";
    }

    /** Our systemd unit keeping these parameters, enabled or not. */
    Host unit(Set<ZfsParam> keep, boolean enabled) {
        return ok("persist_unit", ZfsQatUnit.text(keep)).ok("persist_unit_state", enabled ? "enabled\n" : "disabled\n");
    }

    NasSnapshot snapshot() {
        AgentOutputWriter w = AgentOutputWriter.snapshot();
        items.forEach((name, i) -> w.item(name, i.status(), i.rc(), i.content()));
        try {
            return NasSnapshotReader.read(AgentOutput.parse(w.done().bytes(), BOUNDARY));
        } catch (ParseException e) {
            throw new AssertionError("the test host's output does not parse", e);
        }
    }

    DoctorReport examine() {
        return Doctor.examine(snapshot(), Optional.empty());
    }

    DoctorReport examine(Observation o) {
        return Doctor.examine(snapshot(), Optional.of(o));
    }

    /** The result of one check on this host, without an observation. */
    CheckResult check(Check c) {
        return examine().result(c).orElseThrow();
    }
}
