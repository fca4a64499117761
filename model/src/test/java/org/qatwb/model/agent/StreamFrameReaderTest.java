package org.qatwb.model.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.testutil.AgentOutputWriter.BOUNDARY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.testutil.AgentOutputWriter;

class StreamFrameReaderTest {

    private static final String KSTAT = """
            19 1 0x01 17 4624 1645575508916183 3447141868397572
            name                            type data
            comp_requests                   4    218485057
            """;

    /** Three ticks as the agent prints them, with content that tries to look like frames. */
    static byte[] sample() {
        return AgentOutputWriter.stream()
                .ok("uptime", "100.50 380.00\n").ok("kstat_qat", KSTAT).ok("fw_counters:qat_c6xx_0000:3d:00.0", "AE 0:  5")
                .tick(1)
                .ok("uptime", "101.51 384.00\n").ok("kstat_qat", KSTAT + "@@" + BOUNDARY.substring(0, 20) + "\n@@\n")
                .absent("fw_counters:qat_c6xx_0000:3d:00.0")
                .tick(2)
                .ok("uptime", "102.52 388.00\n").item("kstat_qat", "truncated", 0, "")
                .tick(3)
                .bytes();
    }

    private static List<StreamTick> readWhole(byte[] output) throws ParseException {
        StreamFrameReader r = new StreamFrameReader(BOUNDARY);
        List<StreamTick> ticks = new ArrayList<>(r.feed(output));
        r.finish();
        return ticks;
    }

    @Test
    void aWholeStreamGivesItsTicksInOrder() throws ParseException {
        List<StreamTick> ticks = readWhole(sample());
        assertEquals(List.of(1, 2, 3), ticks.stream().map(StreamTick::n).toList());
        assertEquals(List.of("uptime", "kstat_qat", "fw_counters:qat_c6xx_0000:3d:00.0"),
                ticks.get(0).frames().stream().map(AgentFrame::name).toList());
        assertEquals("101.51 384.00\n", ticks.get(1).frame("uptime").orElseThrow().text());
        assertTrue(ticks.get(1).frame("kstat_qat").orElseThrow().text().endsWith("\n@@\n"));
        assertEquals(ItemStatus.ABSENT, ticks.get(1).frame("fw_counters:qat_c6xx_0000:3d:00.0").orElseThrow().status());
        assertEquals(ItemStatus.TRUNCATED, ticks.get(2).frame("kstat_qat").orElseThrow().status());
    }

    @Test
    void twoChunksCutAtEveryBytePositionGiveTheSameTicks() throws ParseException {
        byte[] s = sample();
        List<StreamTick> whole = readWhole(s);
        for (int cut = 0; cut <= s.length; cut++) {
            StreamFrameReader r = new StreamFrameReader(BOUNDARY);
            List<StreamTick> ticks = new ArrayList<>(r.feed(s, 0, cut));
            ticks.addAll(r.feed(s, cut, s.length - cut));
            r.finish();
            assertEquals(whole, ticks, "cut at " + cut);
        }
    }

    @Test
    void oneByteChunksGiveTheSameTicksEachAsSoonAsItsLineEnds() throws ParseException {
        byte[] s = sample();
        StreamFrameReader r = new StreamFrameReader(BOUNDARY);
        List<StreamTick> ticks = new ArrayList<>();
        List<Integer> completedAt = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            List<StreamTick> got = r.feed(s, i, 1);
            if (!got.isEmpty()) {
                completedAt.add(i);
            }
            ticks.addAll(got);
        }
        r.finish();
        assertEquals(readWhole(s), ticks);
        String text = new String(s, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int n = 1; n <= 3; n++) {
            int tickLineEnd = text.indexOf("tick " + n + "\n") + ("tick " + n).length();
            assertEquals(tickLineEnd, completedAt.get(n - 1), "tick " + n + " comes with its newline");
        }
    }

    @Test
    void aStreamEndingInsideATickLostItsConnection() throws ParseException {
        byte[] s = sample();
        int lastTick = new String(s, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("tick 2\n") + 7;
        StreamFrameReader r = new StreamFrameReader(BOUNDARY);
        assertEquals(2, r.feed(Arrays.copyOf(s, lastTick)).size());
        r.finish(); // between ticks: a clean end

        StreamFrameReader cut = new StreamFrameReader(BOUNDARY);
        cut.feed(Arrays.copyOf(s, lastTick + 10));
        assertEquals("output ended early (connection lost?)", assertThrows(ParseException.class, cut::finish).getMessage());

        StreamFrameReader betweenItems = new StreamFrameReader(BOUNDARY);
        betweenItems.feed(AgentOutputWriter.stream().ok("uptime", "1.00 2.00").bytes());
        assertThrows(ParseException.class, betweenItems::finish);
    }

    @Test
    void theOutputOfAnotherCommandIsNotAStream() {
        StreamFrameReader r = new StreamFrameReader(BOUNDARY);
        ParseException e = assertThrows(ParseException.class, () -> r.feed(AgentOutputWriter.snapshot().bytes()));
        assertEquals("expected the output of stream, the agent ran snapshot", e.getMessage());
    }

    @Test
    void anItemAboveTheReadersCapIsRefusedAndTheReaderStaysBroken() throws ParseException {
        StreamFrameReader ok = new StreamFrameReader(BOUNDARY, 10);
        assertEquals(1, ok.feed(AgentOutputWriter.stream().ok("kstat_qat", "0123456789").tick(1).bytes()).size());

        StreamFrameReader cut = new StreamFrameReader(BOUNDARY, 10);
        assertEquals(ItemStatus.TRUNCATED, cut.feed(AgentOutputWriter.stream().ok("kstat_qat", "0123456789A").tick(1)
                .bytes()).get(0).frame("kstat_qat").orElseThrow().status(), "one byte past the cap means cut");

        StreamFrameReader r = new StreamFrameReader(BOUNDARY, 10);
        byte[] big = AgentOutputWriter.stream().ok("kstat_qat", "0123456789AB").tick(1).bytes();
        ParseException first = assertThrows(ParseException.class, () -> r.feed(big));
        assertEquals("line 3: item kstat_qat is larger than 10 bytes", first.getMessage());
        assertEquals(first, assertThrows(ParseException.class, () -> r.feed(new byte[] {'\n'})));
        assertEquals(first, assertThrows(ParseException.class, r::finish));
    }

    @Test
    void aHugeItemIsRefusedBeforeItIsHeldInMemory() {
        StreamFrameReader r = new StreamFrameReader(BOUNDARY);
        byte[] mib = new byte[1 << 20];
        Arrays.fill(mib, (byte) 'x');
        assertThrows(ParseException.class, () -> {
            r.feed(AgentOutputWriter.stream().line("begin kstat_qat").bytes());
            for (int i = 0; i < 6; i++) {
                r.feed(mib);
            }
        });
    }

    @Test
    void ticksMustCountUpByOne() throws ParseException {
        StreamFrameReader r = new StreamFrameReader(BOUNDARY);
        r.feed(AgentOutputWriter.stream().tick(1).bytes());
        ParseException e = assertThrows(ParseException.class,
                () -> r.feed(new AgentOutputWriter(BOUNDARY).tick(3).bytes()));
        assertTrue(e.getMessage().startsWith("line 3: expected 'tick 2'"), e.getMessage());
    }

    @Test
    void chunkBoundsAreChecked() {
        StreamFrameReader r = new StreamFrameReader(BOUNDARY);
        assertThrows(IndexOutOfBoundsException.class, () -> r.feed(new byte[4], 3, 2));
        assertThrows(IllegalArgumentException.class, () -> new StreamFrameReader("x"));
    }

    @Test
    void aTickOfMoreItemsThanAnAgentSendsBreaksTheStream() throws ParseException {
        AgentOutputWriter w = AgentOutputWriter.stream().ok("uptime", "1.00 1.00\n").tick(1);
        for (int i = 0; i <= AgentProtocol.MAX_ITEMS; i++) {
            w.ok("fw_counters:" + i, "");
        }
        StreamFrameReader r = new StreamFrameReader(BOUNDARY);
        ParseException e = assertThrows(ParseException.class, () -> r.feed(w.bytes()));
        assertTrue(e.getMessage().endsWith("more than " + AgentProtocol.MAX_ITEMS + " items in one tick: not an agent's"
                + " output"), e.getMessage());
    }

    @Test
    void theItemsOfOneTickHoldAtMostTheTickCap() throws ParseException {
        // each item below the item cap, never a tick: the old reader kept every one of them
        byte[] item = new byte[AgentProtocol.ITEM_CAP - 1];
        Arrays.fill(item, (byte) 'x');
        StreamFrameReader r = new StreamFrameReader(BOUNDARY);
        r.feed(AgentOutputWriter.stream().bytes());
        int fed = 0;
        ParseException e = null;
        while (e == null && fed < 64) {
            byte[] one = new AgentOutputWriter(BOUNDARY).item("kstat_qat", "ok", 0, item).bytes();
            try {
                r.feed(one);
                fed++;
            } catch (ParseException pe) {
                e = pe;
            }
        }
        assertEquals(AgentProtocol.TICK_CAP / AgentProtocol.ITEM_CAP, fed, "refused at the first item past the cap");
        assertTrue(e.getMessage().endsWith("the items of one tick hold more than 16 MiB: not an agent's output"),
                e.getMessage());
    }
}
