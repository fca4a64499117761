package org.qatwb.ssh.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.ReconnectingStream;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.testing.OpenSshServer;

/**
 * Issue 3's targets, on loopback, against the simulated NAS (MINA) and a real OpenSSH sshd that
 * serves the simulator's tree: snapshot latency as a ratio to a bare {@code true} exec on the same
 * session; the client cost of one stream tick against one {@code ssh HOST cat kstat} per tick; the
 * client's CPU while streaming at 1 Hz. Prints a Markdown table for docs/benchmarks.md.
 */
public final class SshBenchmark {

    private static final int WARMUP = 20;
    private static final int RUNS = 60;

    private SshBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (SimulatedNas sim = SimulatedNas.start(SimOptions.demo("c62x"))) {
            System.out.println("| server | bare `true` exec (median) | snapshot (median) | ratio |");
            System.out.println("|---|---|---|---|");
            try (NasSession s = Loopback.simulator(sim)) {
                latencies("simulator (MINA)", s);
            }
            Loopback.openSsh(sim, (s, sshd, kh) -> {
                latencies("OpenSSH sshd", s);
                System.out.println();
                streamVersusSshPerTick(s, sshd, kh, sim.root());
                System.out.println();
                cpuAtOneHertz(s);
            });
        }
        System.out.println();
        ApplyBenchmark.run();
    }

    private static void latencies(String server, NasSession s) throws Exception {
        AgentClient client = new AgentClient(s, false);
        for (int i = 0; i < WARMUP; i++) {
            s.exec("true", new byte[0], Duration.ofSeconds(30));
            client.snapshot();
        }
        List<Long> bare = new ArrayList<>();
        List<Long> snap = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            s.exec("true", new byte[0], Duration.ofSeconds(30));
            long t1 = System.nanoTime();
            client.snapshot();
            long t2 = System.nanoTime();
            bare.add(t1 - t0);
            snap.add(t2 - t1);
        }
        double b = median(bare);
        double n = median(snap);
        System.out.printf("| %s | %.1f ms | %.1f ms | %.2fx |%n", server, b / 1e6, n / 1e6, n / b);
    }

    private static void streamVersusSshPerTick(NasSession s, OpenSshServer sshd, Path kh, Path root) throws Exception {
        int ticks = 50;
        long cpu0 = processCpuNanos();
        CountDownLatch done = new CountDownLatch(ticks);
        ReconnectingStream stream = new AgentClient(s, false).stream(100, sample -> done.countDown(), state -> { });
        done.await(60, TimeUnit.SECONDS);
        stream.close();
        double streamCpuPerTick = (processCpuNanos() - cpu0) / (double) ticks;

        String kstat = root.resolve("proc/spl/kstat/zfs/qat").toString();
        String loop = "for i in $(seq " + ticks + "); do ssh -o BatchMode=yes -o UserKnownHostsFile=" + kh
                + " -i " + sshd.userKey() + " -p " + sshd.port() + " " + sshd.currentUser() + "@" + sshd.host()
                + " cat " + kstat + " >/dev/null; done; times";
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("bash", "-c", loop).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        double wallPerSsh = (System.nanoTime() - t0) / (double) ticks;
        double sshCpuPerTick = childCpuNanos(out) / ticks;
        System.out.println("| per tick (client side) | CPU | wall |");
        System.out.println("|---|---|---|");
        System.out.printf("| stream tick (one open exec, 100 ms interval) | %.2f ms | one interval |%n", streamCpuPerTick / 1e6);
        System.out.printf("| `ssh HOST cat kstat` (OpenSSH client per tick) | %.2f ms | %.1f ms |%n",
                sshCpuPerTick / 1e6, wallPerSsh / 1e6);
        System.out.printf("| ratio | %.1fx cheaper | |%n", sshCpuPerTick / streamCpuPerTick);
    }

    private static void cpuAtOneHertz(NasSession s) throws Exception {
        int seconds = 30;
        AtomicInteger samples = new AtomicInteger();
        ReconnectingStream stream = new AgentClient(s, false).stream(1000, sample -> samples.incrementAndGet(), state -> { });
        TimeUnit.SECONDS.sleep(3); // the stream is open and warm
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        double cpu = (processCpuNanos() - cpu0) / (double) (System.nanoTime() - t0);
        stream.close();
        System.out.printf("Client CPU while streaming at 1 Hz over %d s (%d samples): %.3f%% of one core%n",
                seconds, samples.get(), cpu * 100);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The children's user + system time from bash's {@code times} (second line: "0m0.123s 0m0.045s"). */
    private static double childCpuNanos(String timesOutput) throws IOException {
        List<String> lines = timesOutput.strip().lines().toList();
        String[] parts = lines.get(lines.size() - 1).trim().split("\\s+");
        return (seconds(parts[0]) + seconds(parts[1])) * 1e9;
    }

    private static double seconds(String bashTime) {
        int m = bashTime.indexOf('m');
        return Integer.parseInt(bashTime.substring(0, m)) * 60 + Double.parseDouble(bashTime.substring(m + 1, bashTime.length() - 1));
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
