package org.qatwb.app.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.qatwb.app.cli.json.DoctorJson;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.app.usecase.Diagnose;
import org.qatwb.app.usecase.WatchCounters;
import org.qatwb.app.usecase.apply.RestartCheck;
import org.qatwb.model.doctor.CheckResult;
import org.qatwb.model.doctor.CheckStatus;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qatwb doctor CONNECTION}: the QAT-to-ZFS chain, link by link, with the fix for each broken one. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Is ZFS actually using QAT? Check the whole chain on a NAS, link by link, with the fix for each broken one.",
                "The links: driver, /etc/default/qat, VF blacklist, conf files, devices, ZFS build and parameters, persistence,"
                + " datasets, counters, known problems in the kernel log, Z.I.A.; each passes, warns, fails or is skipped.",
                "Reads one snapshot, then watches the counters for --observe seconds."},
        footer = {"",
                "Exit status: 0 no check failed, 1 a check failed (or the NAS's answer could not be used), 2 usage error,"
                + " 3 cannot reach or trust the NAS."})
final class DoctorCommand implements Callable<Integer> {

    static final int MAX_OBSERVE = 3600;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin connection;

    // 5: CounterObservation.DEFAULT, the window's watch too
    @Option(names = "--observe", defaultValue = "5", paramLabel = "SECONDS",
            description = "watch the counters this long for zfs.offload-active (run offloadable work meanwhile);"
                    + " 0 skips that check; default ${DEFAULT-VALUE}")
    int observe;

    @Override
    public Integer call() throws InterruptedException {
        if (observe < 0 || observe > MAX_OBSERVE) {
            throw new CliException(ExitCodes.USAGE, "--observe must be 0.." + MAX_OBSERVE + " seconds, not " + observe);
        }
        DoctorReport report;
        Optional<Boolean> held;
        try (NasSession session = connection.connect()) {
            // no watching where the counters cannot move (no kstat, offload off, nothing offloadable)
            Diagnose doctor = new Diagnose(new AgentClient(session, connection.sudo));
            Diagnose.Diagnosis d = doctor.run(observe, WatchCounters.GRACE, line -> {
                spec.commandLine().getErr().println("qatwb: " + line);
                spec.commandLine().getErr().flush();
            });
            held = d.snapshot().qatHeldByZfs();
            report = d.report();
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
        spec.commandLine().getErr().println("qatwb: " + RestartCheck.of(held, RestartCheck.RebootAdvice.CLI).line());
        return report.failed() ? ExitCodes.INPUT : ExitCodes.OK;
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
