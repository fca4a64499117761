package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/** {@code qatwb bench} end to end: the CLI, real SSH, the real agent and its worker, the simulated NAS. */
class BenchEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void simPrintsBothPassesVerifiedAndLeavesNothing() {
        CliRun run = CliRun.of("bench", "--sim", "--size", "8M");
        assertEquals(0, run.exit(), run.err());
        JsonNode doc = run.json();
        assertTrue(doc.get("simulated").asBoolean());
        assertEquals(2, doc.get("runs").size());
        for (JsonNode r : doc.get("runs")) {
            assertEquals("verified", r.get("checksum").asText(), r.toString());
            assertTrue(r.get("writeMiBps").isNumber() && r.get("readCpuSecondsPerGiB").isNumber(), r.toString());
        }
        assertEquals("on", doc.get("runs").get(0).get("pass").asText());
        assertTrue(doc.get("cleanup").get("datasetDestroyed").asBoolean());
        assertTrue(doc.get("cleanup").get("paramsRestored").asBoolean());
        assertTrue(doc.get("stoppedBecause").isNull());
        assertTrue(run.err().contains("SIMULATED NAS"), run.err());
        assertTrue(run.err().contains("QAT on (simulated): write "), run.err());
        assertTrue(run.err().contains("plan: tank/qatwb-bench-"), "the plan comes first: " + run.err());
    }

    @Test
    void badSizesAndPercentagesAreUsageErrorsInOneLine() {
        for (String[] args : List.of(new String[] {"--size", "1.5G"}, new String[] {"--size", "100K"},
                new String[] {"--size", "2P"}, new String[] {"--compressibility", "101"}, new String[] {"--pool", "a;b"})) {
            List<String> all = new ArrayList<>(List.of("bench", "--sim"));
            all.addAll(List.of(args));
            CliRun run = CliRun.of(all.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, run.exit(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.oneLineError(), run.err());
        }
    }

    @Test
    void aPoolWithoutRoomIsRefusedBeforeAnythingChanges() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.of("c62x"))) {
            nas.faults().poolAvailable("tank", 20L << 20);
            CliRun run = CliRun.of(args(nas, "--pool", "tank", "--size", "8M", "--yes").toArray(String[]::new));
            assertEquals(ExitCodes.INPUT, run.exit(), run.err());
            assertTrue(run.err().contains("refused: pool tank has"), run.err());
            assertTrue(run.out().isEmpty());
        }
    }

    @Test
    void aSimulatedNasIsNotAskedAboutEvenWithoutATerminal() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.of("c62x"))) {
            // the simulator is never asked about (nothing real changes); a NAS over --host is
            CliRun run = CliRun.of(args(nas, "--size", "8M").toArray(String[]::new));
            assertEquals(0, run.exit(), "the simulator is labelled simulated and is not asked about: " + run.err());
        }
    }

    /** Ctrl-C on a real CLI process: the NAS cleans up, the CLI waits for it and reports it. */
    @Test
    void ctrlCStopsTheRunAndTheNasCleansUp() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.of("c62x"))) {
            CliProcess c = CliProcess.start(dir, args(nas, "--size", "256M", "--yes"));
            c.awaitErr("QAT on: writing 0");
            new ProcessBuilder("kill", "-INT", Long.toString(c.process().pid())).start().waitFor();
            assertTrue(c.process().waitFor(150, TimeUnit.SECONDS), "the CLI ends after the clean-up: " + c.err());
            assertEquals(ExitCodes.INPUT, c.process().exitValue(), c.err());
            JsonNode doc = JSON.readTree(Files.readString(dir.resolve("stdout.txt")));
            assertTrue(doc.get("stoppedBecause").asText().startsWith("stopped"), doc.toString());
            assertTrue(doc.get("cleanup").get("datasetDestroyed").asBoolean(), doc.toString());
            assertTrue(doc.get("cleanup").get("paramsRestored").asBoolean(), doc.toString());
            assertTrue(c.err().contains("clean-up (simulated): dataset destroyed, parameters restored"), c.err());
            assertNothingLeft(nas);
        }
    }

    /** A CLI killed with -9 says nothing to anyone: its connection ends, and the NAS cleans up. */
    @Test
    void aKilledCliLeavesNothingBehind() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.of("c62x"))) {
            CliProcess c = CliProcess.start(dir, args(nas, "--size", "256M", "--yes"));
            c.awaitErr("QAT on: writing 0");
            c.process().destroyForcibly();
            assertTrue(c.process().waitFor(30, TimeUnit.SECONDS));
            Path records = nas.root().resolve("var/lib/qatwb/bench");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!allDone(records) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(allDone(records), "the NAS finished its clean-up");
            assertNothingLeft(nas);
        }
    }

    private static boolean allDone(Path records) throws IOException {
        if (!Files.isDirectory(records)) {
            return false;
        }
        try (Stream<Path> ids = Files.list(records)) {
            List<Path> all = ids.toList();
            return !all.isEmpty() && all.stream().allMatch(d -> Files.exists(d.resolve("done")));
        }
    }

    private static void assertNothingLeft(SimulatedNas nas) throws Exception {
        CliRun after = CliRun.of(args(nas, "--size", "8M", "--pool", "nopool").toArray(String[]::new));
        assertTrue(after.err().contains("refused: no pool nopool"), after.err());
        try (Stream<Path> files = Files.walk(nas.root().resolve("var/lib/qatwb/bench"))) {
            List<String> left = files.map(p -> p.getFileName().toString()).filter(n -> n.equals("key") || n.equals("chunk")).toList();
            assertEquals(List.of(), left);
        }
        for (String p : List.of("compress", "checksum", "encrypt")) {
            assertEquals("0", Files.readString(nas.root().resolve("sys/module/zfs/parameters/zfs_qat_" + p + "_disable")).strip(),
                    p + " as before (the c62x profile keeps QAT on)");
        }
        if (!Files.isDirectory(nas.root().resolve("mnt"))) {
            return;
        }
        try (Stream<Path> mounts = Files.walk(nas.root().resolve("mnt"))) {
            assertFalse(mounts.anyMatch(p -> p.getFileName().toString().startsWith("qatwb-bench-")), "no scratch dataset left");
        }
    }

    private static List<String> args(SimulatedNas nas, String... more) {
        List<String> all = new ArrayList<>(List.of("bench"));
        all.addAll(NasCommandsEndToEndTest.connection(nas, more));
        return all;
    }
}
