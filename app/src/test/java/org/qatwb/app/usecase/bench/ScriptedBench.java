package org.qatwb.app.usecase.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.qatwb.model.bench.BenchCleanup;
import org.qatwb.model.bench.BenchPass;
import org.qatwb.model.bench.BenchPlan;
import org.qatwb.model.bench.BenchRequest;
import org.qatwb.model.bench.BenchResult;
import org.qatwb.model.bench.BenchRun;
import org.qatwb.model.bench.BenchTool;
import org.qatwb.model.bench.ChecksumCheck;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.ssh.agent.AgentFailure;

/**
 * A {@link BenchSession} that plays a script, for the Benchmark page's tests: it plans (or refuses
 * with the line it was given), then runs by saying each event of the script in turn and returning the
 * result it was given; a {@link #stop()} heard during the run ends it after the event being said,
 * with the passes said so far and "stopped by the user", clean-up done.
 */
public final class ScriptedBench implements BenchSession {

    public static final String DATASET = "tank/qatwb-bench-4f2a";

    private final List<BenchRequest> planned = new ArrayList<>();
    private final AtomicInteger stops = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean stopped;
    private Optional<String> refusal = Optional.empty();
    private boolean simulated = true;
    private List<BenchProgress> script = List.of();
    private List<BenchRun> runs = List.of();
    private BenchCleanup cleanup = new BenchCleanup(true, true, List.of());
    private AgentFailure failure;

    public ScriptedBench refusing(String line) {
        refusal = Optional.of(line);
        return this;
    }

    public ScriptedBench real() {
        simulated = false;
        return this;
    }

    /** The run says {@code events}, then returns these {@code passes} (each also said as a PassDone after the events). */
    public ScriptedBench saying(List<BenchProgress> events, List<BenchRun> passes) {
        script = List.copyOf(events);
        runs = List.copyOf(passes);
        return this;
    }

    public ScriptedBench cleaningUp(BenchCleanup c) {
        cleanup = c;
        return this;
    }

    /** The run fails as a lost connection does, after saying its events. */
    public ScriptedBench failing(String line) {
        failure = new AgentFailure(line);
        return this;
    }

    /** What was asked to be planned, in order. */
    public List<BenchRequest> planned() {
        return List.copyOf(planned);
    }

    public int stops() {
        return stops.get();
    }

    @Override
    public BenchPlan plan(BenchRequest request) throws BenchRefused {
        planned.add(request);
        if (refusal.isPresent()) {
            throw new BenchRefused(refusal.get());
        }
        return plan(request, simulated);
    }

    /** The plan this session makes of {@code request}: on tank, fio, about 3 min 20 s. */
    public static BenchPlan plan(BenchRequest request, boolean simulated) {
        return new BenchPlan(request, request.pool().orElse("tank"), DATASET, 900L * BenchRequest.GIB, BenchTool.FIO,
                Map.of(ZfsParam.COMPRESS, 0, ZfsParam.CHECKSUM, 0, ZfsParam.ENCRYPT, 0), Duration.ofSeconds(200),
                List.of("create " + DATASET + " (compression=gzip, recordsize=128K, checksum=sha256)",
                        "QAT on: write 2 GiB with fio, sync, read it back, compare sha256",
                        "QAT off: the same", "put the parameters back and destroy " + DATASET), simulated);
    }

    @Override
    public BenchResult run(BenchPlan plan, Consumer<BenchProgress> progress) throws AgentFailure {
        running = true;
        try {
            List<BenchRun> said = new ArrayList<>();
            List<BenchProgress> all = new ArrayList<>(script);
            runs.forEach(r -> all.add(new BenchProgress.PassDone(r)));
            for (BenchProgress e : all) {
                progress.accept(e);
                if (e instanceof BenchProgress.PassDone d) {
                    said.add(d.run());
                }
                if (stopped) {
                    progress.accept(new BenchProgress.Step("stopped: putting the parameters back, destroying " + DATASET));
                    return new BenchResult(plan, said, cleanup, Optional.of("stopped by the user"));
                }
            }
            if (failure != null) {
                throw failure;
            }
            return new BenchResult(plan, runs, cleanup, Optional.empty());
        } finally {
            running = false;
        }
    }

    @Override
    public void stop() {
        stops.incrementAndGet();
        if (running) {
            stopped = true;
        }
    }

    /** A pass with every figure measured. */
    public static BenchRun run(BenchPass pass, double write, double read, double writeCpu, double readCpu,
                               Map<String, Double> share, double ratio) {
        return new BenchRun(pass, OptionalDouble.of(write), OptionalDouble.of(read), OptionalDouble.of(writeCpu),
                OptionalDouble.of(readCpu), share, OptionalDouble.of(ratio), 0, ChecksumCheck.VERIFIED, List.of());
    }

    /** QAT on: 812 MiB/s written, 1,204 read, 0.9 / 0.4 CPU s per GiB, everything through QAT. */
    public static BenchRun on() {
        return run(BenchPass.QAT_ON, 812, 1204, 0.9, 0.4,
                Map.of("compress", 1.0, "decompress", 0.97, "checksum", 1.0), 1.98);
    }

    /** QAT off: 301 MiB/s written, 860 read, 2.9 / 0.8 CPU s per GiB, nothing through QAT. */
    public static BenchRun off() {
        return run(BenchPass.QAT_OFF, 301, 860, 2.9, 0.8,
                Map.of("compress", 0.0, "decompress", 0.0, "checksum", 0.0), 1.97);
    }

    /** The events of a whole run, before its passes are done. */
    public static List<BenchProgress> events() {
        return List.of(new BenchProgress.Step("created " + DATASET),
                new BenchProgress.Phase(BenchPass.QAT_ON, "write", 0.0),
                new BenchProgress.Phase(BenchPass.QAT_ON, "write", 0.5),
                new BenchProgress.Phase(BenchPass.QAT_ON, "read", 1.0),
                new BenchProgress.Step("QAT on: written and read back, sha256 verified"),
                new BenchProgress.Phase(BenchPass.QAT_OFF, "write", -1),
                new BenchProgress.Phase(BenchPass.QAT_OFF, "read", 1.0),
                new BenchProgress.Step("QAT off: written and read back, sha256 verified"),
                new BenchProgress.Step("parameters put back; " + DATASET + " destroyed"));
    }
}
