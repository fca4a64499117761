package org.qatwb.model.testutil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfEditor;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;

/**
 * Snapshots of NAS boxes for the layout tests, read through the real agent-output parser: the
 * conf files, {@code /etc/default/qat}, the blacklist, {@code adf_ctl status} and the CPUs are
 * given, everything else is absent.
 */
public final class HostSnapshots {

    private final Map<String, byte[]> confs = new LinkedHashMap<>();
    private String adfStatus;
    private String defaultQat;
    private String blacklist;
    private String cpuOnline = "0-55\n";
    private String cpuNodes = "0 0-13,28-41\n1 14-27,42-55\n";

    private HostSnapshots() {
    }

    public static HostSnapshots host() {
        return new HostSnapshots();
    }

    /** The project's C62x fixture: 51 files, all devices up on node 0, SR-IOV and the kernel API on. */
    public static HostSnapshots c62x() {
        HostSnapshots h = host().adfStatus(C62xFixture.adfStatus()).defaultQat("SRIOV_ENABLE=1\nENABLE_KAPI=1\n");
        C62xFixture.confFiles().forEach(h::conf);
        return h;
    }

    /**
     * A C62x host whose files were written the way the simulator's c62x profile writes them: the
     * project's templates, each VF's two interrupts on two cores of node 0 walked in order.
     */
    public static HostSnapshots c62xFromTemplates() {
        HostSnapshots h = host().adfStatus(C62xFixture.adfStatus()).defaultQat("# Read by qat_service when it starts.\n"
                + "SRIOV_ENABLE=1\n#LEGACY_LOADED=1\nENABLE_KAPI=1\n");
        ConfDocument pf = template("c6xx/pf.conf");
        ConfDocument vf = template("c6xx/vf.conf");
        int[] node0 = IntStream.concat(IntStream.rangeClosed(0, 13), IntStream.rangeClosed(28, 41)).toArray();
        for (int i = 0; i < 3; i++) {
            h.conf("c6xx_dev" + i + ".conf", pf.toBytes());
        }
        for (int v = 0; v < 48; v++) {
            h.conf("c6xxvf_dev" + v + ".conf", new ConfEditor(vf)
                    .set("KERNEL_QAT", "Cy0CoreAffinity", Integer.toString(node0[v % node0.length]))
                    .set("KERNEL_QAT", "Dc0CoreAffinity", Integer.toString(node0[v % node0.length]))
                    .toDocument().toBytes());
        }
        return h;
    }

    /**
     * {@code adf_ctl status} of PFs of one type (each on its node, in order) and all their VFs,
     * numbered as the driver numbers them.
     */
    public static String adfStatusFor(String type, int vfsPerPf, int... pfNodes) {
        StringBuilder out = new StringBuilder("Checking status of all devices.\n");
        out.append("There is ").append(pfNodes.length * (vfsPerPf + 1)).append(" QAT acceleration device(s) in the system:\n");
        int n = 0;
        for (int pf = 0; pf < pfNodes.length; pf++) {
            out.append(String.format(" qat_dev%d - type: %s,  inst_id: %d,  node_id: %d,  bsf: 0000:%02x:00.0,  #accel: 5"
                    + " #engines: 10 state: up%n", n++, type, pf, pfNodes[pf], 0x3d + 2 * pf));
        }
        for (int pf = 0; pf < pfNodes.length; pf++) {
            for (int v = 0; v < vfsPerPf; v++) {
                out.append(String.format(" qat_dev%d - type: %svf,  inst_id: %d,  node_id: %d,  bsf: 0000:%02x:%02x.%d,"
                        + "  #accel: 1 #engines: 1 state: up%n", n++, type, pf * vfsPerPf + v, pfNodes[pf], 0x3d + 2 * pf,
                        1 + v / 8, v % 8));
            }
        }
        return out.toString();
    }

    /** A template of module conf-templates ({@code c6xx/vf.conf}). */
    public static ConfDocument template(String path) {
        try (InputStream in = HostSnapshots.class.getResourceAsStream("/org/qatwb/templates/" + path)) {
            return ConfDocument.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HostSnapshots conf(String name, String text) {
        return conf(name, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public HostSnapshots conf(String name, byte[] bytes) {
        confs.put(name, bytes);
        return this;
    }

    public HostSnapshots adfStatus(String text) {
        adfStatus = text;
        return this;
    }

    /** {@code /etc/default/qat}; null for a host without one. */
    public HostSnapshots defaultQat(String text) {
        defaultQat = text;
        return this;
    }

    /** {@code blacklist-qat-vfs.conf}; null for a host without one. */
    public HostSnapshots blacklist(String text) {
        blacklist = text;
        return this;
    }

    public HostSnapshots cpu(String online, String nodes) {
        cpuOnline = online;
        cpuNodes = nodes;
        return this;
    }

    public NasSnapshot snapshot() {
        AgentOutputWriter w = AgentOutputWriter.snapshot().ok("id", "0\nroot\n");
        w = adfStatus == null ? w.absent("adf_status") : w.ok("adf_status", adfStatus);
        for (Map.Entry<String, byte[]> c : confs.entrySet()) {
            w = w.item("conf:/etc/" + c.getKey(), "ok", 0, c.getValue());
        }
        w = defaultQat == null ? w.absent("default_qat") : w.ok("default_qat", defaultQat);
        w = blacklist == null ? w.absent("blacklist") : w.ok("blacklist", blacklist);
        return read(w.ok("cpu_online", cpuOnline).ok("node_online", "0-1\n").ok("cpu_nodes", cpuNodes).done());
    }

    /** A whole agent output read as the workbench reads it. */
    public static NasSnapshot read(AgentOutputWriter w) {
        try {
            return NasSnapshotReader.read(AgentOutput.parse(w.bytes(), AgentOutputWriter.BOUNDARY));
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }
}
