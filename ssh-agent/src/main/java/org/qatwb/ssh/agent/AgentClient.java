package org.qatwb.ssh.agent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.agent.StreamFrameReader;
import org.qatwb.model.agent.StreamTick;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.persist.PersistOutcome;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.model.snapshot.ZfsParam;
import org.qatwb.ssh.Backoff;
import org.qatwb.ssh.ExecException;
import org.qatwb.ssh.ExecResult;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.ReconnectingStream;
import org.qatwb.ssh.StreamEnd;
import org.qatwb.ssh.StreamListener;
import org.qatwb.ssh.StreamRequest;
import org.qatwb.ssh.StreamStateListener;

/**
 * Runs agent requests over one NAS session: each request is one exec of the agent script with a
 * fresh boundary; every byte it prints is parsed in {@code model}.
 */
public final class AgentClient {

    /** Snapshot and set-param answer in well under a second on a real NAS; this bounds a hung tool. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final NasSession session;
    private final boolean sudo;

    public AgentClient(NasSession session, boolean sudo) {
        this.session = session;
        this.sudo = sudo;
    }

    public NasSession session() {
        return session;
    }

    /** Everything the workbench shows, in one round trip. */
    public NasSnapshot snapshot() throws NasConnectionException, AgentFailure {
        return NasSnapshotReader.read(run(new AgentCommand.Snapshot(sudo)));
    }

    /** Writes one ZFS QAT parameter ({@code disable} true writes 1) and reads it back. */
    public SetParamOutcome setParam(ZfsParam param, boolean disable) throws NasConnectionException, AgentFailure {
        AgentOutput out = run(new AgentCommand.SetParam(sudo, param, disable));
        AgentFrame result = out.frame("set_param")
                .orElseThrow(() -> new AgentFailure("the agent's answer has no set_param item"));
        OptionalInt value = out.frame(param.itemName()).filter(AgentFrame::readable)
                .map(f -> parseInt(f.text().strip())).orElse(OptionalInt.empty());
        String message = result.status() == ItemStatus.OK ? "" : Snippet.oneLine(result.text().strip());
        return new SetParamOutcome(param, result.status(), value, message);
    }

    /**
     * Keeps exactly {@code keep} at 0 after every boot (empty: removes ours): the agent writes the
     * systemd unit, or on TrueNAS the init script, that {@code PersistPlan.of(snapshot.persistence(), keep)}
     * shows, and reads the result back. Steps that fail are in the outcome, not thrown.
     */
    public PersistOutcome persistParams(Set<ZfsParam> keep) throws NasConnectionException, AgentFailure {
        AgentCommand.PersistParams command = new AgentCommand.PersistParams(sudo, keep);
        AgentOutput out = run(command);
        try {
            return PersistOutcome.read(out, command.keep());
        } catch (ParseException e) {
            throw new AgentFailure("the agent's answer could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Streams samples every {@code intervalMs} until the returned stream is closed, reconnecting
     * with backoff when the connection drops. Samples arrive on a background thread.
     */
    public ReconnectingStream stream(int intervalMs, Consumer<StreamSample> samples, StreamStateListener states) {
        AgentCommand.Stream command = new AgentCommand.Stream(sudo, intervalMs);
        AtomicReference<ReconnectingStream> self = new AtomicReference<>();
        ReconnectingStream stream = ReconnectingStream.start(session,
                () -> request(command, samples, () -> self.get().reopen()), states, Backoff.DEFAULT);
        self.set(stream);
        return stream;
    }

    private StreamRequest request(AgentCommand.Stream command, Consumer<StreamSample> samples, Runnable reopen) {
        String boundary = Boundary.random();
        StreamFrameReader reader = new StreamFrameReader(boundary);
        StreamListener listener = new StreamListener() {
            private boolean broken;

            @Override
            public void onData(byte[] chunk) {
                if (broken) {
                    return;
                }
                try {
                    for (StreamTick tick : reader.feed(chunk)) {
                        samples.accept(StreamSample.read(tick));
                    }
                } catch (ParseException e) {
                    // garbage on the stream: stop reading it and have a clean one opened
                    broken = true;
                    reopen.run();
                }
            }

            @Override
            public void onEnd(StreamEnd end) {
                // a stream that ends is reopened by ReconnectingStream; partial ticks are dropped
            }
        };
        return new StreamRequest(command.commandLine(boundary), AgentScript.bytes(), listener);
    }

    private AgentOutput run(AgentCommand command) throws NasConnectionException, AgentFailure {
        String boundary = Boundary.random();
        ExecResult result;
        try {
            result = session.exec(command.commandLine(boundary), AgentScript.bytes(), REQUEST_TIMEOUT);
        } catch (ExecException e) {
            throw new AgentFailure(command.verb().wire() + " failed: " + Snippet.oneLine(String.valueOf(e.getMessage())), e);
        }
        if (result.exitStatus() != 0) {
            String err = new String(result.stderr(), StandardCharsets.UTF_8).strip();
            throw new AgentFailure("the agent (" + command.verb().wire() + ") exited with status " + result.exitStatus()
                    + (err.isEmpty() ? "" : ": " + Snippet.excerpt(err.lines().findFirst().orElse(""))));
        }
        try {
            return AgentOutput.parse(result.stdout(), boundary);
        } catch (ParseException e) {
            throw new AgentFailure("the agent's answer could not be read: " + e.getMessage(), e);
        }
    }

    private static OptionalInt parseInt(String s) {
        try {
            return OptionalInt.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
