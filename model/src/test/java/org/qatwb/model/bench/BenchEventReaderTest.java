package org.qatwb.model.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.AgentVerb;
import org.qatwb.model.parse.ParseException;

class BenchEventReaderTest {

    private static final String B = "0123456789abcdef0123456789abcdef";

    private static String item(String name, String text) {
        return "@@" + B + " begin " + name + "\n" + text + "\n@@" + B + " end " + name + " ok 0\n";
    }

    private static String answer(String... items) {
        return "@@" + B + " agent 1 bench-run\n" + String.join("", items) + "@@" + B + " done\n";
    }

    private static List<BenchEvent> readByteByByte(String output) throws ParseException {
        BenchEventReader reader = new BenchEventReader(B, AgentVerb.BENCH_RUN, false);
        List<BenchEvent> events = new ArrayList<>();
        for (byte b : output.getBytes(StandardCharsets.UTF_8)) {
            events.addAll(reader.feed(new byte[] {b}));
        }
        reader.finish();
        assertTrue(reader.done());
        return events;
    }

    @Test
    void aWholeRunBecomesEventsInOrder() throws ParseException {
        String out = answer(item("started", "id 20261208T020000Z-1a2b3c4d\ndataset tank/qatwb-bench-20261208T020000Z-1a2b3c4d\ntool fio"),
                item("step", "creating tank/qatwb-bench-20261208T020000Z-1a2b3c4d"),
                item("phase", "on write 0.250"),
                item("rec:on.info", "checksum verified\nzfs_compressratio 1.98x"),
                item("rec:on.write", PassRecordsTest.phase(0, 100, "cpu  0 0 0 0 0 0 0 0", "cpu  5 0 5 0 0 0 0 0", 8 << 20, 0)),
                item("pass:on", "on"),
                item("cleanup", "dataset yes\nparams yes\nbefore 1 1 1"),
                item("outcome", "completed"));
        List<BenchEvent> events = readByteByByte(out);
        assertEquals(5, events.size(), events.toString());
        assertEquals("tank/qatwb-bench-20261208T020000Z-1a2b3c4d", assertInstanceOf(BenchEvent.Started.class, events.get(0)).dataset());
        BenchEvent.Phase phase = assertInstanceOf(BenchEvent.Phase.class, events.get(2));
        assertEquals(BenchPass.QAT_ON, phase.pass());
        assertEquals(0.25, phase.fraction());
        BenchRun on = assertInstanceOf(BenchEvent.PassDone.class, events.get(3)).run();
        assertEquals(ChecksumCheck.VERIFIED, on.checksum());
        assertEquals(8.0, on.writeMiBps().getAsDouble(), 1e-9);
        assertEquals(1.98, on.compressRatio().getAsDouble());
        BenchEvent.Finished end = assertInstanceOf(BenchEvent.Finished.class, events.get(4));
        assertTrue(end.cleanup().clean());
        assertEquals(Optional.empty(), end.stoppedBecause());
    }

    @Test
    void aStopAndAnUncleanCleanUpAreReported() throws ParseException {
        List<BenchEvent> events = readByteByByte(answer(item("cleanup", "dataset no\nparams yes\nnote zfs destroy: dataset is busy"),
                item("outcome", "stopped: client asked to stop")));
        BenchEvent.Finished end = assertInstanceOf(BenchEvent.Finished.class, events.get(0));
        assertFalse(end.cleanup().datasetDestroyed());
        assertEquals(List.of("zfs destroy: dataset is busy"), end.cleanup().notes());
        assertEquals(Optional.of("stopped: client asked to stop"), end.stoppedBecause());
    }

    @Test
    void whatTheNasWritesReachesNoTerminalRaw() throws ParseException {
        List<BenchEvent> events = readByteByByte(answer(item("step", "\u001b]0;owned\u0007 evil\u001b[2J" + "x".repeat(5000))));
        String line = assertInstanceOf(BenchEvent.Step.class, events.get(0)).line();
        assertFalse(line.contains("\u001b"), line);
        assertTrue(line.length() < 400, "cut: " + line.length());
    }

    @Test
    void malformedItemsAreOneLineErrors() {
        for (String bad : new String[] {item("phase", "sideways write 0.5"), item("phase", "on write lots"),
                item("rec:nopass", "x"), item("pass:maybe", "")}) {
            ParseException e = assertThrows(ParseException.class, () -> readByteByByte(answer(bad)));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void recordsPerPassAreBounded() {
        String[] many = new String[BenchEventReader.MAX_RECORDS + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = item("rec:on.x" + i, "y");
        }
        assertThrows(ParseException.class, () -> readByteByByte(answer(many)));
    }

    @Test
    void anAnswerCutShortIsAnError() {
        BenchEventReader reader = new BenchEventReader(B, AgentVerb.BENCH_RUN, false);
        assertThrows(ParseException.class, () -> {
            reader.feed(("@@" + B + " agent 1 bench-run\n" + item("step", "x")).getBytes(StandardCharsets.UTF_8));
            reader.finish();
        });
    }
}
