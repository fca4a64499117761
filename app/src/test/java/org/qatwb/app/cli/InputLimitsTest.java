package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Offline inputs are bounded before they are read: a huge file is refused by its size, a pipe
 * by its bytes and its silence, a directory by its file count. The timeout below only keeps a
 * regression from hanging the build; no assertion is about how fast anything is.
 */
class InputLimitsTest {

    private static final Duration HANG = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @AfterEach
    void clearTimeout() {
        System.clearProperty(InputFiles.IDLE_TIMEOUT_PROPERTY);
    }

    /** 60 MB that takes no disk: a sparse file, all zero bytes. */
    private Path sparse(String name) throws IOException {
        Path f = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(60L * 1000 * 1000);
        }
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"parse adf-status", "parse kstat", "parse default-qat", "parse blacklist", "lint"})
    void aSixtyMegabyteFileIsRefusedByItsSizeInOneLine(String command) throws IOException {
        Path f = sparse("c6xxvf_dev0.conf");
        String[] args = (command + " " + f).split(" ");
        CliRun run = assertTimeoutPreemptively(HANG, () -> CliRun.of(args));
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.oneLineError(), run.err());
        assertTrue(run.err().contains("c6xxvf_dev0.conf: larger than 4 MiB, not a QAT file"), run.err());
    }

    @Test
    void stdinIsBoundedByBytesToo() {
        String big = "x".repeat(InputFiles.MAX_BYTES + 1);
        CliRun run = CliRun.withStdin(big, "parse", "kstat", "-");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("-: larger than 4 MiB"), run.err());
    }

    /** stdin waits for its writer as cat does: the command before it in a pipe may be asking for a password. */
    @Test
    void stdinThatIsSilentLongerThanTheIdleTimeoutIsStillRead() {
        System.setProperty(InputFiles.IDLE_TIMEOUT_PROPERTY, "50");
        InputStream slow = new InputStream() {
            private final InputStream data = new ByteArrayInputStream("name: x\n".getBytes(StandardCharsets.UTF_8));
            private boolean waited;

            @Override
            public int read() throws IOException {
                if (!waited) {
                    waited = true;
                    try {
                        Thread.sleep(500); // ten idle timeouts
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return data.read();
            }
        };
        byte[] read = assertTimeoutPreemptively(HANG, () -> InputFiles.read("-", slow));
        assertEquals("name: x\n", new String(read, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"parse adf-status", "parse kstat", "parse default-qat", "parse blacklist", "lint"})
    void moreLinesThanAnyQatFileHasAreRefused(String command) throws IOException {
        Path f = dir.resolve("c6xxvf_dev0.conf");
        Files.writeString(f, "x\n".repeat(InputFiles.MAX_LINES + 1));
        String[] args = (command + " " + f).split(" ");
        CliRun run = CliRun.of(args);
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.oneLineError(), run.err());
        assertTrue(run.err().contains("c6xxvf_dev0.conf: more than 65536 lines, not a QAT file"), run.err());
    }

    @Test
    void aDeviceThatNeverEndsIsCutAtTheLimit() {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/zero")), "no /dev/zero here");
        CliRun run = assertTimeoutPreemptively(HANG, () -> CliRun.of("parse", "kstat", "/dev/zero"));
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.oneLineError(), run.err());
        assertTrue(run.err().contains("/dev/zero: larger than 4 MiB"), run.err());
    }

    @Test
    void aFifoNobodyWritesToGivesUpWithOneLine() throws Exception {
        Path fifo = mkfifo("adf_status.fifo");
        System.setProperty(InputFiles.IDLE_TIMEOUT_PROPERTY, "300");
        try {
            CliRun run = assertTimeoutPreemptively(HANG, () -> CliRun.of("parse", "adf-status", fifo.toString()));
            assertEquals(1, run.exit(), run.err());
            assertTrue(run.oneLineError(), run.err());
            assertTrue(run.err().contains("adf_status.fifo: no data for 300 ms: is anything writing to it?"), run.err());
        } finally {
            release(fifo);
        }
    }

    @Test
    void aFifoWithAWriterIsReadWhole() throws Exception {
        Path fifo = mkfifo("kstat.fifo");
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(("19 1 0x01 3 816 1645575508916183 3447141868397572\nname type data\n"
                        + "comp_requests 4 7\n").getBytes());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        CliRun run = assertTimeoutPreemptively(HANG, () -> CliRun.of("parse", "kstat", fifo.toString()));
        writer.join();
        assertEquals(0, run.exit(), run.err());
        assertEquals(7, run.json().get("counters").get("comp_requests").asLong());
    }

    @Test
    void aDirectoryOfMoreConfFilesThanAnyHostHasIsRefused() throws IOException {
        for (int i = 0; i <= LintCommand.MAX_FILES; i++) {
            Files.writeString(dir.resolve("c6xxvf_dev" + i + ".conf"), "[GENERAL]\n");
        }
        CliRun run = CliRun.of("lint", "-q", dir.toString());
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.oneLineError(), run.err());
        assertTrue(run.err().contains("more than 1024 files or 16 MiB to lint in one run"), run.err());
    }

    @Test
    void aDirectoryLargerThanTheTotalIsRefusedBeforeItIsRead() throws IOException {
        for (int i = 0; i < 5; i++) {
            try (RandomAccessFile raf = new RandomAccessFile(dir.resolve("c6xxvf_dev" + i + ".conf").toFile(), "rw")) {
                raf.setLength(InputFiles.MAX_BYTES);
            }
        }
        CliRun run = CliRun.of("lint", "-q", dir.toString());
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("more than 1024 files or 16 MiB"), run.err());
    }

    private Path mkfifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available here: " + e.getMessage());
            throw e;
        }
        Assumptions.assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo could not make a FIFO here");
        return fifo;
    }

    /** Lets the reader thread the CLI left blocked in open() go: a writer comes and closes at once. */
    private static void release(Path fifo) {
        Thread t = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.flush();
            } catch (IOException ignored) {
                // the test is over; nothing to report
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
