package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {

    private static final String VF = """
            [GENERAL]
            ServicesEnabled = cy;dc
            ConfigVersion = 2

            [KERNEL_QAT]
            NumberCyInstances = 1
            NumberDcInstances = 1
            Cy0Name = "ZfsCy"
            Cy0IsPolled = 0
            Cy0CoreAffinity = %d
            Dc0Name = "ZfsDc"
            Dc0IsPolled = 0
            Dc0CoreAffinity = %d
            """;

    private static final String PF = """
            [GENERAL]
            ServicesEnabled = %s
            ConfigVersion = 2

            [KERNEL_QAT]
            NumberCyInstances = 0
            NumberDcInstances = 0
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aDuplicatedKeyIsAnErrorWithItsLineAndExitOne() throws IOException {
        Path f = write("c6xxvf_dev0.conf", VF.formatted(3, 3) + "Cy0CoreAffinity = 5\n");
        CliRun run = CliRun.of("lint", f.toString());
        assertEquals(1, run.exit());
        JsonNode file = run.json().get("files").get(0);
        assertEquals(f.toString(), file.get("path").asText());
        assertEquals("c6xxvf", file.get("device").asText());
        JsonNode finding = file.get("findings").get(0);
        assertEquals("key.duplicate", finding.get("rule").asText());
        assertEquals("error", finding.get("severity").asText());
        assertEquals(14, finding.get("line").asInt());
        assertEquals("KERNEL_QAT", finding.get("section").asText());
        assertEquals("Cy0CoreAffinity", finding.get("key").asText());
        assertTrue(finding.get("message").asText().contains("line 10"));
        assertTrue(run.err().contains(f + ":14: error: "), run.err());
    }

    @Test
    void aCleanFileExitsZeroWithNoFindings() throws IOException {
        Path f = write("c6xxvf_dev3.conf", VF.formatted(2, 2));
        CliRun run = CliRun.of("lint", "--cores", "8", "-q", f.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(0, run.json().get("files").get(0).get("findings").size());
        assertEquals("", run.err());
    }

    @Test
    void coresEnableTheAffinityRule() throws IOException {
        Path f = write("c6xxvf_dev3.conf", VF.formatted(9, 9));
        assertEquals(0, CliRun.of("lint", f.toString()).exit());
        CliRun run = CliRun.of("lint", "--cores", "8", f.toString());
        assertEquals(1, run.exit());
        assertEquals("affinity.range", run.json().get("files").get(0).get("findings").get(0).get("rule").asText());
    }

    @Test
    void sectionAndKeyAreNullWhereTheyDoNotApply() throws IOException {
        Path f = write("notes.conf", "[KERNEL]\nNumberCyInstances = 0\n");
        CliRun run = CliRun.of("lint", f.toString());
        JsonNode file = run.json().get("files").get(0);
        assertTrue(file.get("device").isNull());
        JsonNode missing = file.get("findings").get(0);
        assertEquals("general.missing", missing.get("rule").asText());
        assertTrue(missing.get("section").isNull());
        assertTrue(missing.get("key").isNull());
        assertEquals(1, missing.get("line").asInt());
    }

    @Test
    void aDirectoryIsOneDeviceSetWithCrossFileRules() throws IOException {
        write("c6xx_dev0.conf", PF.formatted("dc"));
        write("c6xx_dev1.conf", PF.formatted("cy;dc"));
        write("c6xxvf_dev0.conf", VF.formatted(0, 0));
        write("c6xxvf_dev16.conf", VF.formatted(1, 1));
        write("resolv.conf", "nameserver 127.0.0.1\n");
        CliRun run = CliRun.of("lint", "-q", dir.toString());
        assertEquals(1, run.exit());
        JsonNode files = run.json().get("files");
        assertEquals(4, files.size(), "only the driver's conf files, not resolv.conf");
        assertTrue(files.get(0).get("path").asText().endsWith("c6xx_dev0.conf"), "PFs first");
        JsonNode vf0 = files.get(2);
        assertTrue(vf0.get("path").asText().endsWith("c6xxvf_dev0.conf"));
        assertEquals("vf.services-subset", vf0.get("findings").get(0).get("rule").asText());
        assertEquals(0, files.get(3).get("findings").size(), "VF 16 belongs to PF 1, which has cy;dc");
    }

    @Test
    void theDeviceCanBeGivenForAnyFileName() throws IOException {
        Path f = write("vf-for-zfs.conf", VF.formatted(0, 0).replace("NumberCyInstances = 1", "NumberCyInstances = 3")
                + "Cy1Name = \"A\"\nCy1IsPolled = 0\nCy1CoreAffinity = 1\nCy2Name = \"B\"\nCy2IsPolled = 0\n"
                + "Cy2CoreAffinity = 2\n");
        assertEquals(0, CliRun.of("lint", f.toString()).exit(), "no device known: no capacity rule");
        CliRun run = CliRun.of("lint", "--device", "c6xxvf", f.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("capacity.exceeded"), run.out());
    }

    @Test
    void theDriverReleaseDecidesHowAnIndentedHeaderIsRead() throws IOException {
        Path f = write("c6xxvf_dev0.conf", VF.formatted(0, 0).replace("[KERNEL_QAT]", "  [KERNEL_QAT]"));
        CliRun newest = CliRun.of("lint", "-q", f.toString());
        assertEquals(0, newest.exit(), newest.out());
        JsonNode warning = newest.json().get("files").get(0).get("findings").get(0);
        assertEquals("syntax.indented-section", warning.get("rule").asText());
        assertEquals("warning", warning.get("severity").asText());
        assertTrue(warning.get("message").asText().contains("driver 4.28 reads it as a header"), warning.toString());

        CliRun old = CliRun.of("lint", "-q", "--driver-release", "4.8", f.toString());
        assertEquals(1, old.exit(), old.out());
        JsonNode error = old.json().get("files").get(0).get("findings").get(0);
        assertEquals("syntax.indented-section", error.get("rule").asText());
        assertEquals("error", error.get("severity").asText());

        assertEquals(0, CliRun.of("lint", "-q", "--driver-release", "4.24", f.toString()).exit());
        CliRun bad = CliRun.of("lint", "--driver-release", "4.9", f.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("unknown --driver-release '4.9'; known: 4.8, 4.24, 4.28"), bad.err());
        assertTrue(CliRun.of("lint", "--help").out().contains("default: 4.28"), "the default is said in --help");
    }

    @Test
    void usageErrorsAreOneLineWithExitTwo() throws IOException {
        Path f = write("c6xx_dev0.conf", PF.formatted("dc"));
        CliRun unknownDevice = CliRun.of("lint", "--device", "qat9000", f.toString());
        assertEquals(2, unknownDevice.exit());
        assertTrue(unknownDevice.oneLineError(), unknownDevice.err());
        assertTrue(unknownDevice.err().contains("qat9000"));

        CliRun missing = CliRun.of("lint", dir.resolve("nope.conf").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.oneLineError(), missing.err());
        assertTrue(missing.err().contains("nope.conf: no such file"), missing.err());

        assertEquals(2, CliRun.of("lint").exit());
        assertEquals(2, CliRun.of("lint", "--cores", "0", f.toString()).exit());
    }

    @Test
    void aDirectoryWithoutConfFilesIsBadInput() {
        CliRun run = CliRun.of("lint", dir.toString());
        assertEquals(1, run.exit());
        assertTrue(run.oneLineError(), run.err());
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun run = CliRun.of("lint", "--verbose", dir.resolve("nope.conf").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("\tat "), run.err());
    }

    @Test
    void theRuleCatalogListsEveryRuleWithItsSource() {
        CliRun run = CliRun.of("rules");
        assertEquals(0, run.exit());
        JsonNode rules = run.json().get("rules");
        assertTrue(rules.size() >= 24);
        assertTrue(java.util.stream.StreamSupport.stream(rules.spliterator(), false).anyMatch(r ->
                r.get("id").asText().equals("zfs.polled") && r.get("citation").asText().contains(".c ")), rules.toString());
        for (JsonNode r : rules) {
            assertTrue(!r.get("source").asText().isBlank() && !r.get("summary").asText().isBlank(), r.toString());
            assertTrue(r.has("citation"), r.toString());
        }
    }
}
