package org.qatwb.sim.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of qatwb's scripts run for real by the boot (a unit's {@code ExecStart=}, an init script's
 * command): {@code /bin/sh} with the NAS's exec environment ({@code QATWB_ROOT}, the stand-ins first on
 * PATH), working directory {@code /} (the root), stdin {@code /dev/null}, stdout and stderr appended to
 * the unit's journal file, as systemd's journal keeps a service's output. Never run under the
 * machine's lock: the script's stand-ins send it requests.
 */
final class BootProcess {

    /** What the wait came to. */
    enum End { EXITED_0, FAILED, TIMED_OUT }

    private BootProcess() {
    }

    /**
     * Runs {@code argv} and waits up to {@code limit}. On the limit a unit's process is killed (systemd
     * kills a start that times out, systemd.service(5) {@code TimeoutStartSec=}); an init script's is
     * left running, as TrueNAS's middleware only stops waiting ({@code execute_init_tasks}:
     * {@code asyncio.wait_for} around {@code subprocess.run} in a thread, which nothing kills).
     */
    static End run(Path root, Path journal, String name, Map<String, String> env, List<String> argv, Duration limit,
                   boolean killAtLimit) {
        try {
            Files.createDirectories(journal);
            ProcessBuilder pb = new ProcessBuilder(argv).directory(root.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(journal.resolve(name + ".log").toFile()));
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                if (killAtLimit) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
                return End.TIMED_OUT;
            }
            return p.exitValue() == 0 ? End.EXITED_0 : End.FAILED;
        } catch (IOException e) {
            return End.FAILED; // systemd logs that the exec failed; the unit fails
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return End.FAILED;
        }
    }
}
