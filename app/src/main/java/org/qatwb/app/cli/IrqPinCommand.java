package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.qatwb.app.cli.json.IrqJson;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.app.usecase.PinIrq;
import org.qatwb.app.usecase.SudoHint;
import org.qatwb.model.irq.IrqPinOutcome;
import org.qatwb.model.irq.plan.IrqPinPlan;
import org.qatwb.model.irq.IrqbalancePolicy;
import org.qatwb.model.irq.plan.IrqUnpinPlan;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.irq.IrqPinUnit;
import org.qatwb.model.persist.PersistOutcome;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qatwb irq pin CONNECTION VF-BSF CPU}: the VF's completion interrupt on CPU, now and after
 * every boot ({@link IrqPinPlan}, the same use case as the layout editor's pin).
 */
@Command(name = "pin", mixinStandardHelpOptions = true,
        description = {"Pin a VF's completion interrupt to a CPU, now and after every boot.",
                "Written to /proc/irq/N/smp_affinity_list now, and kept after every boot by the systemd unit " + IrqPinUnit.NAME
                + " (ordered after qat.service, finding the IRQ by its name, since IRQ numbers change), on TrueNAS by a POSTINIT"
                + " init script (midclt; comment '" + org.qatwb.model.irq.IrqPinInit.COMMENT + "').",
                "The driver hints a VF's IRQ to CPU accel_id mod online CPUs whatever CoreAffinity says, and restarting the VF"
                + " requests it again: run this again after adf_ctl restart.",
                "Where irqbalance runs, it is kept off the pinned IRQs: qatwb's policy script " + IrqbalancePolicy.PATH
                + " answers ban=true for them, named by " + IrqbalancePolicy.ARG + " in IRQBALANCE_ARGS (/etc/default/irqbalance"
                + " or /etc/sysconfig/irqbalance), and irqbalance is restarted when either changed.",
                "CPU 'none' takes the VF's pin out (the last one removes the unit, the policy script and the word).",
                "Every diff is printed on stderr before anything is written, and confirmed on a terminal (without one, only"
                + " --yes writes)."},
        footer = {"",
                "Exit status: 0 pinned, 1 refused (not a VF, CPU offline, a step failed, not delivered there) or not confirmed,"
                + " 2 usage error (or no terminal and no --yes), 3 cannot reach or trust the NAS."})
final class IrqPinCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin connection;

    @Parameters(index = "0", paramLabel = "VF-BSF", description = "the VF's PCI address, DDDD:BB:DD.F")
    String bsf;

    @Parameters(index = "1", paramLabel = "CPU", description = "the CPU to deliver its interrupt to, or none to unpin")
    String cpu;

    @Option(names = "--dry-run", description = "print the plan and the unit's diff, change nothing")
    boolean dryRun;

    @Option(names = "--yes", description = "write without asking (the diff is still printed; without a terminal, writing needs --yes)")
    boolean yes;

    @Override
    public Integer call() {
        String address = bsf.toLowerCase(java.util.Locale.ROOT);
        if (!address.matches("[0-9a-f]{4}:[0-9a-f]{2}:[01][0-9a-f]\\.[0-7]")) {
            throw new CliException(ExitCodes.USAGE, "VF-BSF: not a PCI address DDDD:BB:DD.F: " + Snippet.quote(bsf));
        }
        if (!cpu.matches("[0-9]{1,5}") && !cpu.equals("none")) {
            throw new CliException(ExitCodes.USAGE, "CPU: not a CPU number or none: " + Snippet.quote(cpu));
        }
        PrintWriter err = spec.commandLine().getErr();
        try (NasSession session = connection.connect()) {
            AgentClient client = new AgentClient(session, connection.sudo);
            NasSnapshot s = client.snapshot();
            if (cpu.equals("none")) {
                return unpin(client, s, address, err);
            }
            IrqPinPlan plan;
            try {
                plan = IrqPinPlan.of(s, address, Integer.parseInt(cpu));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.INPUT, Snippet.failure(e));
            }
            err.println("qatwb: pin " + plan.pin().irqName() + " (" + plan.device().name() + ", " + address + ") to CPU "
                    + plan.pin().cpu() + plan.current().map(i -> ": IRQ " + i.number() + ", now on CPU "
                    + i.effective().map(Object::toString).orElse("?")).orElse(": not up now; pinned at the next boot"));
            plan.caution().ifPresent(c -> err.println("qatwb: caution: " + c));
            err.print(plan.diff());
            err.flush();
            ObjectNode doc = JsonOut.object();
            ObjectNode p = doc.putObject("pin");
            p.put("bsf", address);
            p.put("irq", plan.pin().irqName());
            p.put("cpu", plan.pin().cpu());
            doc.put("diff", plan.diff());
            IrqJson.ban(doc, plan.irqbalance());
            if (dryRun) {
                JsonOut.print(spec.commandLine().getOut(), doc);
                return ExitCodes.OK;
            }
            confirm(session, "the pin of " + plan.pin().irqName());
            PinIrq.Result r = new PinIrq(client, SudoHint.CLI).pin(plan);
            IrqPinOutcome o = r.outcome();
            steps(doc, o, err);
            doc.put("delivered", o.delivered(plan.pin().irqName(), plan.pin().cpu()));
            readBack(doc, o);
            JsonOut.print(spec.commandLine().getOut(), doc);
            if (!r.ok()) {
                err.println("qatwb: " + r.message().line());
                return ExitCodes.INPUT;
            }
        } catch (NasConnectionException e) {
            throw NasCommands.unreachable(e);
        } catch (AgentFailure e) {
            throw NasCommands.agent(e);
        }
        return ExitCodes.OK;
    }

    /** {@code CPU none}: the VF's pin out of the unit; with the last, irqbalance's ban undone too. */
    private int unpin(AgentClient client, NasSnapshot s, String address, PrintWriter err) throws NasConnectionException,
            AgentFailure {
        IrqUnpinPlan plan;
        try {
            plan = IrqUnpinPlan.of(s, address);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.INPUT, Snippet.failure(e));
        }
        err.println("qatwb: unpin " + plan.irqName() + " (" + address + ")" + (plan.pins().isEmpty()
                ? ": no pin is left, the unit goes" + (plan.irqbalance().isPresent() ? " and irqbalance's ban is undone" : "")
                : ": " + plan.pins().size() + " pins stay kept"));
        plan.caution().ifPresent(c -> err.println("qatwb: caution: " + c));
        err.print(plan.diff());
        err.flush();
        ObjectNode doc = JsonOut.object();
        doc.putObject("unpin").put("bsf", address).put("irq", plan.irqName());
        doc.put("diff", plan.diff());
        IrqJson.ban(doc, plan.irqbalance());
        if (dryRun) {
            JsonOut.print(spec.commandLine().getOut(), doc);
            return ExitCodes.OK;
        }
        confirm(client.session(), "the unpin of " + plan.irqName());
        PinIrq.Result r = new PinIrq(client, SudoHint.CLI).unpin(plan);
        steps(doc, r.outcome(), err);
        readBack(doc, r.outcome());
        JsonOut.print(spec.commandLine().getOut(), doc);
        if (!r.ok()) {
            err.println("qatwb: " + r.message().line());
            return ExitCodes.INPUT;
        }
        return ExitCodes.OK;
    }

    /** The diff is out: on a terminal the user says yes, else --yes was given; or nothing is written. */
    private void confirm(NasSession session, String what) {
        Optional<DiffConfirmation.Refusal> no = DiffConfirmation.ask("Write " + what + " to "
                + Snippet.oneLine(session.spec().host()) + "? [y/N] ", what, yes);
        if (no.isPresent()) {
            throw new CliException(no.get().exitCode(), no.get().message());
        }
    }

    /** The agent's steps: into the JSON, and one line each on stderr as they are read. */
    private static void steps(ObjectNode doc, IrqPinOutcome o, PrintWriter err) {
        ArrayNode steps = doc.putArray("steps");
        for (PersistOutcome.Step st : o.steps()) {
            steps.addObject().put("step", st.name()).put("status", st.status().wire()).put("message", st.message());
            err.println("qatwb: " + (st.ok() ? "ok   " : "FAIL ") + st.name() + (st.message().isEmpty() ? "" : ": "
                    + st.message()));
        }
    }

    /** What the NAS read back after the write: its interrupts, irqbalance and the pins it keeps. */
    private static void readBack(ObjectNode doc, IrqPinOutcome o) {
        doc.set("interrupts", IrqJson.interrupts(o.interrupts()));
        IrqJson.irqbalance(doc, o.interrupts());
        IrqJson.kept(doc, o.kept());
    }
}
