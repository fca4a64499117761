package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.testing.QatFileSet;

/**
 * {@code qatwb apply LAYOUT --reboot --yes} end to end against the simulated C62x NAS: the CLI asks
 * the NAS to reboot, the simulator reboots for real on that request (its SSH server goes and comes
 * back with the same host key) and its boot runs the boot check the staging installed, between
 * qat.service and the parameters' re-arm; the CLI reconnects and reports what the boot check found.
 */
class ApplyRebootEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** devices/5 of the layout: c6xxvf_dev4.conf, the VF at this BSF. */
    private static final String VF_CONF = "etc/c6xxvf_dev4.conf";
    private static final String VF_DEV_CFG = "sys/kernel/debug/qat_c6xxvf_0000:3d:01.4/dev_cfg";

    @TempDir
    Path dir;

    private Path edited(SimulatedNas nas, int core) throws IOException {
        ObjectNode doc = (ObjectNode) NasCommandsEndToEndTest.cli("layout", nas).json();
        ((ObjectNode) doc.at("/devices/5/sections/0/cy/0")).put("coreAffinity", core);
        ((ObjectNode) doc.at("/devices/5/sections/0/dc/0")).put("coreAffinity", core);
        Path f = Files.createTempFile(dir, "layout", ".json");
        Files.writeString(f, JSON.writeValueAsString(doc));
        return f;
    }

    private static CliRun apply(SimulatedNas nas, String... more) {
        List<String> args = new ArrayList<>(List.of("apply"));
        args.addAll(NasCommandsEndToEndTest.connection(nas, more));
        return CliRun.watching(new StringWriter(), "", args.toArray(String[]::new));
    }

    /** Every device adf_ctl lists is up, per the NAS's snapshot. */
    private static void assertAllUp(SimulatedNas nas) {
        CliRun snap = NasCommandsEndToEndTest.cli("snapshot", nas);
        JsonNode devices = snap.json().get("devices");
        assertEquals(51, devices.size(), snap.out());
        for (JsonNode d : devices) {
            assertEquals("up", d.get("state").asText(), d.toString());
        }
    }

    @Test
    void theNasRebootsIntoTheNewLayoutShownByDevCfgExitZero() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            assertFalse(Files.readString(nas.root().resolve(VF_DEV_CFG)).contains("\nDc0CoreAffinity = 41\n"));
            long boots = nas.boots();
            CliRun run = apply(nas, edited(nas, 41).toString(), "--reboot", "--yes", "--reboot-timeout", "120");
            assertEquals(0, run.exit(), run.err());
            assertEquals(boots + 1, nas.boots(), "the NAS rebooted once, on the CLI's request");
            JsonNode t = run.json().get("transaction");
            assertEquals("booted", t.get("state").asText(), t.toString());
            // the simulator has debugfs: the boot check compared dev_cfg with the files
            assertEquals("verified", run.json().get("bootCheck").get("outcome").asText(), run.out());
            assertTrue(run.err().contains("qatwb: rebooting the NAS"), run.err());
            assertTrue(run.err().contains("qatwb: the NAS runs the new layout"), run.err());
            assertTrue(Files.readString(nas.root().resolve(VF_CONF)).contains("Dc0CoreAffinity = 41"));
            String devCfg = Files.readString(nas.root().resolve(VF_DEV_CFG));
            assertTrue(devCfg.contains("\nDc0CoreAffinity = 41\n"), "the driver loaded the new layout: " + devCfg);
            assertAllUp(nas);
        }
    }

    /**
     * The driver refuses a VF at the boot: the boot check puts the old files back and QAT runs on
     * them. The NAS boots as root on ZFS does (zfs.ko first): the boot check's restart falls in the
     * window where ZFS holds no QAT device (DOMAIN.md 8).
     */
    @Test
    void aLayoutTheDriverRefusesAtBootIsRolledBackExitOne() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withQatUpAtZfsLoad(false))) {
            QatFileSet before = QatFileSet.read(nas.root());
            String devCfgBefore = Files.readString(nas.root().resolve(VF_DEV_CFG));
            Path f = edited(nas, 41);
            nas.faults().refuseVfAtNextBoot();
            CliRun run = apply(nas, f.toString(), "--reboot", "--yes", "--reboot-timeout", "120");
            assertEquals(1, run.exit(), run.err());
            assertEquals("rolled-back", run.json().get("transaction").get("state").asText(), run.out());
            assertEquals("rolled-back", run.json().get("bootCheck").get("outcome").asText(), run.out());
            assertTrue(QatFileSet.read(nas.root()).sameAs(before), "the old files are back");
            // the driver's words, as the simulated driver's kernel log has them from this boot
            assertTrue(run.err().contains("driver: [") && run.err().contains("Don't have enough rings for instance"), run.err());
            assertEquals(devCfgBefore, Files.readString(nas.root().resolve(VF_DEV_CFG)), "QAT runs the old files");
            assertAllUp(nas);
        }
    }

    /**
     * Where QAT is up before zfs.ko (the c62x NAS as shipped), ZFS holds the devices by the time the
     * boot check runs: the files go back, but the driver refuses to restart QAT on them. Never a
     * claim that the old layout runs: exit 4, with the driver's refusal.
     */
    @Test
    void aRefusedLayoutWhereZfsHoldsQatAtBootNeedsAttentionExitFour() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            QatFileSet before = QatFileSet.read(nas.root());
            Path f = edited(nas, 41);
            nas.faults().refuseVfAtNextBoot();
            CliRun run = apply(nas, f.toString(), "--reboot", "--yes", "--reboot-timeout", "120");
            assertEquals(4, run.exit(), run.err());
            assertEquals("rollback-failed", run.json().get("transaction").get("state").asText(), run.out());
            assertEquals("rollback-failed", run.json().get("bootCheck").get("outcome").asText(), run.out());
            assertTrue(QatFileSet.read(nas.root()).sameAs(before), "the old files are back for the next boot");
            assertTrue(run.err().contains("qatwb: needs attention, the boot check could not roll back"), run.err());
        }
    }

    /** A NAS that goes down and does not come back within --reboot-timeout is exit 3, the files staged. */
    @Test
    void aNasThatDoesNotComeBackInTimeIsExitThree() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            Path f = edited(nas, 41);
            nas.faults().noReturn();
            CliRun run = apply(nas, f.toString(), "--reboot", "--yes", "--reboot-timeout", "5");
            assertEquals(3, run.exit(), run.err());
            assertEquals("staged", run.json().get("transaction").get("state").asText(), run.out());
            assertTrue(run.json().get("bootCheck").isNull(), run.out());
            assertTrue(run.err().contains("did not come back within 5 s"), run.err());
            assertFalse(nas.isRunning(), "the NAS is still down");
            nas.powerOn();
            assertTrue(Files.readString(nas.root().resolve(VF_CONF)).contains("Dc0CoreAffinity = 41"),
                    "the files stay staged for the boot that comes");
        }
    }
}
