package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.model.parse.TerminalText;

class TerminalSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every kind of character the sink treats apart, among ordinary text, surrogate pairs included. */
    @Provide
    Arbitrary<String> hostile() {
        char[] special = {'\u0000', '\u0007', '\b', '\t', '\n', '\u000b', '\f', '\r',
                '\u001b', '"', '\\', '[', ']', '\u007f', '\u0080', '\u0085', '\u009b', '\u009d', '\u009f', '\u00a0',
                '\u061c', '\u200b', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069',
                '\ud83d', '\ude00', 'a', 'Z', '0', ' '};
        return Arbitraries.oneOf(Arbitraries.strings().withChars(special).ofMaxLength(60),
                Arbitraries.strings().all().ofMaxLength(60));
    }

    @Property
    void nothingEscapedSurvivesAndEveryLineFeedDoes(@ForAll("hostile") String text) {
        String out = through(text);

        assertEquals(-1, TerminalText.firstEscaped(out, 0, out.length()), out);
        assertEquals(count(text, '\n'), count(out, '\n'));
        assertEquals(count(text, '\t'), count(out, '\t'), "tabs are kept");
        assertEquals(out, through(out), "a second pass changes nothing");
    }

    @Property
    void jsonThroughTheSinkIsTheSameJson(@ForAll("hostile") String text) throws Exception {
        ObjectNode doc = JsonOut.object();
        doc.put("value", text);
        doc.put(text, 1);
        doc.putArray("list").add(text).add(text + "\n" + text);

        StringWriter indented = new StringWriter();
        JsonOut.print(TerminalSink.printWriter(indented), doc);
        StringWriter oneLine = new StringWriter();
        JsonOut.printLine(TerminalSink.printWriter(oneLine), doc);

        for (String out : new String[] {indented.toString(), oneLine.toString()}) {
            assertEquals(-1, TerminalText.firstEscaped(out, 0, out.length()), out);
            JsonNode back = JSON.readTree(out);
            assertEquals(doc, back);
        }
    }

    @Example
    void aSystemStreamDecodesBytesAndEscapesWhatTheyMean() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = TerminalSink.printStream(bytes, StandardCharsets.UTF_8);
        stream.print("a\u001b[2J\u009b\u202e");
        // a raw 0x9B byte (8-bit CSI) is not UTF-8; an e-acute split across two writes is
        stream.write(new byte[] {'b', (byte) 0x9b, (byte) 0xc3}, 0, 3);
        stream.write(new byte[] {(byte) 0xa9, '\r', '\n'}, 0, 3);
        stream.flush();

        assertEquals("a\\u001b[2J\\u009b\\u202eb\ufffd\u00e9\\r\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Example
    void crIsWrittenAsSnippetWritesIt() {
        assertEquals("x\\ry\n", through("x\ry\n"));
    }

    private static String through(String text) {
        StringWriter target = new StringWriter();
        PrintWriter sink = TerminalSink.printWriter(target);
        // char by char and in one piece must agree
        if (text.length() % 2 == 0) {
            sink.print(text);
        } else {
            text.chars().forEach(c -> sink.write(c));
        }
        sink.flush();
        return target.toString();
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
