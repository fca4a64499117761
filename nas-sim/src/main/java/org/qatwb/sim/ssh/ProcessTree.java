package org.qatwb.sim.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Ends an exec's processes when the simulated NAS goes down (the server stops): the shell and every
 * descendant still in its session. A process that left the session ({@code setsid}, as a NAS-side
 * worker and rollback timer do) is the machine's to end. A dropped client signals nothing (see
 * {@link ExecCommand}).
 */
final class ProcessTree {

    private ProcessTree() {
    }

    static void terminate(ProcessHandle root) {
        OptionalLong session = sessionOf(root.pid());
        List<ProcessHandle> doomed = root.descendants()
                .filter(p -> session.isEmpty() || sessionOf(p.pid()).equals(session))
                .toList();
        root.destroy();
        doomed.forEach(ProcessHandle::destroy);
        // whatever ignores SIGTERM gets SIGKILL a moment later
        Thread reaper = new Thread(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (root.isAlive()) {
                root.destroyForcibly();
            }
            doomed.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }, "qatwb-sim-reaper");
        reaper.setDaemon(true);
        reaper.start();
    }

    /** The session id (field 6 of {@code /proc/PID/stat}), if the process still exists. */
    static OptionalLong sessionOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name (field 2) is in parentheses and may contain spaces: count from the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(f[3]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
