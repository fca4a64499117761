package org.qatwb.model.agent;

import java.util.List;
import java.util.Optional;

/**
 * The items of one interval of {@code stream}: all of them are complete when the agent prints
 * {@code tick N}.
 *
 * @param n      1 for the first interval, then 2, 3, ...
 * @param frames the items in the order printed ({@code uptime}, {@code kstat_qat}, {@code fw_counters:DIR}...)
 */
public record StreamTick(int n, List<AgentFrame> frames) {

    public StreamTick {
        frames = List.copyOf(frames);
    }

    /** The item with this name, if the tick has it. */
    public Optional<AgentFrame> frame(String name) {
        return frames.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
