package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/**
 * {@code qatwb apply LAYOUT --reboot --yes} end to end against the simulated NAS: it reboots when
 * the agent asks it to, and its boot runs the boot check the staging armed, as systemd runs the unit.
 */
class ApplyRebootEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    private static CompletableFuture<CliRun> start(StringWriter err, SimulatedNas nas, String... more) {
        List<String> args = new ArrayList<>(List.of("apply"));
        args.addAll(NasCommandsEndToEndTest.connection(nas, more));
        return CompletableFuture.supplyAsync(() -> CliRun.watching(err, "", args.toArray(String[]::new)));
    }

    @Test
    void theNasRebootsIntoTheNewLayoutExitZero() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            Path f = edited(nas, 41);
            long boots = nas.boots();
            CliRun run = start(new StringWriter(), nas, f.toString(), "--reboot", "--yes", "--reboot-timeout", "120")
                    .get(180, TimeUnit.SECONDS);
            assertEquals(boots + 1, nas.boots(), "the NAS rebooted once");
            assertEquals(0, run.exit(), run.err());
            JsonNode t = run.json().get("transaction");
            assertEquals("booted", t.get("state").asText(), t.toString());
            assertTrue(run.json().get("bootCheck").get("outcome").asText().matches("verified|unverified"), run.out());
            assertTrue(run.err().contains("qatwb: rebooting the NAS"), run.err());
            assertTrue(run.err().contains("qatwb: the NAS runs the new layout"), run.err());
            assertTrue(Files.readString(nas.root().resolve("etc/c6xxvf_dev4.conf")).contains("Dc0CoreAffinity = 41"));
        }
    }

    /** A NAS that goes down and does not come back in time is exit 3, with the files staged for its next boot. */
    @Test
    void aNasThatDoesNotRebootInTimeIsExitThree() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            nas.faults().noReturn();
            Path f = edited(nas, 41);
            StringWriter err = new StringWriter();
            CliRun run = start(err, nas, f.toString(), "--reboot", "--yes", "--reboot-timeout", "3").get(120, TimeUnit.SECONDS);
            assertEquals(3, run.exit(), run.err());
            assertEquals("staged", run.json().get("transaction").get("state").asText());
            assertTrue(run.json().get("bootCheck").isNull(), run.out());
            assertTrue(run.err().contains("did not come back within 3 s"), run.err());
        }
    }
}
