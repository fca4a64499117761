package org.qatwb.model.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.qatwb.model.testutil.AgentOutputWriter.BOUNDARY;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.testutil.AgentOutputWriter;

/** Arbitrary bytes never raise anything but ParseException; valid output survives any chunking. */
class AgentOutputPropertiesTest {

    record Item(String name, ItemStatus status, int rc, byte[] content) {
    }

    @Property(tries = 500)
    void anyBytesGiveAnOutputOrAParseException(@ForAll("frameLikeBytes") byte[] output) {
        try {
            AgentOutput.parse(output, BOUNDARY);
        } catch (ParseException e) {
            assertOneLine(e);
        }
    }

    @Property(tries = 300)
    void randomBytesAloneOrAfterAValidHeaderGiveAnOutputOrAParseException(@ForAll byte[] noise) {
        for (byte[] output : List.of(noise, concat(AgentOutputWriter.snapshot().bytes(), noise),
                concat(AgentOutputWriter.stream().line("begin kstat_qat").bytes(), noise))) {
            try {
                AgentOutput.parse(output, BOUNDARY);
            } catch (ParseException e) {
                assertOneLine(e);
            }
            try {
                new StreamFrameReader(BOUNDARY).feed(output);
            } catch (ParseException e) {
                assertOneLine(e);
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Property(tries = 300)
    void anyBytesInAnyChunksGiveTicksOrAParseException(@ForAll("frameLikeBytes") byte[] output,
                                                       @ForAll @IntRange(min = 1, max = 40) int chunk) {
        StreamFrameReader r = new StreamFrameReader(BOUNDARY, 64);
        try {
            for (int i = 0; i < output.length; i += chunk) {
                r.feed(output, i, Math.min(chunk, output.length - i));
            }
            r.finish();
        } catch (ParseException e) {
            assertOneLine(e);
        }
    }

    @Property(tries = 300)
    void writtenItemsComeBackExactly(@ForAll("items") @Size(max = 6) List<Item> items) throws ParseException {
        AgentOutputWriter w = AgentOutputWriter.snapshot();
        items.forEach(i -> w.item(i.name(), i.status().wire(), i.rc(), i.content()));
        AgentOutput out = AgentOutput.parse(w.done().bytes(), BOUNDARY);
        assertEquals(items.size(), out.frames().size());
        for (int k = 0; k < items.size(); k++) {
            AgentFrame f = out.frames().get(k);
            assertEquals(items.get(k).name(), f.name());
            assertEquals(items.get(k).status(), f.status());
            assertEquals(items.get(k).rc(), f.rc());
            assertArrayEquals(items.get(k).content(), f.content());
        }
    }

    @Property(tries = 200)
    void aStreamInRandomChunksGivesTheTicksOfTheWhole(@ForAll("items") @Size(max = 8) List<Item> items,
                                                      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 400) Integer> cuts)
            throws ParseException {
        AgentOutputWriter w = AgentOutputWriter.stream();
        int tick = 0;
        for (int k = 0; k < items.size(); k++) {
            Item i = items.get(k);
            w.item(i.name(), i.status().wire(), i.rc(), i.content());
            if (k % 3 == 2) {
                w.tick(++tick);
            }
        }
        w.tick(++tick);
        byte[] s = w.bytes();
        StreamFrameReader whole = new StreamFrameReader(BOUNDARY);
        List<StreamTick> expected = whole.feed(s);
        StreamFrameReader chunked = new StreamFrameReader(BOUNDARY);
        List<StreamTick> got = new ArrayList<>();
        int at = 0;
        for (int c : cuts.stream().sorted().toList()) {
            int to = Math.min(c, s.length);
            if (to > at) {
                got.addAll(chunked.feed(s, at, to - at));
                at = to;
            }
        }
        got.addAll(chunked.feed(s, at, s.length - at));
        chunked.finish();
        assertEquals(expected, got);
        assertEquals(tick, got.size());
    }

    private static void assertOneLine(ParseException e) {
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    }

    @Provide
    Arbitrary<Item> itemArb() {
        Arbitrary<String> names = Arbitraries.of("id", "adf_status", "conf:/etc/c6xx_dev0.conf", "fw_counters:qat_c6xx_0000:3d:00.0");
        Arbitrary<ItemStatus> statuses = Arbitraries.of(ItemStatus.class);
        Arbitrary<Integer> rcs = Arbitraries.integers().between(0, 255);
        return Combinators.combine(names, statuses, rcs, contents()).as(Item::new);
    }

    @Provide
    Arbitrary<List<Item>> items() {
        return itemArb().list();
    }

    /** Bytes built from the protocol's own pieces (marker lines, frame words, newlines) and noise. */
    @Provide
    Arbitrary<byte[]> frameLikeBytes() {
        String m = "@@" + BOUNDARY;
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(m + " agent 1 snapshot\n", m + " agent 1 stream\n", m + " begin x\n", m + " end x ok 0\n",
                        m + " end x absent 0\n", m + " tick 1\n", m + " tick 2\n", m + " done\n", "\n", "@@", m, m + " ",
                        " end x ok 0\n", "@@fedcba9876543210fedcba9876543210 end x ok 0\n", "\r\n", "\u00ff\u0000"),
                Arbitraries.strings().ofMaxLength(12));
        return piece.list().ofMaxSize(30).map(l -> String.join("", l).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Arbitrary<byte[]> contents() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("@@", "@@" + BOUNDARY.substring(0, 17), "@@fedcba9876543210fedcba9876543210 end x ok 0",
                        "", "\r", "a"),
                Arbitraries.strings().ofMaxLength(20));
        return line.list().ofMaxSize(6).map(l -> String.join("\n", l).getBytes(StandardCharsets.UTF_8));
    }
}
