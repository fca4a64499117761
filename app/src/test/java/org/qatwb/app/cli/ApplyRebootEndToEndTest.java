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

    /**
     * The driver refuses a VF at the boot and so does the boot check's restart on the old files (a
     * fault): the old files are back for the next boot, but nothing claims they run: exit 4.
     * (Exit 0 and exit 1 on the C62x NAS: ApplyRebootInTheBootWindowEndToEndTest.)
     */
    @Test
    void aRollbackAtBootThatFailsNeedsAttentionExitFour() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            QatFileSet before = QatFileSet.read(nas.root());
            Path f = edited(nas, 41);
            nas.faults().refuseVfAtNextBoot();
            nas.faults().rollbackFailsAtNextBoot();
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
