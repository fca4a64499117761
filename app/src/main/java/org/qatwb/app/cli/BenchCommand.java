package org.qatwb.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.app.cli.json.BenchJson;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.app.usecase.bench.BenchProgress;
import org.qatwb.app.usecase.bench.BenchSession;
import org.qatwb.app.usecase.bench.RunBenchmark;
import org.qatwb.model.bench.BenchPlan;
import org.qatwb.model.bench.BenchPlanner;
import org.qatwb.model.bench.BenchRequest;
import org.qatwb.model.bench.BenchResult;
import org.qatwb.model.bench.BenchRun;
import org.qatwb.model.bench.ChecksumCheck;
import org.qatwb.model.parse.Snippet;
import org.qatwb.sim.SimEndpoint;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;
import org.qatwb.ssh.config.ConnectionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qatwb bench CONNECTION}: the A/B offload benchmark (issue 16, section 1; README "qatwb bench"). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure what QAT does for ZFS on the NAS: on a scratch dataset it creates (compression=gzip,"
                + " recordsize=128K, checksum=sha256), write and read back a generated data set twice, with ZFS's QAT"
                + " parameters on and off, and compare MiB/s, NAS CPU seconds per GiB, QAT's share of the work, the"
                + " compression ratio and failures; a sha256 check proves that what was read is what was written.",
                "The plan (what it does, about how long) is printed on stderr first and, on a terminal, confirmed; without a"
                + " terminal only --yes starts it. Progress goes to stderr, the result as JSON to stdout.",
                "The benchmark and its clean-up run on the NAS: the parameters are written back and the dataset destroyed"
                + " also when it fails, on Ctrl-C, or when the connection drops. Needs root on the NAS, or --sudo."},
        footer = {"", "Exit status: 0 both passes measured and verified, and cleaned up; 1 refused (space, pool, no QAT,"
                + " no root), stopped, or a pass failed or read back other data; 2 usage error (or no terminal and no --yes);"
                + " 3 cannot reach or trust the NAS; 4 the clean-up did not finish (a dataset or the parameters need attention)."})
final class BenchCommand implements Callable<Integer> {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,13})\\s*([KMGT]?)(i?B)?", Pattern.CASE_INSENSITIVE);

    @Spec
    CommandSpec spec;

    @Mixin
    SshOptions connection;

    @Option(names = "--sim", arity = "0..1", fallbackValue = "c62x", paramLabel = "PROFILE",
            description = "run it on a simulated NAS started in this process (c62x, dh8950, no-qat, broken or new-kernel; default c62x):"
                    + " every figure is modelled, and the output says \"simulated\"")
    String sim;

    @Option(names = "--pool", paramLabel = "P", description = "the pool for the scratch dataset (default: the largest with room)")
    String pool;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "2G",
            description = "data written and read per pass, in MiB steps: 512M, 2G (binary units; default ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--compressibility", paramLabel = "PCT", defaultValue = "50",
            description = "how much of each record compresses, 0..100 percent (default ${DEFAULT-VALUE})")
    int compressibility;

    @Option(names = "--encrypt", description = "also encrypt the scratch dataset (aes-256-gcm, a raw key made on the NAS)")
    boolean encrypt;

    @Option(names = "--yes", description = "start without asking (needed without a terminal)")
    boolean yes;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        BenchRequest request = request();
        SimulatedNas simulated = null;
        try {
            ConnectionOptions options;
            if (sim != null) {
                if (connection.host != null) {
                    throw new CliException(ExitCodes.USAGE, "--sim runs a simulated NAS: give it or --host, not both");
                }
                if (!SimCommand.PROFILES.contains(sim)) {
                    throw new CliException(ExitCodes.USAGE, "--sim " + sim + ": no such profile (" + String.join(", ", SimCommand.PROFILES) + ")");
                }
                say(err, "starting a simulated NAS (" + sim + ")");
                simulated = SimulatedNas.start(SimOptions.of(sim));
                SimEndpoint e = simulated.endpoint();
                options = new ConnectionOptions(e.host(), e.port(), e.user(), e.identity(), e.knownHosts(), false, false);
            } else {
                if (connection.host == null) {
                    throw new CliException(ExitCodes.USAGE, "which NAS? give --host (or --sim for a simulated one)");
                }
                options = connection.given();
            }
            try (NasSession session = SshOptions.connect(options)) {
                return run(new RunBenchmark(new AgentClient(session, options.sudo())), request, session.spec().host(), err);
            }
        } finally {
            if (simulated != null) {
                simulated.close();
            }
        }
    }

    private int run(BenchSession bench, BenchRequest request, String host, PrintWriter err) {
        BenchPlan plan;
        try {
            plan = bench.plan(request);
        } catch (BenchSession.BenchRefused r) {
            throw new CliException(ExitCodes.INPUT, "refused: " + r.getMessage());
        } catch (NasConnectionException e) {
            throw new CliException(ExitCodes.UNREACHABLE, Snippet.failure(e), e);
        } catch (AgentFailure e) {
            throw new CliException(ExitCodes.INPUT, Snippet.failure(e), e);
        }
        printPlan(plan, err);
        if (!plan.simulated()) {
            // the simulator's datasets are files of this machine: nothing on a real NAS changes
            Optional<DiffConfirmation.Refusal> no = DiffConfirmation.ask("Run the benchmark on " + Snippet.oneLine(host)
                    + "? [y/N] ", "a scratch dataset and the ZFS QAT parameters", yes);
            if (no.isPresent()) {
                throw new CliException(no.get().exitCode(), no.get().message().replace("nothing was written", "nothing was run"));
            }
        }
        Progress progress = new Progress(err, plan.simulated());
        BenchResult result;
        Runnable stop = () -> {
            say(err, "stopping: the NAS restores the parameters and destroys the dataset, then reports it");
            bench.stop();
        };
        ExporterCommand.onInterrupt(stop);
        try {
            result = bench.run(plan, progress);
        } catch (NasConnectionException e) {
            throw new CliException(ExitCodes.UNREACHABLE, Snippet.failure(e)
                    + " (the NAS cleans up by itself; the next benchmark cleans whatever is left)", e);
        } catch (AgentFailure e) {
            throw new CliException(ExitCodes.INPUT, Snippet.failure(e), e);
        }
        JsonOut.print(spec.commandLine().getOut(), BenchJson.result(result));
        return report(result, err);
    }

    private int report(BenchResult result, PrintWriter err) {
        String label = result.simulated() ? " (simulated)" : "";
        result.stoppedBecause().ifPresent(why -> say(err, (why.startsWith("stopped") ? "" : "stopped: ") + why + label));
        say(err, "clean-up" + label + ": dataset " + (result.cleanup().datasetDestroyed() ? "destroyed" : "NOT destroyed")
                + ", parameters " + (result.cleanup().paramsRestored() ? "restored" : "NOT restored"));
        result.cleanup().notes().forEach(n -> say(err, "  " + n));
        if (!result.cleanup().clean()) {
            return ExitCodes.NEEDS_ATTENTION;
        }
        boolean allGood = result.runs().size() == 2 && result.stoppedBecause().isEmpty()
                && result.runs().stream().allMatch(r -> r.checksum() == ChecksumCheck.VERIFIED && r.errors().isEmpty());
        return allGood ? ExitCodes.OK : ExitCodes.INPUT;
    }

    private BenchRequest request() {
        if (compressibility < 0 || compressibility > 100) {
            throw new CliException(ExitCodes.USAGE, "--compressibility is 0..100 percent, not " + compressibility);
        }
        if (pool != null && !pool.matches("[A-Za-z][A-Za-z0-9_.:-]{0,254}")) {
            throw new CliException(ExitCodes.USAGE, "--pool " + Snippet.quote(pool) + ": not a pool name");
        }
        return new BenchRequest(Optional.ofNullable(pool), parseSize(size), compressibility, encrypt);
    }

    /** 2G, 512M, 2GiB, 1048576: binary units, a whole number of MiB, 1 MiB to 1 TiB. */
    static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new CliException(ExitCodes.USAGE, "--size " + Snippet.quote(text) + ": a number with K, M, G or T (binary units), e.g. 2G");
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        if (n > (BenchPlanner.MAX_SIZE >> shift)) {
            throw new CliException(ExitCodes.USAGE, "--size " + Snippet.quote(text) + ": at most 1T");
        }
        long bytes = n << shift;
        if (bytes < BenchRequest.MIB || bytes % BenchRequest.MIB != 0) {
            throw new CliException(ExitCodes.USAGE, "--size " + Snippet.quote(text) + ": a whole number of MiB, at least 1M");
        }
        return bytes;
    }

    private static void printPlan(BenchPlan plan, PrintWriter err) {
        if (plan.simulated()) {
            say(err, "SIMULATED NAS: the figures are the simulator's model, not a measurement");
        }
        say(err, "plan: " + plan.dataset() + " on pool " + plan.pool() + " (" + BenchPlanner.bytes(plan.freeBytes())
                + " available), " + plan.tool().wire() + ", " + BenchPlanner.bytes(plan.request().sizeBytes()) + " per pass, "
                + plan.request().compressibility() + " % compressible" + (plan.request().encrypt() ? ", encrypted" : "")
                + "; about " + duration(plan.estimate().toSeconds()));
        int n = 1;
        for (String step : plan.steps()) {
            say(err, "  " + n++ + ". " + step);
        }
    }

    private static String duration(long s) {
        return s < 120 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }

    static void say(PrintWriter err, String line) {
        synchronized (err) {
            err.println("qatwb bench: " + line);
            err.flush();
        }
    }

    /** Progress on stderr: every step, a phase's fraction in tenths, each pass's figures. */
    private static final class Progress implements java.util.function.Consumer<BenchProgress> {
        private final PrintWriter err;
        private final String label;
        private String lastPhase = "";

        Progress(PrintWriter err, boolean simulated) {
            this.err = err;
            this.label = simulated ? " (simulated)" : "";
        }

        @Override
        public void accept(BenchProgress p) {
            if (p instanceof BenchProgress.Step s) {
                say(err, s.line());
            } else if (p instanceof BenchProgress.Phase ph && ph.fraction() >= 0) {
                String key = ph.pass().label() + " " + ph.phase() + " " + (int) (ph.fraction() * 10) * 10 + " %";
                if (!key.equals(lastPhase)) {
                    lastPhase = key;
                    say(err, key);
                }
            } else if (p instanceof BenchProgress.PassDone d) {
                BenchRun r = d.run();
                say(err, r.pass().label() + label + ": write " + fig(r.writeMiBps(), "MiB/s") + ", read " + fig(r.readMiBps(), "MiB/s")
                        + ", CPU " + fig(r.writeCpuPerGiB(), "s/GiB") + " writing, " + fig(r.readCpuPerGiB(), "s/GiB")
                        + " reading, ratio " + fig(r.compressRatio(), "x") + ", checksum " + r.checksum().wire()
                        + (r.errors().isEmpty() ? "" : ", " + r.errors().size() + " error(s): " + r.errors().get(0)));
            }
        }

        private static String fig(OptionalDouble v, String unit) {
            return v.isPresent() ? String.format(Locale.ROOT, "%.2f %s", v.getAsDouble(), unit) : "—";
        }
    }
}
