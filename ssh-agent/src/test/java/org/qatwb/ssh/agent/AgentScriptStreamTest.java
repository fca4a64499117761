package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.ssh.agent.AgentScriptSnapshotTest.args;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.agent.StreamFrameReader;
import org.qatwb.model.agent.StreamTick;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.ProcUptime;

/**
 * {@code stream}: ticks every interval until the client closes stdin, or stops reading. The
 * interval is short (100 ms) and the bounds generous enough for a busy machine, yet far below
 * what a stream that did not notice would take (it never ends by itself).
 */
class AgentScriptStreamTest {

    private static final int INTERVAL_MS = 100;
    /** "within about two intervals", plus room for a loaded test machine. */
    private static final long STOP_WITHIN_MS = 2 * INTERVAL_MS + 800;

    static Stream<Shell> shells() {
        return Shell.all();
    }

    /** A stream being read: its process, and the ticks a reader thread hands over. */
    private static final class Streaming {
        final Process process;
        final BlockingQueue<StreamTick> ticks = new LinkedBlockingQueue<>();
        final AtomicReference<Exception> failure = new AtomicReference<>();
        final Thread reader;

        /** The agent with the test's pipe as stdin: the script goes in, and the pipe stays open. */
        Streaming(Shell shell, FakeNas nas) throws IOException {
            this(AgentRun.builder(shell, nas, args("stream", "0", Integer.toString(INTERVAL_MS))).start());
            process.getOutputStream().write(AgentScript.bytes());
            process.getOutputStream().flush(); // and stdin stays open: the stream runs until it closes
        }

        Streaming(Process process) {
            this.process = process;
            AgentRun.drain(process.getErrorStream());
            reader = new Thread(this::read, "stream-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            StreamFrameReader r = new StreamFrameReader(AgentScriptTestSupport.BOUNDARY);
            byte[] buf = new byte[8192];
            try (InputStream in = process.getInputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    ticks.addAll(r.feed(buf, 0, n));
                }
                r.finish();
            } catch (IOException e) {
                // the test closed stdout
            } catch (ParseException e) {
                failure.set(e);
            }
        }

        List<StreamTick> take(int n) throws InterruptedException {
            List<StreamTick> got = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                StreamTick t = ticks.poll(5, TimeUnit.SECONDS);
                assertNotNull(t, "tick " + (i + 1) + " did not come within 5 s; failure: " + failure.get());
                got.add(t);
            }
            return got;
        }

        /** Milliseconds until the agent exits. */
        long waitForExit() throws InterruptedException {
            long start = System.nanoTime();
            boolean ended = process.waitFor(10, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (!ended) {
                process.destroyForcibly();
            }
            assertTrue(ended, "the stream did not stop within 10 s");
            return ms;
        }
    }

    private static FakeNas nas(Path dir) {
        return new FakeNas(dir)
                .file("proc/spl/kstat/zfs/qat", AgentScriptSnapshotTest.KSTAT)
                .file("sys/kernel/debug/qat_c6xx_0000:3d:00.0/fw_counters", AgentScriptSnapshotTest.FW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void ticksComeWithARisingUptimeAndStopWhenStdinCloses(Shell shell, @TempDir Path dir) throws Exception {
        shell.assumeInstalled();
        Streaming s = new Streaming(shell, nas(dir));
        List<StreamTick> ticks = s.take(3);
        long previous = -1;
        for (int i = 0; i < ticks.size(); i++) {
            StreamTick t = ticks.get(i);
            assertEquals(i + 1, t.n());
            assertEquals(List.of("uptime", "kstat_qat", "fw_counters:qat_c6xx_0000:3d:00.0"),
                    t.frames().stream().map(f -> f.name()).toList());
            assertEquals(AgentScriptSnapshotTest.KSTAT, t.frame("kstat_qat").orElseThrow().text());
            long uptime = ProcUptime.parseNanos(t.frame("uptime").orElseThrow().text());
            assertTrue(uptime > previous, "uptime rises: " + previous + " then " + uptime);
            previous = uptime;
        }

        s.process.getOutputStream().close();
        long ms = s.waitForExit();
        assertTrue(ms < STOP_WITHIN_MS, "stopped " + ms + " ms after stdin closed");
        assertEquals(0, s.process.exitValue());
        s.reader.join(5000);
        assertEquals(null, s.failure.get(), "a clean end between ticks");
    }

    /**
     * A client that stops reading but keeps stdin open (as an SSH client may): the agent must
     * end, and take its background reader of stdin with it. The test's own pipe cannot show that
     * (Java closes a child's stdin when the child exits, which ends any reader), so here stdin is
     * a pipe from a shell that keeps it open for 30 s.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void itStopsWhenTheClientStopsReadingAndLeavesNoReaderOfStdinBehind(Shell shell, @TempDir Path dir) throws Exception {
        shell.assumeInstalled();
        FakeNas nas = nas(dir);
        Path script = dir.resolve("agent.sh");
        Files.write(script, AgentScript.bytes());
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "{ cat \"$0\"; exec sleep 30; } | exec \"$@\"",
                script.toString()));
        cmd.addAll(shell.command(args("stream", "0", Integer.toString(INTERVAL_MS))));
        ProcessBuilder pb = AgentRun.builder(shell, nas, List.of()).command(cmd);
        Streaming s = new Streaming(pb.start());
        try {
            s.take(2);
            String exe = shell.assumeInstalled().toRealPath().toString();
            ProcessHandle agent = s.process.descendants().filter(p -> p.info().command().orElse("").equals(exe))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + exe + " among the children"));
            List<ProcessHandle> readers = agent.children().filter(p -> p.info().command().orElse("").endsWith("/cat")).toList();
            assertEquals(1, readers.size(), "the agent's background reader of stdin");

            s.process.getInputStream().close();
            long start = System.nanoTime();
            agent.onExit().get(10, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < STOP_WITHIN_MS, "stopped " + ms + " ms after stdout closed");
            assertTrue(readers.get(0).onExit().get(1, TimeUnit.SECONDS) != null, "the reader ended with the agent, and was reaped by it");
        } finally {
            s.process.descendants().forEach(ProcessHandle::destroy);
            s.process.destroy();
        }
    }

    /** A sudo that logs each call and answers {@code -l} as a sudoers that allows sh, or not. */
    private static FakeNas withSudo(FakeNas nas, Path log, boolean mayRunSh) {
        return nas.tool("sudo", "echo \"$*\" >> " + ShellQuote.quote(log.toString()) + "\n"
                + "[ \"$1\" = -n ] || exit 9\nshift\n"
                + (mayRunSh ? "[ \"$1\" = -l ] && { command -v \"$2\"; exit 0; }\n" : "[ \"$1\" = -l ] && exit 1\n")
                + "exec \"$@\"");
    }

    /** The client's command line for a sudo stream, run by /bin/sh as a login shell would, the script on stdin. */
    private static Streaming sudoStream(Shell shell, FakeNas nas) throws IOException {
        String line = new AgentCommand.Stream(true, INTERVAL_MS).commandLine(AgentScriptTestSupport.BOUNDARY);
        Process p = AgentRun.builder(shell, nas, List.of()).command("/bin/sh", "-c", line).start();
        Streaming s = new Streaming(p);
        p.getOutputStream().write(AgentScript.bytes());
        p.getOutputStream().flush();
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void withSudoTheWholeStreamIsOneSudoHoweverManyTicks(Shell shell, @TempDir Path dir) throws Exception {
        shell.assumeInstalled();
        Path log = dir.resolve("sudo.log");
        Streaming s = sudoStream(shell, withSudo(nas(dir).withShell(shell), log, true));
        for (StreamTick t : s.take(4)) {
            assertEquals(AgentScriptSnapshotTest.FW, t.frame("fw_counters:qat_c6xx_0000:3d:00.0").orElseThrow().text());
        }
        s.process.getOutputStream().close();
        s.waitForExit();
        assertEquals(List.of("-n -l sh", "-n sh -s -- stream " + AgentScriptTestSupport.BOUNDARY + " 0 " + INTERVAL_MS),
                Files.readAllLines(log), "the probe and the stream, nothing per tick");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void whereSudoMayNotRunShTheCountersAreReadThroughSudoEachTick(Shell shell, @TempDir Path dir) throws Exception {
        shell.assumeInstalled();
        Path log = dir.resolve("sudo.log");
        Streaming s = sudoStream(shell, withSudo(nas(dir).withShell(shell), log, false));
        for (StreamTick t : s.take(3)) {
            assertEquals(AgentScriptSnapshotTest.FW, t.frame("fw_counters:qat_c6xx_0000:3d:00.0").orElseThrow().text());
        }
        s.process.getOutputStream().close();
        s.waitForExit();
        List<String> calls = Files.readAllLines(log);
        assertEquals(List.of("-n -l sh", "-n true"), calls.subList(0, 2));
        assertTrue(calls.stream().filter(c -> c.endsWith("/fw_counters") && c.contains("/cat ")).count() >= 3, calls.toString());
    }
}
