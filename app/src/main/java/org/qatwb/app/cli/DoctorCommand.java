package org.qatwb.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.qatwb.app.cli.json.DoctorJson;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.model.doctor.CheckResult;
import org.qatwb.model.doctor.CheckStatus;
import org.qatwb.model.doctor.Doctor;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.doctor.Observation;
import org.qatwb.model.kstat.CounterRates;
import org.qatwb.model.kstat.RateTracker;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.ReconnectingStream;
import org.qatwb.ssh.StreamState;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qatwb doctor CONNECTION}: the QAT-to-ZFS chain, link by link, with the fix for each broken one. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Is ZFS actually using QAT? Check the whole chain on a NAS, link by link (driver, /etc/default/qat,",
                "VF blacklist, conf files, devices, ZFS build and parameters, persistence, datasets, counters, known",
                "problems in the kernel log, Z.I.A.), each with pass, warn, fail or skip and the fix.",
                "Reads one snapshot, then watches the counters for --observe seconds."},
        footer = {"", "Exit status: 0 no check failed, 1 a check failed (or the NAS's answer could not be used),",
                "2 usage error, 3 cannot reach or trust the NAS."})
final class DoctorCommand implements Callable<Integer> {

    static final int MAX_OBSERVE = 3600;
    /** How long past the observation the second sample may take (a slow NAS, a reconnect). */
    static final Duration GRACE = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin connection;

    @Option(names = "--observe", defaultValue = "5", paramLabel = "SECONDS",
            description = {"watch the counters this long for zfs.offload-active (run offloadable work meanwhile);",
                    "0 skips that check; default ${DEFAULT-VALUE}"})
    int observe;

    @Override
    public Integer call() throws InterruptedException {
        if (observe < 0 || observe > MAX_OBSERVE) {
            throw new CliException(ExitCodes.USAGE, "--observe must be 0.." + MAX_OBSERVE + " seconds, not " + observe);
        }
        DoctorReport report;
        Optional<Boolean> held;
        try (NasSession session = connection.connect()) {
            AgentClient client = new AgentClient(session, connection.sudo);
            NasSnapshot snapshot = client.snapshot();
            held = snapshot.qatHeldByZfs();
            report = Doctor.examine(snapshot, Optional.empty());
            // no watching where the counters cannot move (no kstat, offload off, nothing offloadable)
            if (observe > 0 && snapshot.kstat().isPresent() && report.wantsObservation()) {
                spec.commandLine().getErr().println("qatwb: watching the QAT counters for " + observe
                        + " s (offloadable work running meanwhile proves offload)");
                spec.commandLine().getErr().flush();
                report = Doctor.examine(snapshot, Optional.of(observe(client)));
            }
        } catch (NasConnectionException e) {
            throw NasCommands.unreachable(e);
        } catch (AgentFailure e) {
            throw NasCommands.agent(e);
        }
        com.fasterxml.jackson.databind.node.ObjectNode doc = DoctorJson.report(report);
        // whether ZFS holds QAT devices: then a restart cannot apply a layout (null: unknown)
        held.ifPresentOrElse(h -> doc.put("qatHeldByZfs", h), () -> doc.putNull("qatHeldByZfs"));
        JsonOut.print(spec.commandLine().getOut(), doc);
        printSummary(report);
        spec.commandLine().getErr().println(Transactions.restartCanApply(held));
        return report.failed() ? ExitCodes.INPUT : ExitCodes.OK;
    }

    /**
     * Two stream samples {@code observe} seconds apart (the stream's first tick comes at once), their
     * rates taken on the NAS's own clock as {@code watch} takes them: none across a reset.
     */
    private Observation observe(AgentClient client) throws InterruptedException {
        BlockingQueue<StreamSample> samples = new LinkedBlockingQueue<>();
        AtomicReference<String> failed = new AtomicReference<>();
        ReconnectingStream stream = client.stream(observe * 1000, samples::add, state -> {
            if (state instanceof StreamState.Failed f) {
                failed.set(f.cause().getMessage());
            }
        });
        try {
            RateTracker tracker = new RateTracker();
            boolean based = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(observe).plus(GRACE).toNanos();
            while (failed.get() == null) {
                StreamSample s = samples.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (s == null) {
                    return new Observation.Unusable("no second sample of the counters within " + observe + " s + "
                            + GRACE.toSeconds() + " s");
                }
                if (s.kstat().isEmpty() || s.uptimeNanos().isEmpty()) {
                    tracker.reset();
                    based = false;
                    continue;
                }
                Optional<CounterRates> rates = tracker.next(s.uptimeNanos().getAsLong(), s.kstat().get());
                if (based) {
                    return Observation.ofRates(rates);
                }
                based = true;
            }
            return new Observation.Unusable("the stream of counters failed: " + failed.get());
        } finally {
            stream.close();
        }
    }

    /** The report for a human on stderr: one line per check, the fix under each that has one, the totals. */
    private void printSummary(DoctorReport report) {
        PrintWriter err = spec.commandLine().getErr();
        int width = report.results().stream().mapToInt(r -> r.id().length()).max().orElse(0);
        String indent = " ".repeat(width + 9);
        for (CheckResult r : report.results()) {
            err.printf("  %-4s  %-" + width + "s  %s%n", DoctorJson.label(r.status()), r.id(), r.message());
            if (r.status() == CheckStatus.FAIL || r.status() == CheckStatus.WARN) {
                r.fixSummary().ifPresent(f -> err.println(indent + "fix: " + f));
            }
        }
        Map<CheckStatus, Integer> n = report.counts();
        err.println(report.results().size() + " checks: " + n.get(CheckStatus.PASS) + " pass, " + n.get(CheckStatus.WARN)
                + " warn, " + n.get(CheckStatus.FAIL) + " fail, " + n.get(CheckStatus.SKIP) + " skip");
        err.flush();
    }
}
