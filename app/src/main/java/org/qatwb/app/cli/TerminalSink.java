package org.qatwb.app.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.qatwb.model.parse.TerminalText;

/**
 * The one way the CLI's text reaches a terminal: every character passes {@link TerminalText}'s
 * escaping on its way out, whoever wrote it (a command's println, a diff from the NAS, picocli's
 * usage and error messages echoing arguments, a --verbose stack trace, a host-key question).
 * Escaping here rather than where each string is built means no future println can forget it.
 *
 * <p>The output holds no escaped character, so wrapping twice changes nothing. JSON passes
 * unchanged in meaning: Jackson escapes C0 in strings itself, and DEL, C1 or a bidi control
 * written raw inside a string becomes the <code>&#92;uXXXX</code> escape of the same character.
 */
final class TerminalSink extends FilterWriter {

    private TerminalSink(Writer target) {
        super(target);
    }

    /** {@code target} behind the escaping, flushing at each line as picocli's own writers do. */
    static PrintWriter printWriter(Writer target) {
        return new PrintWriter(new TerminalSink(target), true);
    }

    /**
     * A stream for {@code System.setOut}/{@code setErr}: what libraries or a stray
     * {@code System.out.println} write is decoded as UTF-8 (bytes that are not, such as a raw 0x9B,
     * become U+FFFD), escaped, and written to {@code target} in {@code charset}.
     */
    static PrintStream printStream(OutputStream target, Charset charset) {
        Writer sink = new TerminalSink(new OutputStreamWriter(target, charset));
        return new PrintStream(new Utf8Decoding(sink), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int c) throws IOException {
        out.write(TerminalText.escape(String.valueOf((char) c)));
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        out.write(TerminalText.escape(new String(cbuf, off, len)));
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        out.write(TerminalText.escape(str.substring(off, off + len)));
    }

    /** Bytes in, characters out to the sink; a sequence split across writes is kept until it completes. */
    private static final class Utf8Decoding extends OutputStream {

        private final Writer sink;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final CharBuffer chars = CharBuffer.allocate(2048);
        private ByteBuffer pending = ByteBuffer.allocate(0);

        Utf8Decoding(Writer sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + len).put(pending).put(b, off, len).flip();
            while (decoder.decode(in, chars, false).isOverflow()) {
                drain();
            }
            drain();
            pending = ByteBuffer.allocate(in.remaining()).put(in).flip();
            // as unbuffered as the stream it replaces: a print without a newline before System.exit is not lost
            sink.flush();
        }

        @Override
        public synchronized void flush() throws IOException {
            sink.flush();
        }

        @Override
        public synchronized void close() throws IOException {
            CoderResult r = decoder.decode(pending, chars, true);
            if (!r.isError()) {
                decoder.flush(chars);
            }
            drain();
            sink.flush();
        }

        private void drain() throws IOException {
            chars.flip();
            sink.append(chars);
            chars.clear();
        }
    }
}
