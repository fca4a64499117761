package org.qatwb.model.debugfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.testutil.Samples;

class FwCountersParserTest {

    static final String BOX_RAS = """
            +------------------------------------------------+
            | FW Statistics for Qat Device                   |
            +------------------------------------------------+
            | Firmware Requests [AE  0]:         12149803939 |
            | Firmware Responses[AE  0]:         12149803930 |
            | RAS Events        [AE  0]:                   2 |
            +------------------------------------------------+
            | Firmware Requests [AE 10]:                   5 |
            | Firmware Responses[AE 10]:                   5 |
            | RAS Events        [AE 10]:                   0 |
            +------------------------------------------------+
            """;

    @Test
    void readsTheOutOfTreeBox() throws ParseException {
        FwCounters c = FwCountersParser.parse(BOX_RAS);
        assertEquals(FwCounters.Format.BOX, c.format());
        assertEquals(List.of(new EngineCounters(0, 12149803939L, 12149803930L, OptionalLong.of(2)),
                new EngineCounters(10, 5, 5, OptionalLong.of(0))), c.engines());
        assertEquals(9, c.engines().get(0).pending());
        assertEquals(List.of(), c.warnings());
    }

    @Test
    void readsTheInKernelTableWithCrlf() throws ParseException {
        FwCounters c = FwCountersParser.parse("AE          Requests        Responses\r\n 0:         17949407         17949407\r\n"
                + " 1:                3                1\r\n");
        assertEquals(FwCounters.Format.TABLE, c.format());
        assertEquals(List.of(new EngineCounters(0, 17949407, 17949407, OptionalLong.empty()),
                new EngineCounters(1, 3, 1, OptionalLong.empty())), c.engines());
    }

    @Test
    void aCutCaptureKeepsTheWholeEnginesAndSaysWhichWasLeftOut() throws ParseException {
        String cut = BOX_RAS.substring(0, BOX_RAS.indexOf("| Firmware Responses[AE 10]"));
        FwCounters c = FwCountersParser.parse("# cat /sys/kernel/debug/qat_c6xx_0000:3d:00.0/fw_counters\n" + cut);
        assertEquals(1, c.engines().size());
        assertEquals(List.of("line 1: not a counter line, ignored: \"# cat /sys/kernel/debug/qat_c6xx_0000:3d:00.0/fw_counters\"",
                "line 9: AE 10 has no responses (a cut capture?); left out"), c.warnings());
    }

    @Test
    void unsignedValuesAboveLongMaxAreKept() throws ParseException {
        FwCounters c = FwCountersParser.parse(" 0: 18446744073709551615 18446744073709551614\n");
        assertEquals("18446744073709551615", Long.toUnsignedString(c.engines().get(0).requests()));
        assertEquals(1, c.engines().get(0).pending());
        assertThrows(ParseException.class, () -> FwCountersParser.parse(" 0: 18446744073709551616 1\n"));
    }

    @Test
    void twoDevicesOrNoCountersAreParseExceptions() {
        String two = "AE Requests Responses\n 0: 1 1\nAE Requests Responses\n 0: 2 2\n";
        assertEquals("line 3: a second device's counters start here (first at line 1); read one device's fw_counters"
                + " at a time", assertThrows(ParseException.class, () -> FwCountersParser.parse(two)).getMessage());
        assertThrows(ParseException.class, () -> FwCountersParser.parse(""));
        assertThrows(ParseException.class, () -> FwCountersParser.parse("cat: fw_counters: Permission denied\n"));
    }

    @Test
    void everyCapturedAndReconstructedFileIsRead() throws ParseException {
        List<Path> files = new java.util.ArrayList<>(Samples.files("debugfs"));
        files.addAll(Samples.files("reconstructed_from_source"));
        int read = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (!name.contains("fw_counters")) {
                continue;
            }
            String text = new String(Samples.bytes(f), StandardCharsets.UTF_8);
            if (name.contains("two_devices")) {
                assertThrows(ParseException.class, () -> FwCountersParser.parse(text), name);
                continue;
            }
            FwCounters c = FwCountersParser.parse(text);
            assertEquals(name.contains("UPSTREAM") ? FwCounters.Format.TABLE : FwCounters.Format.BOX, c.format(), name);
            assertTrue(c.engines().size() >= 2, name);
            assertEquals(name.contains("RAS"), c.engines().get(0).rasEvents().isPresent(), name);
            read++;
        }
        assertTrue(read >= 5, "read " + read + " samples");
    }

    @Property(tries = 500)
    void anyTextGivesCountersOrAParseException(@ForAll @StringLength(max = 200) String text) {
        try {
            FwCounters c = FwCountersParser.parse(text);
            c.warnings().forEach(w -> assertFalse(w.contains("\n"), w));
        } catch (ParseException e) {
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Property(tries = 300)
    void damagedCountersGiveCountersOrAParseException(@ForAll("damaged") String text) {
        anyTextGivesCountersOrAParseException(text);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> damaged() {
        return net.jqwik.api.Arbitraries.of(BOX_RAS.split("\n"))
                .map(l -> l + "\n")
                .list().ofMaxSize(12)
                .map(l -> String.join("", l));
    }
}
