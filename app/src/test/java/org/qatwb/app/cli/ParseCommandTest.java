package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ParseCommandTest {

    private static final String STATUS = """
            Checking status of all devices.
            There is 2 QAT acceleration device(s) in the system:
             qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 1,  bsf: 84:00.0,  #accel: 5 #engines: 10 state: up
             qat_dev3 - type: c6xxvf,  inst_id: 0,  node_id: 1,  bsf: 0000:84:01.0,  #accel: 1 #engines: 1 state: down
            """;

    private static final String KSTAT = """
            19 1 0x01 3 816 1645575508916183 3447141868397572
            name                            type data
            comp_requests                   4    218485057
            comp_total_in_bytes             4    18446744073709551615
            some_fork_counter               4    7
            """;

    @TempDir
    Path dir;

    @Test
    void adfStatusGivesTheContractsFieldsAndTheConfFileByInstId() {
        CliRun run = CliRun.withStdin(STATUS, "parse", "adf-status", "-");
        assertEquals(0, run.exit(), run.err());
        JsonNode devices = run.json().get("devices");
        assertEquals(2, devices.size());
        JsonNode pf = devices.get(0);
        List<String> fields = List.of("name", "type", "vf", "instId", "nodeId", "bsf", "accel", "engines", "state", "conf");
        Iterator<String> names = pf.fieldNames();
        for (String f : fields) {
            assertEquals(f, names.next());
        }
        assertEquals("qat_dev0", pf.get("name").asText());
        assertEquals("0000:84:00.0", pf.get("bsf").asText());
        assertEquals(1, pf.get("nodeId").asInt());
        assertEquals("up", pf.get("state").asText());
        assertEquals("/etc/c6xx_dev0.conf", pf.get("conf").asText());
        JsonNode vf = devices.get(1);
        assertTrue(vf.get("vf").asBoolean());
        assertEquals("down", vf.get("state").asText());
        assertEquals("/etc/c6xxvf_dev0.conf", vf.get("conf").asText(), "from inst_id 0, not from qat_dev3");
        assertEquals(0, run.json().get("warnings").size());
    }

    @Test
    void zeroDevicesIsSuccess() {
        CliRun run = CliRun.withStdin("There is 0 QAT acceleration device(s) in the system:\n", "parse", "adf-status", "-");
        assertEquals(0, run.exit());
        assertEquals(0, run.json().get("devices").size());
    }

    @Test
    void somethingElseIsExitOneWithOneLine() throws IOException {
        Path f = Files.writeString(dir.resolve("dmesg.txt"), "random text\nnot a status\n");
        CliRun run = CliRun.of("parse", "adf-status", f.toString());
        assertEquals(1, run.exit());
        assertTrue(run.oneLineError(), run.err());
        assertTrue(run.err().contains("dmesg.txt"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void kstatValuesAreExactAndUnknownNamesKeptInFileOrder() {
        CliRun run = CliRun.withStdin(KSTAT, "parse", "kstat", "-");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("18446744073709551615"), run.out());
        JsonNode counters = run.json().get("counters");
        assertEquals(List.of("comp_requests", "comp_total_in_bytes", "some_fork_counter"),
                iterate(counters.fieldNames()));
        assertEquals(218485057L, counters.get("comp_requests").asLong());
        assertEquals("18446744073709551615", counters.get("comp_total_in_bytes").bigIntegerValue().toString());
        assertEquals(0, run.json().get("warnings").size());
    }

    @Test
    void otherKstatsKeepTheirTextAndNegativeRowsApartFromTheCounters() {
        String arcstats = "6 1 0x01 3 816 1 2\nname type data\nhits 4 42\nc_min 3 -5\nlabel 7 hello world\n";
        CliRun run = CliRun.withStdin(arcstats, "parse", "kstat", "-");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("hits"), iterate(run.json().get("counters").fieldNames()));
        assertEquals(-5, run.json().get("otherRows").get("c_min").asInt());
        assertEquals("hello world", run.json().get("otherRows").get("label").asText());
    }

    @Test
    void aPipeIsReadLikeAFileAndAnImpossiblePathIsAUsageError() {
        CliRun nul = CliRun.of("parse", "kstat", "bad\u0000name");
        assertEquals(2, nul.exit());
        assertTrue(nul.oneLineError() && !nul.err().contains("\u0000"), nul.err());
    }

    @Test
    void kstatWithoutHeaderOrCutIsExitOne() {
        CliRun noHeader = CliRun.withStdin("comp_requests 4 1\n", "parse", "kstat", "-");
        assertEquals(1, noHeader.exit());
        assertTrue(noHeader.oneLineError(), noHeader.err());
        CliRun cut = CliRun.withStdin("19 1 0x01 3 816 1 2\nname type data\ncomp_req", "parse", "kstat", "-");
        assertEquals(1, cut.exit());
        assertTrue(cut.err().contains("line 3"), cut.err());
    }

    @Test
    void defaultQatSaysWhatQatServiceWillDo() {
        CliRun run = CliRun.withStdin("# Remove comment on next line to enable sriov\n#SRIOV_ENABLE=1\nENABLE_KAPI=1\n",
                "parse", "default-qat", "-");
        assertEquals(0, run.exit(), run.err());
        JsonNode doc = run.json();
        assertFalse(doc.get("sriovEnabled").asBoolean());
        assertTrue(doc.get("kapiEnabled").asBoolean());
        assertEquals("1", doc.get("variables").get("ENABLE_KAPI").asText());
        assertEquals("SRIOV_ENABLE", doc.get("commented").get(0).get("name").asText());
        assertEquals(2, doc.get("commented").get(0).get("line").asInt());
    }

    @Test
    void blacklistNamesTheBlockedDevices() {
        CliRun run = CliRun.withStdin("blacklist qat_dh895xccvf\nblacklist qat_c62xvf\n", "parse", "blacklist", "-");
        assertEquals(0, run.exit(), run.err());
        JsonNode blocked = run.json().get("blocked");
        assertEquals(2, blocked.size());
        assertEquals("qat_c62xvf", blocked.get(1).get("module").asText());
        assertEquals("c6xx", blocked.get(1).get("device").asText(), "C62x's VF module is qat_c62xvf");
        assertEquals(2, blocked.get(1).get("line").asInt());
    }

    @Test
    void noArgumentsPrintsTheHelp() {
        CliRun run = CliRun.of();
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("Usage: qatwb"));
        assertTrue(run.out().contains("lint"));
        CliRun parse = CliRun.of("parse");
        assertEquals(2, parse.exit(), "parse what?");
        assertTrue(parse.err().contains("adf-status"), parse.err());
        assertTrue(CliRun.of("--version").out().contains("qatwb"));
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CliRun run = CliRun.of("frobnicate");
        assertEquals(2, run.exit());
        assertFalse(run.err().contains("\tat "));
    }

    static Stream<Path> statusSamples() {
        return Corpus.files("adf_ctl");
    }

    static Stream<Path> kstatSamples() {
        return Corpus.files("kstat");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statusSamples")
    void everyStatusSampleGivesJsonWithEveryDeviceLine(Path sample) throws IOException {
        CliRun run = CliRun.of("parse", "adf-status", sample.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode devices = run.json().get("devices");
        for (JsonNode d : devices) {
            assertTrue(d.get("bsf").asText().matches("[0-9a-f]{4}:[0-9a-f]{2}:[0-1][0-9a-f]\\.[0-7]"), d.toString());
            assertTrue(d.get("state").asText().matches("up|down"));
            assertTrue(d.get("conf").isNull() || d.get("conf").asText().matches("/etc/[a-z0-9]+_(qa_)?dev\\d+\\.conf"));
        }
        String last = lastOutput(Files.readString(sample));
        long lines = last.lines().filter(l -> l.matches(".*(qat|icp)_dev\\d+ - type.*")).count();
        assertEquals(lines, devices.size(), "one device per device line of the last output");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kstatSamples")
    void everyKstatSampleGivesEveryRow(Path sample) throws IOException {
        CliRun run = CliRun.of("parse", "kstat", sample.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> text = Files.readAllLines(sample);
        int header = 0;
        while (!text.get(header).startsWith("name ")) {
            header++;
        }
        assertEquals(text.size() - header - 1, run.json().get("counters").size());
    }

    /** The text after the last "There is N" line (or all of it when there is none). */
    private static String lastOutput(String text) {
        int i = Math.max(text.lastIndexOf("There is "), text.lastIndexOf("acceleration device(s)"));
        return i < 0 ? text : text.substring(text.lastIndexOf('\n', i) + 1);
    }

    private static List<String> iterate(Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** The public sample corpus beside the checkout, skipped when absent. */
    static final class Corpus {
        static Stream<Path> files(String folder) {
            Path dir = Path.of(System.getProperty("qatwb.samples", "../../shared/samples")).resolve(folder);
            Assumptions.assumeTrue(Files.isDirectory(dir), "sample corpus not present at " + dir);
            try (Stream<Path> s = Files.list(dir)) {
                return s.sorted().toList().stream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
