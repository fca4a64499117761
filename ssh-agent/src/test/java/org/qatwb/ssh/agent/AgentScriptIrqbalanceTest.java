package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.ssh.agent.AgentScriptSnapshotTest.args;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.irq.IrqPinOutcome;
import org.qatwb.model.irq.plan.IrqPinPlan;
import org.qatwb.model.irq.IrqbalancePolicy;
import org.qatwb.model.irq.plan.IrqUnpinPlan;
import org.qatwb.model.persist.PersistOutcome;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;

/**
 * irq-pin's irqbalance ban, run by each shell against a fake NAS whose irqbalance is active: the
 * policy script byte for byte as the model writes it (and answering as irqbalance asks it), the
 * environment file exactly as the model edited it, irqbalance restarted only when something
 * changed, a file edited since it was read left alone, and {@code none} giving the file back.
 */
class AgentScriptIrqbalanceTest {

    private static final String ENV = "# irqbalance's settings\nIRQBALANCE_ONESHOT=0\nIRQBALANCE_ARGS=\"--hintpolicy=ignore\"\n";

    static Stream<Shell> shells() {
        return Shell.all();
    }

    private static FakeNas nas(Path dir) {
        FakeNas nas = new FakeNas(dir)
                .toolPrinting("adf_ctl", "status", AgentScriptSnapshotTest.ADF_STATUS)
                .file("sys/devices/system/cpu/online", "0-3\n")
                .file("proc/interrupts", AgentScriptInterruptsTest.INTERRUPTS)
                .file("proc/irq/140/smp_affinity_list", "0-1\n")
                .file("proc/irq/140/effective_affinity_list", "1\n")
                .file("etc/default/irqbalance", ENV)
                .tool("systemctl", "echo \"$*\" >> \"$QATWB_ROOT/systemctl.log\"\n"
                        + "case $1 in is-active) echo active ;; esac\n");
        try {
            Files.createDirectories(nas.path("proc/irq/140/qat_3d:01.00"));
            Files.createDirectories(nas.path("proc/irq/131/qat0-ae-cluster"));
            Files.createDirectories(nas.path("etc/systemd/system/multi-user.target.wants"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return nas;
    }

    private static NasSnapshot snapshot(Shell shell, FakeNas nas) throws Exception {
        return NasSnapshotReader.read(AgentRun.run(shell, nas, args("snapshot", "0")).parse(AgentScriptTestSupport.BOUNDARY));
    }

    private static IrqPinOutcome run(Shell shell, FakeNas nas, AgentCommand.IrqPins cmd) throws Exception {
        AgentRun run = AgentRun.run(shell, nas, cmd.arguments(AgentScriptTestSupport.BOUNDARY), cmd.stdin());
        assertEquals(0, run.exit(), run.stderr());
        return IrqPinOutcome.read(run.parse(AgentScriptTestSupport.BOUNDARY));
    }

    private static List<String> steps(IrqPinOutcome o) {
        return o.steps().stream().map(PersistOutcome.Step::name).toList();
    }

    private static String log(FakeNas nas) throws Exception {
        Path p = nas.path("systemctl.log");
        return Files.exists(p) ? Files.readString(p) : "";
    }

    /** What irqbalance reads from the policy script for one IRQ, run as it runs it: SCRIPT DEVPATH IRQ. */
    private static String policyAnswer(FakeNas nas, String irq) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", nas.path(IrqbalancePolicy.PATH.substring(1)).toString(),
                "/sys/bus/pci/devices/0000:3d:01.0", irq).redirectErrorStream(true);
        pb.environment().put("QATWB_ROOT", nas.root.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return out.strip();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aPinBansItsIrqFromIrqbalanceAndNoneGivesTheFileBack(Shell shell, @TempDir Path dir) throws Exception {
        shell.assumeInstalled();
        FakeNas nas = nas(dir);
        IrqPinPlan plan = IrqPinPlan.of(snapshot(shell, nas), "0000:3d:01.0", 3);
        assertTrue(plan.irqbalance().isPresent(), plan.caution().toString());
        assertTrue(plan.diff().contains("+IRQBALANCE_ARGS=\"--hintpolicy=ignore " + IrqbalancePolicy.ARG + "\""), plan.diff());
        assertTrue(plan.diff().contains("+++ " + IrqbalancePolicy.PATH), plan.diff());

        IrqPinOutcome o = run(shell, nas, new AgentCommand.IrqPins(false, plan.pins(), plan.irqbalance()));
        assertTrue(o.failure().isEmpty(), o.steps().toString());
        assertTrue(steps(o).containsAll(List.of("irqbalance_policy_write", "irqbalance_env_write", "irqbalance_restart")),
                steps(o).toString());
        assertEquals(plan.irqbalance().get().envAfter(), Files.readString(nas.path("etc/default/irqbalance")));
        assertEquals(IrqbalancePolicy.text(plan.pins()), Files.readString(nas.path(IrqbalancePolicy.PATH.substring(1))),
                "the agent's script is the model's, byte for byte");
        assertTrue(Files.isExecutable(nas.path(IrqbalancePolicy.PATH.substring(1))));
        assertTrue(log(nas).contains("restart irqbalance"), log(nas));
        assertTrue(o.kept().irqbalance().banning(), "read back");
        assertEquals("ban=true", policyAnswer(nas, "140"), "the pinned VF's IRQ, found by name");
        assertEquals("", policyAnswer(nas, "131"), "a PF's IRQ is irqbalance's");
        assertEquals("", policyAnswer(nas, "140; reboot"), "not an IRQ number");

        // the same pin again changes nothing, so irqbalance is not restarted
        Files.delete(nas.path("systemctl.log"));
        IrqPinPlan again = IrqPinPlan.of(snapshot(shell, nas), "0000:3d:01.0", 3);
        assertEquals("", again.irqbalance().orElseThrow().diff());
        IrqPinOutcome o2 = run(shell, nas, new AgentCommand.IrqPins(false, again.pins(), again.irqbalance()));
        assertTrue(o2.failure().isEmpty(), o2.steps().toString());
        assertFalse(log(nas).contains("restart irqbalance"), log(nas));

        IrqUnpinPlan unpin = IrqUnpinPlan.of(snapshot(shell, nas), "0000:3d:01.0");
        assertTrue(unpin.pins().isEmpty());
        IrqPinOutcome o3 = run(shell, nas, new AgentCommand.IrqPins(false, unpin.pins(), unpin.irqbalance()));
        assertTrue(o3.failure().isEmpty(), o3.steps().toString());
        assertEquals(ENV, Files.readString(nas.path("etc/default/irqbalance")), "the file as it was, byte for byte");
        assertFalse(Files.exists(nas.path(IrqbalancePolicy.PATH.substring(1))));
        assertTrue(log(nas).contains("restart irqbalance"), log(nas));
        assertFalse(o3.kept().irqbalance().banning());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void anEnvironmentFileEditedSinceItWasReadIsLeftAlone(Shell shell, @TempDir Path dir) throws Exception {
        shell.assumeInstalled();
        FakeNas nas = nas(dir);
        IrqPinPlan plan = IrqPinPlan.of(snapshot(shell, nas), "0000:3d:01.0", 3);
        String edited = ENV + "IRQBALANCE_BANNED_CPULIST=0\n";
        Files.writeString(nas.path("etc/default/irqbalance"), edited);
        IrqPinOutcome o = run(shell, nas, new AgentCommand.IrqPins(false, plan.pins(), plan.irqbalance()));
        PersistOutcome.Step failed = o.failure().orElseThrow();
        assertEquals("irqbalance_env_write", failed.name());
        assertTrue(failed.message().contains("changed since it was read"), failed.message());
        assertEquals(edited, Files.readString(nas.path("etc/default/irqbalance")));
        assertFalse(log(nas).contains("restart irqbalance"), log(nas));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void theIrqbalanceWordsAreCheckedLikeTheRest(Shell shell, @TempDir Path dir) {
        shell.assumeInstalled();
        String sha = "0".repeat(64);
        for (List<String> bad : List.of(List.of("irqbalance", "/etc/passwd", sha, sha, "10", "qat_3d:01.00=3"),
                List.of("irqbalance", "/etc/default/irqbalance", "x", sha, "10", "qat_3d:01.00=3"),
                List.of("irqbalance", "/etc/default/irqbalance", sha, sha, "70000", "qat_3d:01.00=3"),
                List.of("irqbalance", "/etc/default/irqbalance", sha, sha, "10"))) {
            java.util.List<String> args = new java.util.ArrayList<>(args("irq-pin", "0"));
            args.addAll(bad);
            AgentRun run = AgentRun.run(shell, new FakeNas(dir.resolve("n" + bad.hashCode())), args);
            assertEquals(2, run.exit(), bad + ": " + run.stderr());
            assertEquals(0, run.stdout().length, bad.toString());
        }
    }
}
