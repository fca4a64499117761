package org.qatwb.model.debugfs;

import java.util.OptionalLong;

/**
 * The firmware counters of one acceleration engine (AE). Values are unsigned 64-bit, cumulative
 * since the device started; compare them with {@link Long#compareUnsigned}.
 *
 * @param ae        the engine number
 * @param requests  requests the firmware received
 * @param responses responses it sent
 * @param rasEvents RAS (error) events, printed only by newer out-of-tree drivers
 */
public record EngineCounters(int ae, long requests, long responses, OptionalLong rasEvents) {

    /** Requests not answered yet: in flight now, or lost. */
    public long pending() {
        return Long.compareUnsigned(requests, responses) > 0 ? requests - responses : 0;
    }
}
