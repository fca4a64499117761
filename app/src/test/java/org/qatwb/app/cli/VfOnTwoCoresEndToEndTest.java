package org.qatwb.app.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/**
 * Issue 12's example, end to end: a VF whose interrupt-mode Cy and Dc name two cores. The driver
 * binds a VF's one bank to the core of the first interrupt-mode instance it places and finds no
 * other bank for the second (adf_cfg_device.c {@code adf_cfg_get_ring_pairs}, the mask test;
 * docs/driver/allocator.md section 4, step D4 and worked example 7b). {@code qatwb lint} refuses
 * the file naming the instance and both cores (exit 1, CLI.md); the simulated driver, which is not
 * the product's allocator, leaves exactly that VF down with the kernel's line in dmesg and adf_ctl's
 * in qat.service's journal, and the doctor reads each where it is written; then the fix the layout
 * editor makes (the VF's Dc onto its Cy's core) brings it up. (nas-sim's DriverMessagesTest holds
 * the simulator's own words to the letter; this test holds the product and the simulator to each
 * other on the same bytes.)
 */
class VfOnTwoCoresEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VF = "c6xxvf_dev2";
    private static final String CONF = "/etc/" + VF + ".conf";

    @TempDir
    Path dir;

    private static CliRun cli(String command, SimulatedNas nas, String... more) {
        return NasCommandsEndToEndTest.cli(command, nas, more);
    }

    @Test
    void aVfWithItsCyAndDcOnTwoCoresIsRefusedByQatwbLintAndTheSimulatedDriverAlikeAndTheEditorsFixBringsItUp()
            throws IOException {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            Path conf = nas.root().resolve(CONF.substring(1));
            String original = Files.readString(conf, ISO_8859_1);
            int cy = core(original, "Cy0CoreAffinity");
            assertEquals(cy, core(original, "Dc0CoreAffinity"), "the simulator's VF starts on one core");
            int other = cy == 1 ? 2 : 1; // node 0, as the card: nothing but the two cores is wrong
            String twoCores = original.replaceFirst("(?m)^Dc0CoreAffinity = \\d+$", "Dc0CoreAffinity = " + other);
            assertNotEquals(original, twoCores);
            int line = lineOf(twoCores, "Dc0CoreAffinity = ");

            // qatwb lint, as the c62x box's driver (4.24) reads the file, with its 56 cores
            Path copy = dir.resolve(VF + ".conf");
            Files.writeString(copy, twoCores, ISO_8859_1);
            CliRun lint = CliRun.of("lint", "--driver-release", "4.24", "--cores", "56", copy.toString());
            assertEquals(1, lint.exit(), "CLI.md: 1 when a finding is an error");
            JsonNode findings = lint.json().get("files").get(0).get("findings");
            assertEquals(1, findings.size(), findings.toString());
            JsonNode f = findings.get(0);
            assertEquals("capacity.exceeded", f.get("rule").asText());
            assertEquals("error", f.get("severity").asText());
            assertEquals("KERNEL_QAT", f.get("section").asText());
            assertEquals("Dc0CoreAffinity", f.get("key").asText());
            assertEquals(line, f.get("line").asInt());
            String message = f.get("message").asText();
            assertTrue(message.startsWith("ZFS_DC is on core " + other + " but this VF's only bank is already bound to core "
                    + cy + " by ZFS_CY"), message);
            assertTrue(message.contains("Don't have enough rings for instance ZFS_DC"), message);
            assertTrue(lint.err().contains(copy + ":" + line + ": error: ZFS_DC is on core " + other), lint.err());

            // the same bytes on the NAS, restarted as an administrator would
            Files.writeString(conf, twoCores, ISO_8859_1);
            CliRun set = CliRun.of("lint", "-q", "--driver-release", "4.24", "--cores", "56",
                    nas.root().resolve("etc").toString());
            assertEquals(1, set.exit());
            List<String> flagged = new ArrayList<>();
            set.json().get("files").forEach(file -> file.get("findings")
                    .forEach(x -> flagged.add(file.get("path").asText() + ":" + x.get("rule").asText())));
            assertEquals(List.of(nas.root().resolve(CONF.substring(1)) + ":capacity.exceeded"), flagged,
                    "as one device set, that VF alone");
            SimShell.Result restart = SimShell.run(nas, "systemctl restart qat");
            assertEquals(0, restart.rc(), "qat_service ends with exit 0 whatever adf_ctl reports: " + restart.err());

            JsonNode snap = snapshot(nas);
            List<String> down = new ArrayList<>();
            snap.get("devices").forEach(d -> {
                if (!d.get("state").asText().equals("up")) {
                    down.add(d.get("name").asText() + " " + d.get("conf").asText());
                }
            });
            assertEquals(List.of("qat_dev5 " + CONF), down, "exactly that VF");
            assertEquals(51, snap.get("devices").size());
            assertEquals("active", snap.get("qatService").asText(), "active (exited) with a device down");
            List<String> kernel = new ArrayList<>();
            snap.get("kernelLog").forEach(l -> kernel.add(l.asText()));
            assertTrue(kernel.stream().anyMatch(l -> l.endsWith("] Don't have enough rings for instance ZFS_DC in process"
                    + " KERNEL_QAT")), kernel.toString());
            assertTrue(kernel.stream().noneMatch(l -> l.contains("Failed to configure")), "adf_ctl's words are not the kernel's");
            JsonNode nasFinding = confFinding(snap, CONF);
            assertEquals(f.get("line"), nasFinding.get("line"), "the snapshot's lint is qatwb lint's");
            assertEquals(f.get("message"), nasFinding.get("message"));

            // the doctor reads the kernel's line in the kernel log and adf_ctl's in the journal
            CliRun doctor = cli("doctor", nas, "--observe", "0");
            assertEquals(1, doctor.exit(), doctor.err());
            String devicesUp = check(doctor, "qat.devices-up").get("message").asText();
            assertEquals("fail", check(doctor, "qat.devices-up").get("status").asText());
            assertTrue(devicesUp.startsWith("1 of 51 device(s) down: qat_dev5"), devicesUp);
            assertTrue(devicesUp.contains("the kernel log's last driver refusal: \"Don't have enough rings for instance ZFS_DC"
                    + " in process KERNEL_QAT\""), devicesUp);
            assertTrue(devicesUp.contains("qat.service's journal's last: \"Failed to configure qat_dev5\""), devicesUp);
            assertTrue(check(doctor, "qat.conf-valid").get("message").asText().contains(CONF + ":" + line + ": " + message),
                    check(doctor, "qat.conf-valid").toString());

            // the NAS's own layout says the same, and the editor's move (the VF's Dc onto its Cy's core) is the fix
            ObjectNode layout = (ObjectNode) cli("layout", nas).json();
            Path asItIs = dir.resolve("as-it-is.json");
            Files.writeString(asItIs, JSON.writeValueAsString(layout));
            CliRun dry = cli("apply", nas, asItIs.toString(), "--dry-run");
            assertEquals(1, dry.exit(), dry.err());
            assertFalse(dry.json().get("applicable").asBoolean());
            JsonNode layoutFinding = dry.json().get("findings").get(0);
            assertEquals("capacity.exceeded", layoutFinding.get("rule").asText());
            assertEquals(VF, layoutFinding.get("element").get("device").asText());
            assertEquals("dc", layoutFinding.get("element").get("kind").asText());
            assertEquals(0, layoutFinding.get("element").get("index").asInt());

            ((ObjectNode) kernelQat(layout).get("dc").get(0)).put("coreAffinity", cy);
            Path fixed = dir.resolve("fixed.json");
            Files.writeString(fixed, JSON.writeValueAsString(layout));
            CliRun applied = cli("apply", nas, "--yes", fixed.toString(), "--restart", "--confirm-timeout", "60");
            assertEquals(0, applied.exit(), applied.err());
            assertEquals("confirmed", applied.json().get("transaction").get("state").asText());
            assertEquals(original, Files.readString(conf, ISO_8859_1), "one line back, every other byte as it was");
            snapshot(nas).get("devices").forEach(d -> assertEquals("up", d.get("state").asText(), d.toString()));
        }
    }

    private static JsonNode snapshot(SimulatedNas nas) {
        CliRun run = cli("snapshot", nas);
        assertEquals(0, run.exit(), run.err());
        return run.json();
    }

    private static JsonNode confFinding(JsonNode snap, String path) {
        for (JsonNode f : snap.get("confFiles")) {
            if (f.get("path").asText().equals(path)) {
                assertEquals(1, f.get("findings").size(), f.toString());
                return f.get("findings").get(0);
            }
        }
        throw new AssertionError("no " + path + " in the snapshot");
    }

    private static JsonNode check(CliRun doctor, String id) {
        for (JsonNode c : doctor.json().get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id + ": " + doctor.out());
    }

    private static JsonNode kernelQat(JsonNode layout) {
        for (JsonNode d : layout.get("devices")) {
            if (d.get("id").asText().equals(VF)) {
                for (JsonNode s : d.get("sections")) {
                    if (s.get("name").asText().equals("KERNEL_QAT")) {
                        return s;
                    }
                }
            }
        }
        throw new AssertionError("no [KERNEL_QAT] of " + VF + " in the layout");
    }

    private static int core(String text, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + " = (\\d+)$").matcher(text);
        assertTrue(m.find(), key);
        return Integer.parseInt(m.group(1));
    }

    private static int lineOf(String text, String prefix) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + prefix);
    }
}
