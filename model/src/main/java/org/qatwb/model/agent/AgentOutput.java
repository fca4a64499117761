package org.qatwb.model.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.parse.ParseException;

/**
 * The complete output of one agent exec, parsed.
 *
 * <p>{@code snapshot}, {@code set-param} and {@code probe} must end with {@code done}; an output
 * without it was cut ("output ended early (connection lost?)"). A {@code stream} capture may end
 * after any complete tick; its frames are those of its complete ticks.
 *
 * @param verb   the command the agent says it ran
 * @param frames every item, in the order printed
 * @param ticks  the ticks of a stream (empty for the other commands)
 */
public record AgentOutput(AgentVerb verb, List<AgentFrame> frames, List<StreamTick> ticks) {

    public AgentOutput {
        Objects.requireNonNull(verb, "verb");
        frames = List.copyOf(frames);
        ticks = List.copyOf(ticks);
    }

    /**
     * Parses a whole output.
     *
     * @param output   the bytes the agent printed on stdout
     * @param boundary the boundary the exec was given (32 lowercase hex characters)
     * @throws ParseException when the output breaks the protocol or ends early
     * @throws IllegalArgumentException when the boundary itself is malformed (a caller's bug)
     */
    public static AgentOutput parse(byte[] output, String boundary) throws ParseException {
        Objects.requireNonNull(output, "output");
        List<AgentFrame> frames = new ArrayList<>();
        List<AgentFrame> pending = new ArrayList<>();
        List<StreamTick> ticks = new ArrayList<>();
        FrameScanner scanner = new FrameScanner(boundary, AgentProtocol.ITEM_CAP, new FrameScanner.Sink() {
            @Override
            public void header(int version, AgentVerb verb) {
            }

            @Override
            public void frame(AgentFrame frame) {
                pending.add(frame);
            }

            @Override
            public void tick(int n) {
                ticks.add(new StreamTick(n, pending));
                frames.addAll(pending);
                pending.clear();
            }

            @Override
            public void done() {
                frames.addAll(pending);
                pending.clear();
            }
        });
        scanner.feed(output, 0, output.length);
        scanner.finish();
        if (!pending.isEmpty()) {
            // only a stream can get here: its last tick never came
            throw new ParseException(0, FrameScanner.ENDED_EARLY);
        }
        return new AgentOutput(scanner.verb(), frames, ticks);
    }

    /** The first item with this name. */
    public Optional<AgentFrame> frame(String name) {
        return frames.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The items whose names start with {@code prefix} ({@code conf:}, {@code fw_counters:}), in order. */
    public List<AgentFrame> framesStartingWith(String prefix) {
        return frames.stream().filter(f -> f.name().startsWith(prefix)).toList();
    }
}
