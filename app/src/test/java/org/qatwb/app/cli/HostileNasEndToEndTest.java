package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.app.Main;
import org.qatwb.model.agent.AgentProtocol;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/**
 * A hostile NAS cannot exhaust the client's memory (issue 11): the real CLI, in a child JVM with a
 * 256 MB heap, reads a snapshot from a simulated NAS whose own tools lie ({@code SimFaults.hostileTool}),
 * while the real agent runs unchanged: a {@code wc} whose sizes of the conf files add up through a
 * negative one or one near 2^31, a {@code head} that never stops, items of short lines, conf files of
 * short lines. Each ends in warnings or one line on stderr, never an OutOfMemoryError.
 */
class HostileNasEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static SimulatedNas nas;

    @BeforeAll
    static void start() {
        nas = SimulatedNas.start(SimOptions.of("c62x"));
    }

    @AfterAll
    static void stop() {
        nas.close();
    }

    @AfterEach
    void tellTheTruth() {
        nas.faults().honestTools();
    }

    /** A child JVM's exit status and output. */
    record Child(int exit, String out, String err) {
    }

    @ParameterizedTest(name = "wc says the first conf file has {0} bytes")
    @ValueSource(longs = {1_000_000_000L, 2_147_483_647L, 2_147_483_646L, 4_294_967_296L, -1L, -2_147_483_648L})
    void aLyingConfSizeLeavesTheClientUnder256MbWithOneLine(long first) throws Exception {
        long total = confBytes();
        String etc = nas.root().resolve("etc") + "/";
        // the sizes add up to what cat sends, as a careful liar makes them
        lyingWc(first + " " + etc + "c6xx_dev0.conf\n" + (total - first) + " " + etc + "c6xx_dev1.conf\n" + total
                + " total\n");

        Child run = snapshotIn256Mb();

        assertFalse(run.err().contains("OutOfMemoryError"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals(0, run.exit(), "a broken item is a warning, the snapshot stands: " + run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("qatwb: conf_sizes: line "), lines.get(0));
        assertTrue(lines.get(0).endsWith("; conf files not used"), lines.get(0));
        JsonNode s = JSON.readTree(run.out());
        assertEquals(0, s.get("confFiles").size(), "no conf file cut by a lie");
        assertEquals(51, s.get("devices").size(), "the rest of the snapshot stands");
    }

    @ParameterizedTest(name = "wc says {0} bytes, and the sum does not add up")
    @ValueSource(longs = {1_000_000_000L, 999_999_999_999_999_999L})
    void aSizeThatDoesNotAddUpIsAChangedSet(long first) throws Exception {
        String etc = nas.root().resolve("etc") + "/";
        lyingWc(first + " " + etc + "c6xx_dev0.conf\n" + first + " " + etc + "c6xx_dev1.conf\n400 total\n");

        Child run = snapshotIn256Mb();

        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("qatwb: conf_files: the conf files changed while they were read ("
                + 2 * first + " bytes listed, " + confBytes()
                + " read); run the snapshot again"), run.err().lines().toList());
    }

    @ParameterizedTest(name = "the NAS's head runs: {0}")
    @ValueSource(strings = {"exec yes 'a line that never ends'", "exec tr -d '\\n' </dev/zero"})
    void aNasThatPrintsForeverIsStoppedAtTheCapWithOneLine(String head) throws Exception {
        // the agent cuts every item with head -c; a NAS whose head never stops prints forever
        nas.faults().hostileTool("head", head);

        Child run = snapshotIn256Mb();

        assertFalse(run.err().contains("OutOfMemoryError"), run.err());
        assertEquals(1, run.exit(), "the NAS's answer has problems: " + run.err());
        assertEquals(List.of("qatwb: the NAS's answer to snapshot passed "
                + (AgentProtocol.OUTPUT_CAP >> 20) + " MiB, more than the agent ever prints"
                + " (docs/agent-protocol.md, \"Limits\"); it was stopped"), run.err().lines().toList());
        assertEquals("", run.out());
    }

    @ParameterizedTest(name = "every item is 250 kB of lines {0}")
    @ValueSource(strings = {"x", "0 0-65535", "x\\tx\\tx\\tx", "#", "a=b", "[S]"})
    void shortLinesInEveryItemOfAnAnswerBelowItsCapStayUnder256Mb(String line) throws Exception {
        // every item below the agent's cap and the answer below the client's (about 85 items go
        // through head, 51 of them the devices' dev_cfg, so 250 kB each stays under 24 MiB): only
        // what the client makes of many short lines can hurt (it ran out of memory at 3 MiB per item before)
        nas.faults().hostileTool("head", "cat >/dev/null; yes '" + line + "' | exec /usr/bin/head -c 250000");

        Child run = snapshotIn256Mb();

        assertFalse(run.err().contains("OutOfMemoryError"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals(0, run.exit(), "broken items are warnings, the snapshot stands: " + run.err());
        List<String> lines = run.err().lines().toList();
        assertTrue(lines.size() < 40, lines.size() + " lines: no flood of warnings");
        lines.forEach(l -> assertTrue(l.startsWith("qatwb: ") && l.length() < 400, l));
    }

    @ParameterizedTest(name = "five conf files of 3 MiB of lines {0}")
    @ValueSource(strings = {"x", "Cy0Name = a_name_that_fills_the_line"})
    void confFilesOfManyLinesStayUnder256Mb(String line) throws Exception {
        // every line of a conf file is a document line and perhaps a lint finding, ~500 bytes in all
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 100; i < 105; i++) {
                Path f = nas.root().resolve("etc/c6xxvf_dev" + i + ".conf");
                Files.writeString(f, "[KERNEL_QAT]\n" + (line + "\n").repeat(3 * 1024 * 1024 / (line.length() + 1)));
                files.add(f);
            }

            Child run = snapshotIn256Mb();

            assertFalse(run.err().contains("OutOfMemoryError"), run.err());
            assertEquals(0, run.exit(), run.err());
            List<String> lines = run.err().lines().toList();
            assertTrue(lines.size() <= 5, lines.toString());
            lines.forEach(l -> assertTrue(l.matches("qatwb: conf:/etc/c6xxvf_dev10[0-4].conf: not read: .*"), l));
            assertEquals(51, JSON.readTree(run.out()).get("confFiles").size(), "the NAS's own files are read");
        } finally {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** The NAS's wc prints {@code answer} whatever it is asked (the agent sizes the conf files with one wc -c). */
    private static void lyingWc(String answer) {
        nas.faults().hostileTool("wc", "cat <<'LIE'\n" + answer + "LIE");
    }

    private static long confBytes() throws IOException {
        try (Stream<Path> files = Files.list(nas.root().resolve("etc"))) {
            long total = 0;
            for (Path p : files.filter(p -> p.getFileName().toString().matches(".*_dev.*\\.conf")).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }

    /** {@code qatwb snapshot --sudo} against the simulated NAS, run as a user runs it, with -Xmx256m. */
    private static Child snapshotIn256Mb() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "snapshot", "--sudo"));
        cmd.addAll(NasCommandsEndToEndTest.connection(nas));
        Path out = Files.createTempFile("qatwb-child", ".out");
        Path err = Files.createTempFile("qatwb-child", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("the CLI did not end: " + Files.readString(err));
            }
            return new Child(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
