package org.qatwb.model.metrics;

import static org.qatwb.model.testutil.AgentOutputWriter.BOUNDARY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.StreamFrameReader;
import org.qatwb.model.doctor.Doctor;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.model.testutil.AgentOutputWriter;
import org.qatwb.model.testutil.C62xFixture;
import org.qatwb.model.testutil.NasOutputs;

/**
 * A NAS for the exporter's tests, as the agent's output (so snapshots and ticks are read exactly as
 * from a real one): by default a healthy C62x host, 3 PFs and 48 VFs, with firmware counters in
 * both drivers' layouts, QAT interrupts on two CPUs and two requests-pending lines in its log.
 */
final class Nas {

    private record Item(String status, int rc, String content) {
    }

    static final String PENDING = "[  815.123456] cpaCySymRemoveSession() - : There are 1 requests pending";
    /** The in-kernel driver's layout. */
    static final String FW_TABLE = "AE          Requests        Responses\n 0:  17  17\n 1:  18446744073709551615  42\n";
    /** The out-of-tree driver's box, with RAS events. */
    static final String FW_BOX = """
            +------------------------------------------------+
            | FW Statistics for Qat Device                   |
            +------------------------------------------------+
            | Firmware Requests [AE  0]:                 100 |
            | Firmware Responses[AE  0]:                  99 |
            | RAS Events        [AE  0]:                   3 |
            +------------------------------------------------+
            """;
    static final String HEADER = "  " + String.join(" ",
            java.util.stream.IntStream.range(0, 56).mapToObj(i -> "CPU" + i).toList()) + "\n";

    private final Map<String, Item> items = new LinkedHashMap<>();

    private Nas() {
    }

    static Nas c62x() {
        Nas h = new Nas().ok("id", "0\nroot\n").ok("adf_status", C62xFixture.adfStatus());
        C62xFixture.confFiles().forEach((name, text) -> h.ok("conf:/etc/" + name, text));
        return h.ok("default_qat", "SRIOV_ENABLE=1\nENABLE_KAPI=1\n")
                .absent("blacklist")
                .ok("param:zfs_qat_compress_disable", "0\n")
                .ok("param:zfs_qat_checksum_disable", "1\n")
                .ok("param:zfs_qat_encrypt_disable", "1\n")
                .ok("kstat_qat", NasOutputs.KSTAT)
                .ok("cpu_online", "0-55\n")
                .ok("node_online", "0-1\n")
                .ok("cpu_nodes", "0 0-13,28-41\n1 14-27,42-55\n")
                .ok("zfs_get", NasOutputs.ZFS_GET)
                .ok("zpool_get", NasOutputs.ZPOOL_GET)
                .ok("kernel_log", "[    4.812345] c6xx 0000:3d:00.0: qat_dev0 started 10 acceleration engines\n"
                        + "[    9.104221] ZFS: Loaded module v2.2.7-1, ZFS pool version 5000, ZFS filesystem version 5\n"
                        + PENDING + "\n" + PENDING.replace("815", "900") + "\n")
                .ok("debugfs", "qat_c6xx_0000:3d:00.0\nqat_c6xx_0000:3f:00.0\nqat_c6xx_0000:41:00.0\n")
                .ok("fw_counters:qat_c6xx_0000:3d:00.0", FW_TABLE)
                .ok("fw_counters:qat_c6xx_0000:3f:00.0", FW_BOX)
                .item("fw_counters:qat_c6xx_0000:41:00.0", "error", 1, "cat: fw_counters: Input/output error\n")
                .ok("qat_service", "active\n")
                .ok("os_release", NasOutputs.OS_RELEASE)
                .absent("truenas_version")
                .ok("qat_version", "4.24.0\n")
                .absent("persist_unit")
                .absent("persist_unit_state")
                .absent("persist_init")
                .ok("interrupts", interrupts(900, 5))
                .ok("irq_affinity", "140 3 3\n141 20 20\n");
    }

    /** Two QAT IRQs: a VF's on CPU 3, a PF bundle's on CPU 20. */
    static String interrupts(long onCpu3, long onCpu20) {
        return HEADER + line(140, "qat_3d:01.00", 3, onCpu3) + line(141, "qat0-bundle0", 20, onCpu20);
    }

    private static String line(int irq, String name, int cpu, long count) {
        StringBuilder b = new StringBuilder(" " + irq + ":");
        for (int c = 0; c < 56; c++) {
            b.append(' ').append(c == cpu ? count : 0);
        }
        return b.append("  IR-PCI-MSI 1-edge      ").append(name).append('\n').toString();
    }

    Nas ok(String name, String content) {
        return item(name, "ok", 0, content);
    }

    Nas absent(String name) {
        return item(name, "absent", 0, "");
    }

    Nas item(String name, String status, int rc, String content) {
        items.put(name, new Item(status, rc, content));
        return this;
    }

    String content(String name) {
        return items.get(name).content();
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

    static DoctorReport doctor(NasSnapshot s) {
        return Doctor.examine(s, Optional.empty());
    }

    /** One tick of the stream: {@code /proc/uptime}, and each item given (null for one the tick lacks). */
    static StreamSample tick(int n, String uptime, String kstat, Map<String, String> fwCounters, String interrupts) {
        AgentOutputWriter w = AgentOutputWriter.stream().ok("uptime", uptime);
        w = kstat == null ? w.absent("kstat_qat") : w.ok("kstat_qat", kstat);
        for (Map.Entry<String, String> f : fwCounters.entrySet()) {
            w = w.ok("fw_counters:" + f.getKey(), f.getValue());
        }
        if (interrupts != null) {
            w = w.ok("interrupts", interrupts);
        }
        try {
            // a reader expects tick 1 first: read it as such, then number it as asked
            List<org.qatwb.model.agent.StreamTick> ticks = new StreamFrameReader(BOUNDARY).feed(w.tick(1).bytes());
            StreamSample s = StreamSample.read(ticks.get(0));
            return new StreamSample(n, s.uptimeNanos(), s.kstat(), s.fwCounters(), s.issues(), s.interrupts());
        } catch (ParseException e) {
            throw new AssertionError("the test tick does not parse", e);
        }
    }

    /** The stream's fw_counters items: the two PFs that answer in the snapshot too. */
    static Map<String, String> fw() {
        Map<String, String> fw = new LinkedHashMap<>();
        fw.put("qat_c6xx_0000:3d:00.0", FW_TABLE);
        fw.put("qat_c6xx_0000:3f:00.0", FW_BOX);
        return fw;
    }

    /** The kstat fixture with its crtime and every counter's value replaced. */
    static String kstat(long crtimeNanos, long value) {
        StringBuilder b = new StringBuilder("19 1 0x01 17 4624 " + crtimeNanos + " 3447141868397572\nname type data\n");
        NasOutputs.KSTAT.lines().skip(2).forEach(l -> b.append(l.split("\\s+")[0]).append(" 4 ").append(value).append('\n'));
        return b.toString();
    }

    /**
     * A target that has read this NAS: a snapshot 30 s before {@code now} that took 1.25 s, and a tick
     * 500 ms before it, of a NAS up for 3447141.868 s (the kstat fixture's snaptime).
     */
    TargetState target(String name, long now) {
        NasSnapshot s = snapshot();
        StreamSample tick = tick(7, "3447141.86 1000.00\n", content("kstat_qat"), fw(), interrupts(1000, 7));
        return TargetState.starting(name).connected().withUp(true)
                .withSnapshot(s, 1_250_000_000L, now - 30_000, Optional.of(doctor(s)))
                .withSample(tick, now - 500);
    }
}
