package org.qatwb.model.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.testutil.AgentOutputWriter.BOUNDARY;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.StreamFrameReader;
import org.qatwb.model.agent.StreamTick;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.testutil.AgentOutputWriter;
import org.qatwb.model.testutil.NasOutputs;

class StreamSampleTest {

    private static List<StreamTick> ticks(AgentOutputWriter w) throws ParseException {
        return new StreamFrameReader(BOUNDARY).feed(w.bytes());
    }

    @Test
    void aTickGivesItsTimeCountersAndFwCounters() throws ParseException {
        StreamSample s = StreamSample.read(ticks(AgentOutputWriter.stream().ok("uptime", "350735.47 1234.00\n")
                .ok("kstat_qat", NasOutputs.KSTAT).ok("fw_counters:qat_c6xx_0000:3d:00.0", " 0: 1 1\n").tick(1)).get(0));
        assertEquals(1, s.n());
        assertEquals(OptionalLong.of(350_735_470_000_000L), s.uptimeNanos());
        assertEquals(218485057L, s.kstat().orElseThrow().value(QatCounter.COMP_REQUESTS).getAsLong());
        assertEquals(" 0: 1 1\n", s.fwCounters().get("qat_c6xx_0000:3d:00.0"));
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void brokenOrRefusedItemsAreWarningsAndAbsentKstatIsNoWarning() throws ParseException {
        StreamSample s = StreamSample.read(ticks(AgentOutputWriter.stream().ok("uptime", "soon\n").absent("kstat_qat")
                .item("fw_counters:qat_x", "error", 1, "cat: Input/output error\n").tick(1)).get(0));
        assertTrue(s.uptimeNanos().isEmpty());
        assertTrue(s.kstat().isEmpty());
        assertEquals(List.of("uptime: not /proc/uptime: \"soon\"", "fw_counters:qat_x: error: cat: Input/output error"),
                s.warnings());
        assertEquals(List.of("uptime: missing from the tick"),
                StreamSample.read(ticks(AgentOutputWriter.stream().tick(1)).get(0)).warnings());
    }

    @Test
    void anItemOfMoreLinesThanAToolPrintsIsAWarningNotParsed() throws ParseException {
        String lines = "x\n".repeat(org.qatwb.model.agent.AgentProtocol.MAX_ITEM_LINES + 1);
        StreamSample s = StreamSample.read(ticks(AgentOutputWriter.stream().ok("uptime", "1.00 1.00\n")
                .ok("kstat_qat", lines).tick(1)).get(0));
        assertTrue(s.kstat().isEmpty());
        assertEquals(List.of("kstat_qat: more than 131072 lines, more than the NAS's tools print there; not read"),
                s.warnings());
    }
}
