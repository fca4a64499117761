package org.qatwb.sim.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every process of the simulated NAS, wherever it came from (an exec, a transient unit, a
 * {@code setsid} worker that left its session, a boot script an init script's timeout left running):
 * the processes whose environment names this NAS's root as {@code QATWB_ROOT}. A reboot ends them
 * all, as a machine going down does.
 */
public final class NasProcesses {

    private NasProcesses() {
    }

    /** SIGKILLs every process of the NAS at {@code root} but this JVM; returns how many. */
    public static int killAll(Path root) {
        byte[] mark = ("QATWB_ROOT=" + root + "\0").getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        List<Long> pids;
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            pids = proc.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]+")).map(Long::parseLong)
                    .filter(pid -> pid != self).toList();
        } catch (IOException e) {
            return 0;
        }
        int killed = 0;
        for (long pid : pids) {
            if (holds(pid, mark)) {
                killed += ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false) ? 1 : 0;
            }
        }
        return killed;
    }

    private static boolean holds(long pid, byte[] mark) {
        byte[] env;
        try {
            env = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
        } catch (IOException | SecurityException e) {
            return false; // gone, or another user's
        }
        // environ is NUL-separated; the mark must start an entry
        outer:
        for (int i = 0; i + mark.length <= env.length; i++) {
            if (i > 0 && env[i - 1] != 0) {
                continue;
            }
            for (int j = 0; j < mark.length; j++) {
                if (env[i + j] != mark[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
