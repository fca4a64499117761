package org.qatwb.sim.request;

import java.util.List;

/**
 * One thing a stand-in asked of the simulator's Java side.
 *
 * @param id    the stand-in's request id (its file names under {@code .sim/requests})
 * @param tool  what is asked: {@code adf_ctl}, {@code systemctl} or {@code param}
 * @param args  the arguments, one per line of the request file
 * @param input the bytes the stand-in passed along (a parameter write's data), empty if none
 */
public record Request(String id, String tool, List<String> args, byte[] input) {

    public Request {
        args = List.copyOf(args);
        input = input.clone();
    }

    @Override
    public byte[] input() {
        return input.clone();
    }
}
