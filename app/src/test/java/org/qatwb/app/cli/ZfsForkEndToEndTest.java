package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.app.cli.NasCommandsEndToEndTest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/**
 * Issue 16, section 4, end to end (CLI, real SSH, the real agent, the simulated NAS): the
 * {@code broken} profile's zfs.ko is a hypothetical fork with TheTDD/zfs's extra kstat rows and
 * parameters on top of OpenZFS's (the simulator's {@code ForkExtras}).
 */
class ZfsForkEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void snapshotKeepsParamsAsCliMdFixesThemAndListsEveryParameterAndRow() {
        try (SimulatedNas broken = SimulatedNas.start(SimOptions.driven("broken"))) {
            CliRun run = cli("snapshot", broken);
            assertEquals(0, run.exit(), run.err());
            JsonNode s = run.json();
            List<String> names = new ArrayList<>();
            s.get("params").fieldNames().forEachRemaining(names::add);
            assertEquals(List.of("compress", "checksum", "encrypt"), names, "params as CLI.md fixes it");

            JsonNode all = s.get("qatParameters");
            assertEquals(6, all.get("parameters").size(), all.toString());
            assertEquals(0, all.get("notListed").asInt());
            JsonNode compress = find(all, "zfs_qat_compress_disable");
            assertEquals("compress", compress.get("known").asText());
            assertTrue(compress.get("meaning").asText().contains("gzip"), compress.toString());
            assertEquals(s.get("params").get("compress").asText(), compress.get("value").asText());
            JsonNode threshold = find(all, "zfs_qat_init_failure_threshold");
            assertEquals("100", threshold.get("value").asText(), "a fork's parameter, as the NAS has it");
            assertTrue(threshold.get("known").isNull() && threshold.get("meaning").isNull(), "never guessed");

            JsonNode counters = s.get("kstat").get("counters");
            assertEquals(17 + 21, counters.size(), counters.toString());
            assertEquals(0, counters.get("init_failed").asLong());

            // a write of 0 that the kernel API refuses: the fork counts a failed init
            CliRun on = cli("params", broken, "--compress", "on");
            assertEquals(1, on.exit(), on.out());
            assertEquals(1, cli("snapshot", broken).json().get("kstat").get("counters").get("init_failed").asLong());
        }
    }

    @Test
    void watchGivesTheOtherRowsRatesByName() throws Exception {
        try (SimulatedNas broken = SimulatedNas.start(SimOptions.driven("broken"))) {
            CliRun run = cli("watch", broken, "--interval", "200", "--count", "2");
            assertEquals(0, run.exit(), run.err());
            String[] lines = run.out().strip().split("\n");
            JsonNode second = JSON.readTree(lines[1]);
            assertTrue(second.get("counters").has("err_timeout"), lines[1]);
            JsonNode rates = second.get("rates");
            assertEquals(17 + 21, rates.size(), rates.toString());
            assertEquals(0.0, rates.get("err_op_hw").asDouble());
        }
    }

    @Test
    void openZfsShowsItsThreeAndAZfsWithoutQatNone() {
        try (SimulatedNas noQat = SimulatedNas.start(SimOptions.driven("no-qat"));
             SimulatedNas dh = SimulatedNas.start(SimOptions.driven("dh8950"))) {
            JsonNode none = cli("snapshot", noQat).json().get("qatParameters");
            assertEquals(0, none.get("parameters").size(), none.toString());
            JsonNode three = cli("snapshot", dh).json().get("qatParameters").get("parameters");
            assertEquals(3, three.size(), three.toString());
            three.forEach(p -> assertTrue(p.get("known").isTextual(), p.toString()));
        }
    }

    private static JsonNode find(JsonNode all, String name) {
        for (JsonNode p : all.get("parameters")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError(name + " not in " + all);
    }
}
