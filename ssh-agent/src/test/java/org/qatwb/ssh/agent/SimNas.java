package org.qatwb.ssh.agent;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.sim.SimOptions;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.devcfg.DevCfgExpectation;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.testing.QatFileSet;
import org.qatwb.ssh.testing.Specs;

/** A simulated C62x NAS on the driven clock, a session to it, and plans built from its files. */
final class SimNas implements AutoCloseable {

    /** A valid edit: one VF's compression interrupt on another core. */
    static final String VF = "/etc/c6xxvf_dev5.conf";

    final SimulatedNas nas;
    final NasSession session;
    final AgentClient client;

    SimNas(SimOptions options) throws NasConnectionException {
        nas = SimulatedNas.start(options);
        NasSession s;
        try {
            s = Specs.connect(nas.endpoint());
        } catch (NasConnectionException | RuntimeException ex) {
            nas.close();
            throw ex;
        }
        session = s;
        client = new AgentClient(session, false);
    }

    static SimNas c62x() throws NasConnectionException {
        return new SimNas(SimOptions.driven("c62x"));
    }

    /**
     * The c62x NAS without its parameters unit: zfs.ko loaded before qat.service (as every stock boot
     * loads it) and nothing wrote 0 since, so ZFS holds no QAT device and a restart can apply a layout.
     */
    static SimNas c62xZfsHoldsNothing() throws NasConnectionException {
        return new SimNas(SimOptions.driven("c62x").withKeptParams(false));
    }

    QatFileSet files() {
        return QatFileSet.read(nas.root());
    }

    /** Every device adf_ctl lists now, by BSF: what a layout that keeps them all expects up. */
    Set<String> devices() throws Exception {
        NasSnapshot s = client.snapshot();
        Set<String> bsf = new TreeSet<>();
        for (QatDevice d : s.devices().orElseThrow().devices()) {
            bsf.add(d.bsf());
        }
        return bsf;
    }

    /**
     * The files now, with one VF's interrupts moved to another core, both instances together (the
     * driver accepts it: a VF's one bank takes one core).
     */
    QatFileSet validEdit() {
        return files().with(VF, t -> t.replaceFirst("Cy0CoreAffinity = \\d+", "Cy0CoreAffinity = 3")
                .replaceFirst("Dc0CoreAffinity = \\d+", "Dc0CoreAffinity = 3"));
    }

    /** The files now, with one VF's conf of a version the driver refuses: that VF stays down. */
    QatFileSet rejectedEdit() {
        return files().with(VF, t -> t.replace("ConfigVersion = 2", "ConfigVersion = 3"));
    }

    ApplyPlan plan(QatFileSet target, ApplyMode mode) throws Exception {
        return files().planTo(target, mode, devices(), Duration.ofSeconds(120));
    }

    /** {@link #plan} with what VF's dev_cfg must show after, and before (as the layout compiler sends it). */
    ApplyPlan planWithDevCfg(QatFileSet target, ApplyMode mode) throws Exception {
        ApplyPlan p = plan(target, mode);
        String bsf = client.snapshot().devices().orElseThrow().devices().stream()
                .filter(d -> d.confPath().equals(VF)).findFirst().orElseThrow().bsf();
        return new ApplyPlan(p.changes(), p.mode(), p.expectedUp(), p.confirmTimeout(),
                new DevCfgExpectation(DevCfgExpectation.of(bsf, ConfDocument.parse(target.get(VF)))),
                new DevCfgExpectation(DevCfgExpectation.of(bsf, ConfDocument.parse(files().get(VF)))));
    }

    /** VF's debugfs dev_cfg as the simulated driver wrote it. */
    String vfDevCfg() throws Exception {
        String bsf = client.snapshot().devices().orElseThrow().devices().stream()
                .filter(d -> d.confPath().equals(VF)).findFirst().orElseThrow().bsf();
        return java.nio.file.Files.readString(nas.root().resolve("sys/kernel/debug/qat_c6xxvf_" + bsf + "/dev_cfg"));
    }

    @Override
    public void close() {
        session.close();
        nas.close();
    }
}
