package org.qatwb.sim.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * What every exec on the simulated NAS shares.
 *
 * @param env     the whole environment of the exec'd shell (nothing of the JVM's, nothing the client sends)
 * @param workDir the login user's home
 * @param delay   how late each exec starts (the slow-answers fault); {@link Duration#ZERO} normally
 * @param pool    threads for the start and the stream pumps
 * @param live    the execs running now, so that stopping the server ends them
 */
record ExecContext(Map<String, String> env, Path workDir, Supplier<Duration> delay, ExecutorService pool,
                   Set<ExecCommand> live) {

    ExecContext {
        env = Map.copyOf(env);
    }
}
