package org.qatwb.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.qatwb.model.parse.Snippet;

/**
 * Reads a command's input file, or stdin for {@code -}, with errors worded for the command line.
 * Every input is bounded before it is read whole: a regular file by its size, anything else (a
 * pipe, stdin, a character device) by the bytes read, and a named pipe or device also by how long
 * it stays silent, so that a FIFO nobody writes to or {@code /dev/zero} ends in one line instead
 * of a hang or a full heap. stdin waits as long as its writer takes, as {@code cat} does: the
 * command before it in a pipe may be asking for a password.
 */
final class InputFiles {

    /** Inputs larger than this are refused: the largest QAT conf file or capture is some 100 KiB. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    /**
     * Lines per input: a C4xxx PF's conf file with every instance has some 3,000, an adf_ctl status
     * one per device. Each line can become a finding, a warning or a JSON row of a hundred bytes
     * or more, so the bound on lines is what keeps memory small, not the one on bytes.
     */
    static final int MAX_LINES = 65_536;

    /** How long a named pipe or device may stay silent, in milliseconds (tests set it lower). */
    static final String IDLE_TIMEOUT_PROPERTY = "qatwb.input.idle-timeout-ms";
    static final long DEFAULT_IDLE_TIMEOUT_MS = 30_000;

    private static final int CHUNK = 64 * 1024;

    private InputFiles() {
    }

    /** The bytes of a QAT file, a pipe or stdin ({@code -}): at most {@link #MAX_BYTES} and {@link #MAX_LINES}. */
    static byte[] read(String name, InputStream stdin) {
        return read(name, stdin, MAX_BYTES, MAX_LINES);
    }

    /** The bytes of a file, a pipe or stdin ({@code -}); more than {@code max} bytes or {@code maxLines} lines is refused. */
    static byte[] read(String name, InputStream stdin, int max, int maxLines) {
        Path p = name.equals("-") ? null : path(name);
        if (p != null && Files.isDirectory(p)) {
            throw new CliException(ExitCodes.USAGE, Snippet.excerpt(name) + ": is a directory, expected a file");
        }
        try {
            if (p != null && Files.isRegularFile(p)) {
                if (Files.size(p) > max) {
                    throw tooLarge(name, max);
                }
                try (InputStream in = Files.newInputStream(p)) {
                    return checked(name, in.readNBytes(max + 1), max, maxLines);
                }
            }
            if (p != null && !Files.exists(p)) {
                throw new NoSuchFileException(name);
            }
            return checked(name, streamed(name, p, stdin, max), max, maxLines);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.USAGE, Snippet.excerpt(name) + ": no such file");
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, Snippet.excerpt(name) + ": cannot read: "
                    + Snippet.excerpt(java.util.Objects.toString(e.getMessage(), e.getClass().getSimpleName())), e);
        }
    }

    static String readText(String name, InputStream stdin) {
        return new String(read(name, stdin), StandardCharsets.UTF_8);
    }

    /** A text that is not a QAT file (a layout): bounded by bytes alone, its reader bounds the rest. */
    static String readText(String name, InputStream stdin, int max) {
        return new String(read(name, stdin, max, Integer.MAX_VALUE), StandardCharsets.UTF_8);
    }

    /** A path from the command line; a name the file system cannot hold is a usage error. */
    static Path path(String name) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new CliException(ExitCodes.USAGE, Snippet.excerpt(name) + ": not a valid path", e);
        }
    }

    private static byte[] checked(String name, byte[] data, int max, int maxLines) {
        if (data.length > max) {
            throw tooLarge(name, max);
        }
        int lines = 0;
        for (byte b : data) {
            if (b == '\n' && ++lines > maxLines) {
                throw new CliException(ExitCodes.INPUT, Snippet.excerpt(name) + ": more than " + maxLines
                        + " lines, not a QAT file");
            }
        }
        return data;
    }

    private static CliException tooLarge(String name, int max) {
        return new CliException(ExitCodes.INPUT, Snippet.excerpt(name) + ": larger than " + size(max) + ", not a QAT file");
    }

    private static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    /**
     * A pipe, stdin or device read on a daemon thread: opening a FIFO blocks until a writer comes,
     * and a read blocks until data does, neither of which can be interrupted. The caller stops at
     * {@code max + 1} bytes or, for a named file, after the idle timeout without a byte, and leaves
     * the thread blocked (a daemon: it never keeps the JVM alive).
     */
    private static byte[] streamed(String name, Path p, InputStream stdin, int max) throws IOException {
        BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (InputStream in = p == null ? nonClosing(stdin) : Files.newInputStream(p)) {
                int total = 0;
                while (total <= max) {
                    byte[] b = new byte[CHUNK];
                    int n = in.read(b);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                    chunks.add(Arrays.copyOf(b, n));
                }
                chunks.add(END);
            } catch (IOException e) {
                chunks.add(e);
            }
        }, "qatwb-input " + name);
        reader.setDaemon(true);
        reader.start();
        long idle = p == null ? Long.MAX_VALUE : idleTimeoutMs();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            Object next;
            try {
                next = chunks.poll(idle, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.INPUT, Snippet.excerpt(name) + ": interrupted while reading", e);
            }
            if (next == null) {
                throw new CliException(ExitCodes.INPUT, Snippet.excerpt(name) + ": no data for " + seconds(idle)
                        + (out.size() == 0 ? ": is anything writing to it?" : " after " + out.size() + " bytes: gave up"));
            }
            if (next == END) {
                return out.toByteArray();
            }
            if (next instanceof IOException e) {
                throw e;
            }
            byte[] chunk = (byte[]) next;
            if ((long) out.size() + chunk.length > max) {
                throw tooLarge(name, max);
            }
            out.write(chunk, 0, chunk.length);
        }
    }

    private static final Object END = new Object();

    private static long idleTimeoutMs() {
        try {
            long ms = Long.parseLong(System.getProperty(IDLE_TIMEOUT_PROPERTY, Long.toString(DEFAULT_IDLE_TIMEOUT_MS)));
            return ms > 0 ? ms : DEFAULT_IDLE_TIMEOUT_MS;
        } catch (NumberFormatException e) {
            return DEFAULT_IDLE_TIMEOUT_MS;
        }
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** stdin belongs to the process, not to one read of it. */
    private static InputStream nonClosing(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }
}
