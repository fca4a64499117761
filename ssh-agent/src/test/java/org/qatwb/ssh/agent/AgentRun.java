package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.parse.ParseException;
import org.qatwb.ssh.StdinReply;

/**
 * One run of the agent script under a local shell, as an SSH exec would run it: the script's
 * bytes on stdin, the arguments after {@code -s --}, {@code QATWB_ROOT} and PATH from the fake NAS.
 *
 * @param exit   the exit status
 * @param stdout what the agent printed (the frames)
 * @param stderr its diagnostics
 */
record AgentRun(int exit, byte[] stdout, String stderr) {

    static ProcessBuilder builder(Shell shell, FakeNas nas, List<String> args) {
        ProcessBuilder pb = new ProcessBuilder(shell.command(args));
        pb.environment().clear();
        pb.environment().put("PATH", nas.path());
        pb.environment().put("QATWB_ROOT", nas.root.toString());
        pb.environment().put("TMPDIR", nas.tmp.toString());
        pb.environment().put("HOME", nas.tmp.toString());
        return pb;
    }

    /** Runs to the end: writes the script, closes stdin, reads everything. */
    static AgentRun run(Shell shell, FakeNas nas, List<String> args) {
        return run(shell, nas, args, true);
    }

    /**
     * Runs to the end: writes the script and reads everything.
     *
     * @param closeStdin false keeps stdin open until the agent has exited, as a client may
     */
    static AgentRun run(Shell shell, FakeNas nas, List<String> args, boolean closeStdin) {
        return run(shell, nas, args, AgentScript.bytes(), closeStdin);
    }

    /** Runs to the end with {@code stdin} as the script (apply's comes with its data section). */
    static AgentRun run(Shell shell, FakeNas nas, List<String> args, byte[] stdin) {
        return run(shell, nas, args, stdin, true);
    }

    /**
     * Runs {@code command} to the end as a client does: its stdin, and for apply and restore the
     * go once the agent waits for it ({@link AgentCommand#reply}).
     */
    static AgentRun run(Shell shell, FakeNas nas, AgentCommand command, String boundary) {
        Optional<StdinReply> reply = command.reply(boundary);
        return run(shell, nas, command.arguments(boundary), command.stdin(), reply.isEmpty(), reply);
    }

    /** Runs with {@code stdin} as the script, keeping stdin open until the agent has exited (a client that never answers). */
    static AgentRun runHoldingStdin(Shell shell, FakeNas nas, List<String> args, byte[] stdin) {
        return run(shell, nas, args, stdin, false);
    }

    private static AgentRun run(Shell shell, FakeNas nas, List<String> args, byte[] stdin, boolean closeStdin) {
        return run(shell, nas, args, stdin, closeStdin, Optional.empty());
    }

    private static AgentRun run(Shell shell, FakeNas nas, List<String> args, byte[] stdin, boolean closeStdin,
            Optional<StdinReply> reply) {
        try {
            Process p = builder(shell, nas, args).start();
            CompletableFuture<byte[]> out = reply.isPresent() ? answering(p, reply.get()) : drain(p.getInputStream());
            CompletableFuture<byte[]> err = drain(p.getErrorStream());
            OutputStream in = p.getOutputStream();
            try {
                in.write(stdin);
                in.flush();
                if (closeStdin) {
                    in.close();
                }
            } catch (IOException e) {
                // an agent that exits at once (bad arguments) may close its stdin before the script is in
            }
            boolean ended = p.waitFor(20, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            in.close();
            assertTrue(ended, "the agent did not finish within 20 s");
            return new AgentRun(p.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads stdout to its end; once it shows the reply's trigger, writes the answer and closes stdin. */
    private static CompletableFuture<byte[]> answering(Process p, StdinReply reply) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        StdinReply.Watch watch = reply.watch();
        Thread t = new Thread(() -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            try (InputStream in = p.getInputStream()) {
                int n;
                while ((n = in.read(chunk)) >= 0) {
                    buf.write(chunk, 0, n);
                    if (watch.feed(chunk, 0, n)) {
                        try (OutputStream stdin = p.getOutputStream()) {
                            stdin.write(reply.answer());
                        } catch (IOException e) {
                            // the agent went meanwhile
                        }
                    }
                }
            } catch (IOException e) {
                // closed by the test: what was read so far
            }
            result.complete(buf.toByteArray());
        }, "agent-answer");
        t.setDaemon(true);
        t.start();
        return result;
    }

    /** Reads a stream to its end on a thread of its own (never the common pool: it may be one thread). */
    static CompletableFuture<byte[]> drain(InputStream in) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (in) {
                in.transferTo(buf);
            } catch (IOException e) {
                // closed by the test: what was read so far
            }
            result.complete(buf.toByteArray());
        }, "agent-drain");
        t.setDaemon(true);
        t.start();
        return result;
    }

    AgentOutput parse(String boundary) throws ParseException {
        return AgentOutput.parse(stdout, boundary);
    }
}
