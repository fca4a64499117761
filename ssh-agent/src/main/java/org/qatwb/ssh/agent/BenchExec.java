package org.qatwb.ssh.agent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.qatwb.model.agent.AgentVerb;
import org.qatwb.model.bench.BenchEvent;
import org.qatwb.model.bench.BenchEventReader;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.ssh.ExecStream;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.StreamEnd;
import org.qatwb.ssh.StreamListener;

/**
 * A running {@code bench-run} exec: its items become {@link BenchEvent}s on the stream's delivery
 * thread as they arrive. {@link #stop()} closes the exec's stdin only, which the agent takes as
 * "stop": the NAS cleans up and the exec goes on to report the clean-up before it ends.
 */
public final class BenchExec {

    private final BenchEventReader reader;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final StringBuilder stderr = new StringBuilder();
    private volatile ExecStream stream;
    private volatile StreamEnd end;
    private volatile String broken;

    private BenchExec(BenchEventReader reader) {
        this.reader = reader;
    }

    static BenchExec start(NasSession session, AgentCommand command, boolean encrypt, Consumer<BenchEvent> events)
            throws NasConnectionException {
        String boundary = Boundary.random();
        BenchExec exec = new BenchExec(new BenchEventReader(boundary, command.verb(), encrypt));
        exec.stream = session.openStream(command.commandLine(boundary), command.stdin(), exec.listener(events));
        return exec;
    }

    private StreamListener listener(Consumer<BenchEvent> events) {
        return new StreamListener() {
            @Override
            public void onData(byte[] chunk) {
                if (broken != null) {
                    return;
                }
                try {
                    reader.feed(chunk).forEach(events);
                } catch (ParseException e) {
                    broken = "the agent's answer could not be read: " + Snippet.failure(e);
                    // nothing more is read; closing stdin still asks the NAS to clean up
                    closeInput();
                }
            }

            @Override
            public void onStderr(byte[] chunk) {
                synchronized (stderr) {
                    if (stderr.length() < 4096) {
                        stderr.append(new String(chunk, StandardCharsets.UTF_8));
                    }
                }
            }

            @Override
            public void onEnd(StreamEnd how) {
                end = how;
                ended.countDown();
            }
        };
    }

    private void closeInput() {
        ExecStream s = stream;
        if (s != null) {
            s.closeInput();
        }
    }

    /** Asks the NAS to stop the benchmark (it cleans up). Safe from any thread, any number of times. */
    public void stop() {
        closeInput();
    }

    /** Waits for the exec to end; false when {@code timeout} passed first. */
    public boolean await(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the clean-up and the outcome were read. */
    public boolean finished() {
        return reader.finished();
    }

    /**
     * What went wrong with the exec itself, once it ended: it was lost, its answer was unreadable,
     * or the agent refused its arguments (stderr). Empty when it ended as it should.
     */
    public Optional<String> problem() {
        if (broken != null) {
            return Optional.of(broken);
        }
        StreamEnd e = end;
        if (e instanceof StreamEnd.Lost lost) {
            return Optional.of(lost.reason());
        }
        if (e instanceof StreamEnd.Failed failed) {
            return Optional.of(failed.reason());
        }
        if (e instanceof StreamEnd.Exited exited && exited.exitStatus() != 0) {
            String err;
            synchronized (stderr) {
                err = stderr.toString().strip();
            }
            return Optional.of("the agent (" + AgentVerb.BENCH_RUN.wire() + ") exited with status " + exited.exitStatus()
                    + (err.isEmpty() ? "" : ": " + Snippet.excerpt(err.lines().findFirst().orElse(""))));
        }
        if (!reader.done()) {
            return Optional.of("the agent's answer ended early (connection lost?)");
        }
        return Optional.empty();
    }

    /** Closes the channel at once (the NAS still cleans up: its stdin reads end of file). */
    public void close() {
        ExecStream s = stream;
        if (s != null) {
            s.close();
        }
    }
}
