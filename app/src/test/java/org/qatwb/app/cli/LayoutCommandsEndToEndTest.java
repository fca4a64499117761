package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.app.cli.json.LayoutJson;
import org.qatwb.app.cli.json.LayoutJsonReader;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/** layout and apply --dry-run end to end: the CLI, real SSH, the real agent, the simulated NAS's own files. */
class LayoutCommandsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static SimulatedNas c62x;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        c62x = SimulatedNas.start(SimOptions.driven("c62x"));
    }

    @AfterAll
    static void stop() {
        c62x.close();
    }

    private static CliRun cli(String command, SimulatedNas nas, String... more) {
        return NasCommandsEndToEndTest.cli(command, nas, more);
    }

    /** Every file under the simulator's etc/, by name, byte for byte. */
    private static Map<String, byte[]> etc(SimulatedNas nas) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Path etc = nas.root().resolve("etc");
        try (Stream<Path> walk = Files.walk(etc)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(etc.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, after.get(name)), name + " changed"));
    }

    private Path save(CliRun run) throws IOException {
        Path f = dir.resolve("layout.json");
        Files.writeString(f, run.out());
        return f;
    }

    @Test
    void layoutPrintsTheC62xHostAsThreePfsWithSixteenVfsEach() {
        CliRun run = cli("layout", c62x);
        assertEquals(0, run.exit(), run.err());
        JsonNode doc = run.json();
        assertEquals("qatwb-layout", doc.get("format").asText());
        JsonNode devices = doc.get("devices");
        assertEquals(51, devices.size());
        assertEquals("c6xx_dev0", devices.get(0).get("id").asText());
        assertEquals("unused", devices.get(0).get("role").asText());
        JsonNode vf = devices.get(1);
        assertEquals("c6xxvf_dev0", vf.get("id").asText());
        assertEquals("zfs", vf.get("role").asText());
        assertEquals("0000:3d:01.0", vf.get("bsf").asText());
        assertEquals(0, vf.get("node").asInt());
        assertEquals(48, doc.get("zfsInstances").get("cy").asInt());
        assertTrue(doc.get("host").get("sriov").asBoolean());
        assertEquals("0-13,28-41", doc.get("cpu").get("nodes").get("0").asText());
    }

    /** The crucial property on the simulator's own files: its layout applied as it is changes not a byte. */
    @ParameterizedTest
    @ValueSource(strings = {"c62x", "dh8950", "broken", "no-qat"})
    void eachProfilesLayoutCompilesBackToItsOwnFiles(String profile) throws IOException {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven(profile))) {
            Map<String, byte[]> before = etc(nas);
            CliRun layout = cli("layout", nas);
            assertEquals(0, layout.exit(), layout.err());
            CliRun dry = cli("apply", nas, save(layout).toString(), "--dry-run");
            assertEquals("", dry.json().get("diff").asText(), profile);
            assertEquals(0, dry.json().get("files").size());
            assertEquals(profile.equals("broken") ? 1 : 0, dry.exit(), dry.err());
            assertSameFiles(before, etc(nas));
        }
    }

    @Test
    void theBrokenBoxsFindingsPointAtTheHostSwitchesAndThePolledInstance() throws IOException {
        try (SimulatedNas broken = SimulatedNas.start(SimOptions.driven("broken"))) {
            CliRun dry = cli("apply", broken, save(cli("layout", broken)).toString(), "--dry-run");
            assertEquals(1, dry.exit());
            List<String> rules = new ArrayList<>();
            dry.json().get("findings").forEach(f -> rules.add(f.get("rule").asText()));
            assertTrue(rules.containsAll(List.of("zfs.polled", "host.kapi", "host.vf-blacklisted")), rules.toString());
            JsonNode polled = findings(dry, "zfs.polled").get(0);
            assertEquals("/etc/c6xxvf_dev0.conf", polled.get("path").asText());
            assertEquals("c6xxvf_dev0", polled.get("element").get("device").asText());
            assertEquals("cy", polled.get("element").get("kind").asText());
            assertEquals(0, polled.get("element").get("index").asInt());
            assertEquals("kapi", findings(dry, "host.kapi").get(0).get("element").get("host").asText());
            // the element's one-string id reads back as the element the other fields name
            org.qatwb.model.layout.ElementRef.OfInstance ref = (org.qatwb.model.layout.ElementRef.OfInstance)
                    org.qatwb.model.layout.ElementRef.parse(polled.get("element").get("id").asText());
            assertEquals("c6xxvf_dev0", ref.instance().device().id());
            assertEquals(0, ref.instance().index());
            assertEquals("host:kapi", findings(dry, "host.kapi").get(0).get("element").get("id").asText());
            assertFalse(dry.json().get("applicable").asBoolean());
            assertTrue(dry.err().contains("/etc/c6xxvf_dev0.conf:"), dry.err());
            assertTrue(dry.err().strip().endsWith("error finding(s)"), dry.err());
        }
    }

    private Path save(SimulatedNas nas) throws IOException {
        return save(cli("layout", nas));
    }

    private static List<JsonNode> findings(CliRun run, String rule) {
        List<JsonNode> out = new ArrayList<>();
        run.json().get("findings").forEach(f -> {
            if (f.get("rule").asText().equals(rule)) {
                out.add(f);
            }
        });
        return out;
    }

    @Test
    void theCompressionPresetShowsTheDiffOfFiftyOneFilesAndWritesNothing() throws IOException {
        Map<String, byte[]> before = etc(c62x);
        CliRun preset = cli("layout", c62x, "--preset", "zfs-compression");
        assertEquals(0, preset.exit(), preset.err());
        assertEquals(28, preset.json().get("zfsInstances").get("dc").asInt());
        CliRun dry = cli("apply", c62x, save(preset).toString(), "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        assertEquals(51, dry.json().get("files").size());
        String diff = dry.json().get("diff").asText();
        assertTrue(diff.contains("--- /etc/c6xxvf_dev47.conf\n+++ /etc/c6xxvf_dev47.conf\n"), diff);
        assertTrue(diff.contains("-ServicesEnabled = cy;dc\n+ServicesEnabled = dc\n"), diff);
        assertEquals(0, dry.json().get("findings").size(), dry.json().get("findings").toString());
        assertTrue(dry.json().get("applicable").asBoolean());
        assertSameFiles(before, etc(c62x));
    }

    @Test
    void aHandEditedLayoutIsCompiledToTheLinesItChanges() throws IOException {
        ObjectNode doc = (ObjectNode) cli("layout", c62x).json();
        // a VF's interrupt-mode instances share its one bank's core: moving the VF is two values
        ((ObjectNode) doc.at("/devices/5/sections/0/cy/0")).put("coreAffinity", 41);
        ObjectNode dc = (ObjectNode) doc.at("/devices/5/sections/0/dc/0");
        dc.put("coreAffinity", 41);
        Path f = dir.resolve("edited.json");
        Files.writeString(f, JSON.writeValueAsString(doc));
        CliRun dry = cli("apply", c62x, f.toString(), "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        String diff = dry.json().get("diff").asText();
        assertTrue(diff.startsWith("--- /etc/c6xxvf_dev4.conf\n+++ /etc/c6xxvf_dev4.conf\n"), diff);
        assertEquals(2, diff.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).count(), diff);
        assertTrue(diff.contains("+Cy0CoreAffinity = 41\n"), diff);
        assertTrue(diff.contains("+Dc0CoreAffinity = 41\n"), diff);
    }

    @Test
    void applyingTheLayoutAsItIsChangesNothing() throws IOException {
        Map<String, byte[]> before = etc(c62x);
        CliRun run = cli("apply", c62x, "--yes", save(c62x).toString(), "--stage");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("nothing to change"), run.err());
        assertTrue(run.json().get("transaction") == null, "no transaction for nothing");
        assertSameFiles(before, etc(c62x));
    }

    @Test
    void badInputIsOneLineSayingWhatAndWhere() throws IOException {
        Path notJson = dir.resolve("x.json");
        Files.writeString(notJson, "{\"format\": ");
        CliRun run = cli("apply", c62x, notJson.toString(), "--dry-run");
        assertEquals(1, run.exit());
        assertTrue(run.oneLineError(), run.err());
        assertTrue(run.err().contains("x.json: not JSON: line 1"), run.err());

        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, "{\"format\": \"qatwb-layout\", \"version\": 1, \"host\": {\"sriov\": true, \"kapi\": true},"
                + " \"devices\": [{\"id\": \"c6xxvf_dev99\"}]}");
        run = cli("apply", c62x, unknown.toString(), "--dry-run");
        assertEquals(1, run.exit());
        assertTrue(run.oneLineError(), run.err());
        assertTrue(run.err().contains("c6xxvf_dev99, which this NAS has neither as a device nor as a conf file"), run.err());

        run = cli("layout", c62x, "--preset", "fastest");
        assertEquals(2, run.exit());
        assertTrue(run.oneLineError(), run.err());
        assertTrue(run.err().contains("zfs-compression, zfs-all, installer-defaults"), run.err());

        run = cli("apply", c62x, unknown.toString(), "--stage", "--restart");
        assertEquals(2, run.exit());
        run = cli("apply", c62x, unknown.toString(), "--confirm-timeout", "0");
        assertEquals(2, run.exit());
        assertTrue(run.oneLineError(), run.err());
    }

    /**
     * Issue 11: a blocked VF driver name holding a newline once put an {@code install} line,
     * which modprobe runs as root, into the NAS's modprobe.d. Now the file is refused before the
     * NAS is asked anything, with the field's path, and no file of the NAS changes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"--dry-run", "--stage"})
    void aModuleNameThatWouldRunCodeAsRootIsRefusedAndTheBlacklistStaysAsItWas(String mode) throws IOException {
        Map<String, byte[]> before = etc(c62x);
        ObjectNode doc = (ObjectNode) cli("layout", c62x).json();
        ((ObjectNode) doc.get("host")).putArray("blockedVfDrivers")
                .add("qat_dh895xccvf\ninstall e1000e /bin/sh -c 'touch /tmp/qatwb-pwned'");
        Path f = dir.resolve("hostile.json");
        Files.writeString(f, JSON.writeValueAsString(doc));
        CliRun run = cli("apply", c62x, f.toString(), mode);
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.oneLineError(), run.err());
        assertTrue(run.err().contains("hostile.json: $.host.blockedVfDrivers[0]: \"qat_dh895xccvf\\ninstall e1000e"), run.err());
        assertTrue(run.err().contains("is not a QAT VF driver module"), run.err());
        assertEquals("", run.out());
        assertSameFiles(before, etc(c62x));
        assertFalse(Files.exists(c62x.root().resolve("etc/modprobe.d/blacklist-qat-vfs.conf")), "the c62x box has none");
    }

    /** Past Jackson's limits (issue 11): one line with where, exit 1, never an internal error. */
    @ParameterizedTest
    @ValueSource(strings = {"deep", "long-string", "huge-string"})
    void aLayoutPastTheJsonLimitsIsOneLine(String kind) throws IOException {
        Path f = dir.resolve(kind + ".json");
        switch (kind) {
            case "deep" -> Files.writeString(f, "[".repeat(2000) + "]".repeat(2000));
            case "long-string" -> Files.writeString(f, "{\"format\": \"" + "x".repeat(1_000_000) + "\"}");
            default -> Files.writeString(f, "{\"format\": \"" + "x".repeat(30_000_000) + "\"}");
        }
        CliRun run = cli("apply", c62x, f.toString(), "--dry-run");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.oneLineError(), run.err());
        assertFalse(run.err().contains("internal error"), run.err());
        String expected = switch (kind) {
            case "deep" -> kind + ".json: not JSON: line 1, column 18: Document nesting depth (17) exceeds the maximum allowed (16)";
            case "long-string" -> kind + ".json: not JSON: line 1, column ";
            default -> kind + ".json: larger than 4 MiB";
        };
        assertTrue(run.err().contains(expected), run.err());
    }

    @Test
    void theLayoutJsonReadsBackToTheSameJson() throws IOException {
        CliRun layout = cli("layout", c62x, "--preset", "zfs-all");
        JsonNode first = layout.json();
        JsonNode again = JSON.readTree(JsonOut.write(LayoutJson.layout(LayoutJsonReader.read(first))));
        assertEquals(first, again);
    }
}
