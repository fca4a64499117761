package org.qatwb.model.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.testutil.AgentOutputWriter.BOUNDARY;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.testutil.AgentOutputWriter;

class AgentOutputTest {

    private static final String OTHER = "fedcba9876543210fedcba9876543210";

    private static AgentOutput parse(AgentOutputWriter w) throws ParseException {
        return AgentOutput.parse(w.bytes(), BOUNDARY);
    }

    private static String failure(byte[] output) {
        return assertThrows(ParseException.class, () -> AgentOutput.parse(output, BOUNDARY)).getMessage();
    }

    private static String failure(AgentOutputWriter w) {
        return failure(w.bytes());
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @EnumSource(ItemStatus.class)
    void everyStatusIsReadWithItsExitStatusAndBytes(ItemStatus status) throws ParseException {
        AgentOutput out = parse(AgentOutputWriter.snapshot().item("x", status.wire(), 3, "bytes").done());
        assertEquals(List.of(new AgentFrame("x", status, 3, latin1("bytes"))), out.frames());
        assertEquals(AgentVerb.SNAPSHOT, out.verb());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "a", "a\n", "a\n\n", "\n\nb", "x\r\n", "x\r", "line 1\r\nline 2"})
    void contentSurvivesWithAndWithoutAFinalNewline(String content) throws ParseException {
        AgentOutput out = parse(AgentOutputWriter.snapshot().ok("conf:/etc/c6xx_dev0.conf", content).done());
        assertArrayEquals(latin1(content), out.frame("conf:/etc/c6xx_dev0.conf").orElseThrow().content());
    }

    @Test
    void everyByteValueSurvives() throws ParseException {
        byte[] all = new byte[512];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        AgentOutput out = parse(AgentOutputWriter.snapshot().item("bin", "ok", 0, all).done());
        assertArrayEquals(all, out.frames().get(0).content());
    }

    @Test
    void linesThatOnlyLookLikeFramesAreContent() throws ParseException {
        String content = String.join("\n",
                "@@" + OTHER + " end x ok 0",          // another boundary
                "@@" + OTHER + " done",
                "@@",                                   // the marker's start only
                "@@@@" + BOUNDARY + " end x ok 0",      // not at the start of the line
                "@@" + BOUNDARY.substring(0, 31),       // one character short, then the line ends
                "@@" + BOUNDARY.toUpperCase() + " end x ok 0",
                " @@" + BOUNDARY + " end x ok 0",       // indented
                "text @@" + BOUNDARY + " end x ok 0",
                "@") + "\n";
        AgentOutput out = parse(AgentOutputWriter.snapshot().ok("x", content).ok("y", "after").done());
        assertEquals(content, out.frame("x").orElseThrow().text());
        assertEquals("after", out.frame("y").orElseThrow().text());
    }

    @Test
    void framesAreFoundByNameAndPrefix() throws ParseException {
        AgentOutput out = parse(AgentOutputWriter.snapshot().ok("id", "0\nroot\n").ok("conf:/etc/a_dev0.conf", "A")
                .absent("adf_status").ok("conf:/etc/b_dev0.conf", "B").done());
        assertEquals(List.of("conf:/etc/a_dev0.conf", "conf:/etc/b_dev0.conf"),
                out.framesStartingWith("conf:").stream().map(AgentFrame::name).toList());
        assertEquals(ItemStatus.ABSENT, out.frame("adf_status").orElseThrow().status());
        assertTrue(out.frame("nothing").isEmpty());
        assertEquals(List.of(), out.ticks());
    }

    @Test
    void aLoginScriptsChatterBeforeTheHeaderIsSkipped() throws ParseException {
        byte[] output = new AgentOutputWriter(BOUNDARY).raw("Welcome to TrueNAS\n\n@@ not ours\n")
                .header("probe").ok("id", "1000\nadmin\n").done().bytes();
        assertEquals("1000\nadmin\n", AgentOutput.parse(output, BOUNDARY).frame("id").orElseThrow().text());
    }

    @Test
    void anOutputWithoutDoneEndedEarly() {
        AgentOutputWriter w = AgentOutputWriter.snapshot().ok("id", "0\nroot\n");
        assertEquals("output ended early (connection lost?)", failure(w));
    }

    @Test
    void anOutputCutAnywhereEndedEarly() {
        byte[] whole = AgentOutputWriter.snapshot().ok("id", "0\nroot\n").ok("x", "@@\nabc").done().bytes();
        int header = ("@@" + BOUNDARY + " agent 1 snapshot\n").length();
        for (int cut = header; cut < whole.length; cut++) {
            assertEquals("output ended early (connection lost?)", failure(Arrays.copyOf(whole, cut)), "cut at " + cut);
        }
        for (int cut = 1; cut < header; cut++) {
            assertTrue(failure(Arrays.copyOf(whole, cut)).startsWith("no agent header"), "cut at " + cut);
        }
    }

    @Test
    void noOutputAtAllIsSaidSo() {
        assertEquals("no output from the agent", failure(new byte[0]));
    }

    @Test
    void anOutputFramedWithAnotherBoundaryHasNoHeader() {
        byte[] other = new AgentOutputWriter(OTHER).header("snapshot").ok("id", "0\nroot\n").done().bytes();
        assertEquals("no agent header in the output (is the boundary right?)", failure(other));
    }

    @Test
    void aStreamCaptureEndsAfterAnyCompleteTick() throws ParseException {
        AgentOutput out = parse(AgentOutputWriter.stream().ok("uptime", "5.00 9.00\n").tick(1)
                .ok("uptime", "6.00 9.50\n").tick(2));
        assertEquals(AgentVerb.STREAM, out.verb());
        assertEquals(List.of(1, 2), out.ticks().stream().map(StreamTick::n).toList());
        assertEquals("6.00 9.50\n", out.ticks().get(1).frame("uptime").orElseThrow().text());
        assertEquals(2, out.frames().size());
        assertEquals("output ended early (connection lost?)",
                failure(AgentOutputWriter.stream().ok("uptime", "5.00 9.00\n").tick(1).ok("uptime", "6")));
    }

    @Test
    void protocolViolationsAreParseExceptionsWithTheirLine() {
        String b = "@@" + BOUNDARY;
        assertEquals("line 2: text outside a frame: the agent prints nothing but frames",
                failure(AgentOutputWriter.snapshot().raw("stray\n").done()));
        assertTrue(failure(AgentOutputWriter.snapshot().line("begin x").raw("a\n").line("begin y"))
                .startsWith("line 4: item x is not closed before this frame line"));
        assertTrue(failure(AgentOutputWriter.snapshot().line("begin x").raw("\n").line("end y ok 0").done())
                .startsWith("line 4: item x is closed with another name"));
        assertTrue(failure(AgentOutputWriter.snapshot().item("x", "fine", 0, "").done())
                .startsWith("line 4: unknown item status"));
        assertTrue(failure(AgentOutputWriter.snapshot().item("x", "ok", 256, "").done())
                .startsWith("line 4: the exit status is not a number in 0..255"));
        assertTrue(failure(AgentOutputWriter.snapshot().item("x", "ok", 0, "").raw(b + " end x ok 0\n").done())
                .startsWith("line 5: expected 'begin NAME' or 'done'"));
        assertTrue(failure(AgentOutputWriter.snapshot().line("begin x").line("end x ok 0").done())
                .startsWith("line 3: no newline before the end line of item x"));
        assertTrue(failure(AgentOutputWriter.snapshot().line("begin x").raw("\n").line("end x ok 00").done())
                .startsWith("line 4: the exit status is not a number"));
        assertTrue(failure(AgentOutputWriter.snapshot().line("begin  x"))
                .startsWith("line 2: a frame line has single spaces between its words"));
        assertTrue(failure(AgentOutputWriter.snapshot().line("begin x\u00e9"))
                .startsWith("line 2: an item name holds only visible ASCII characters"));
        assertTrue(failure(AgentOutputWriter.snapshot().raw(b + "\n")).startsWith("line 2: a frame line must be"));
        assertTrue(failure(AgentOutputWriter.snapshot().tick(1).done()).startsWith("line 2: a tick in the output of snapshot"));
        assertTrue(failure(AgentOutputWriter.stream().done()).startsWith("line 2: a stream never ends with 'done'"));
        assertTrue(failure(AgentOutputWriter.stream().tick(2)).startsWith("line 2: expected 'tick 1'"));
        assertEquals("line 3: output continues after 'done'", failure(AgentOutputWriter.snapshot().done().raw("\n")));
        assertTrue(failure(new AgentOutputWriter(BOUNDARY).header("power-off").done()).startsWith("line 1: unknown agent command"));
        assertTrue(failure(new AgentOutputWriter(BOUNDARY).line("begin x")).startsWith("line 1: expected the header"));
        assertEquals("line 1: the agent speaks protocol version 2, this client reads 1",
                failure(new AgentOutputWriter(BOUNDARY).line("agent 2 snapshot").done()));
    }

    @Test
    void aFrameLineLongerThanTheLimitIsRefused() {
        String name = "x".repeat(FrameScanner.MAX_FRAME_LINE);
        assertTrue(failure(AgentOutputWriter.snapshot().line("begin " + name)).startsWith("line 2: a frame line longer than"));
    }

    @Test
    void anItemAtTheCapIsWholeOneByteMoreMeansCutAndTwoAreRefused() throws ParseException {
        byte[] cap = new byte[AgentProtocol.ITEM_CAP];
        Arrays.fill(cap, (byte) 'a');
        AgentFrame whole = parse(AgentOutputWriter.snapshot().item("big", "ok", 0, cap).done()).frame("big").orElseThrow();
        assertEquals(AgentProtocol.ITEM_CAP, whole.size());
        assertEquals(ItemStatus.OK, whole.status());
        // the agent stops one byte past the cap instead of counting: that byte says "cut here"
        byte[] more = Arrays.copyOf(cap, cap.length + 1);
        more[cap.length] = 'b';
        AgentFrame cut = parse(AgentOutputWriter.snapshot().item("big", "error", 141, more).done()).frame("big").orElseThrow();
        assertEquals(ItemStatus.TRUNCATED, cut.status(), "truncated wins over the error of a tool cut short");
        assertEquals(AgentProtocol.ITEM_CAP, cut.size());
        assertEquals('a', cut.content()[AgentProtocol.ITEM_CAP - 1]);
        byte[] tooMuch = Arrays.copyOf(more, more.length + 1);
        assertTrue(failure(AgentOutputWriter.snapshot().item("big", "ok", 0, tooMuch).done())
                .endsWith("item big is larger than " + AgentProtocol.ITEM_CAP + " bytes"));
    }

    @Test
    void aMalformedBoundaryIsTheCallersBug() {
        byte[] any = AgentOutputWriter.snapshot().done().bytes();
        assertThrows(IllegalArgumentException.class, () -> AgentOutput.parse(any, BOUNDARY.toUpperCase()));
        assertThrows(IllegalArgumentException.class, () -> AgentOutput.parse(any, "abc"));
    }

    @Test
    void anAnswerOfMoreItemsThanAnAgentSendsIsRefused() {
        // empty items cost a client object each: hundreds of thousands of them fit in the 24 MiB an exec may print
        AgentOutputWriter w = AgentOutputWriter.snapshot();
        for (int i = 0; i <= AgentProtocol.MAX_ITEMS; i++) {
            w.absent("conf:/etc/c6xxvf_dev" + i + ".conf");
        }
        ParseException e = assertThrows(ParseException.class, () -> AgentOutput.parse(w.done().bytes(), BOUNDARY));
        assertTrue(e.getMessage().endsWith("more than 4096 items in one answer: not an agent's output"), e.getMessage());
    }
}
