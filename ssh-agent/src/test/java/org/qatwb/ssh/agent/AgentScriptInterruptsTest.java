package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.ssh.agent.AgentScriptSnapshotTest.args;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.agent.StreamFrameReader;
import org.qatwb.model.agent.StreamTick;
import org.qatwb.model.irq.IrqPin;
import org.qatwb.model.irq.IrqPinOutcome;
import org.qatwb.model.irq.QatInterrupts;
import org.qatwb.model.irq.QatIrq;
import org.qatwb.model.irq.plan.IrqPinPlan;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.irq.IrqPinUnit;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.snapshot.StreamSample;

/** The {@code interrupts} and {@code irq_affinity} items, run by each shell against a fake NAS. */
class AgentScriptInterruptsTest {

    /** Real-shaped: a VF's MSI named as adf_vf_isr.c names it, a PF's AE vector, other drivers' lines. */
    static final String INTERRUPTS = ""
            + "           CPU0       CPU1       CPU2       CPU3       \n"
            + "   0:         35          0          0          0   IO-APIC    2-edge      timer\n"
            + " 131:          0          0          0          2  IR-PCI-MSI 31981568-edge      qat0-ae-cluster\n"
            + " 140:          0      51234          0          0  IR-PCI-MSI 31985664-edge      qat_3d:01.00\n"
            + " 150:    1234567          0          0          0  IR-PCI-MSI 524288-edge      nvme0q0\n"
            + " 151:          1          0          0          0  IR-PCI-MSI 524289-edge      notqat_3d:01.00x\n"
            + " LOC:   12345678    2345678    3456789    4567890   Local timer interrupts\n";

    /** qatwb's unit pinning the VF above to CPU 5. */
    static final String PIN_UNIT = IrqPinUnit.text(List.of(new IrqPin("0000:3d:01.0", 5)));

    static Stream<Shell> shells() {
        return Shell.all();
    }

    private static FakeNas nas(Path dir) {
        return new FakeNas(dir)
                .toolPrinting("adf_ctl", "status", AgentScriptSnapshotTest.ADF_STATUS)
                .file("proc/interrupts", INTERRUPTS)
                .file("proc/irq/140/smp_affinity_list", "0-1\n")
                .file("proc/irq/140/effective_affinity_list", "1\n")
                // a kernel before 4.13: no effective_affinity_list; and a hostile value
                .file("proc/irq/131/smp_affinity_list", "3; rm -rf /\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void onlyQatLinesAndTheirAffinityAreSent(Shell shell, @TempDir Path dir) throws ParseException {
        shell.assumeInstalled();
        AgentRun run = AgentRun.run(shell, nas(dir), args("snapshot", "0"));
        assertEquals(0, run.exit(), run.stderr());
        AgentOutput out = run.parse(AgentScriptTestSupport.BOUNDARY);

        List<String> lines = out.frame("interrupts").orElseThrow().text().lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).strip().startsWith("CPU0"));
        assertTrue(lines.get(1).endsWith("qat0-ae-cluster"));
        assertTrue(lines.get(2).endsWith("qat_3d:01.00"));
        assertEquals("131 - -\n140 0-1 1\n", out.frame("irq_affinity").orElseThrow().text(),
                "a missing file and a value that is not a CPU list are '-'");

        assertEquals(ItemStatus.ABSENT, out.frame("irqbalance").orElseThrow().status(), "no systemctl here");
        QatInterrupts q = NasSnapshotReader.read(out).interrupts().orElseThrow();
        assertTrue(q.irqbalance().isEmpty());
        QatIrq vf = q.byName("qat_3d:01.00").orElseThrow();
        assertEquals(1, vf.effectiveCpu().getAsInt());
        assertEquals("0000:3d:01.0", vf.bsf().orElseThrow());
        assertEquals(51234L, vf.perCpu().get(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void irqPinWritesTheAffinityNowAndTheUnitByteForByteAsTheModel(Shell shell, @TempDir Path dir) throws Exception {
        shell.assumeInstalled();
        FakeNas nas = AgentScriptPersistParamsTest.systemd(dir).toolPrinting("adf_ctl", "status",
                        AgentScriptSnapshotTest.ADF_STATUS)
                .file("proc/interrupts", INTERRUPTS)
                .file("proc/irq/140/smp_affinity_list", "0-1\n")
                .file("proc/irq/140/effective_affinity_list", "1\n");
        Files.createDirectories(nas.path("proc/irq/140/qat_3d:01.00"));
        List<IrqPin> pins = List.of(new IrqPin("0000:3d:01.0", 3), new IrqPin("0000:3d:02.1", 7));
        AgentCommand.IrqPins cmd = new AgentCommand.IrqPins(false, pins);
        AgentRun run = AgentRun.run(shell, nas, cmd.arguments(AgentScriptTestSupport.BOUNDARY));
        assertEquals(0, run.exit(), run.stderr());
        IrqPinOutcome o = IrqPinOutcome.read(run.parse(AgentScriptTestSupport.BOUNDARY));

        assertEquals("3\n", Files.readString(nas.path("proc/irq/140/smp_affinity_list")));
        assertEquals(List.of("irq_write:qat_3d:01.00 ok", "irq_write:qat_3d:02.01 absent", "irq_unit_write ok",
                "daemon_reload ok", "irq_unit_enable ok"),
                o.steps().stream().map(st -> st.name() + " " + st.status().wire()).toList());
        assertTrue(o.failure().isEmpty(), "a VF that is not up is pinned at the next boot: " + o.steps());
        assertEquals(IrqPinUnit.text(pins), Files.readString(nas.path("etc/systemd/system/" + IrqPinUnit.NAME)));
        assertEquals(pins, o.kept().pins());
        assertTrue(o.kept().enabled());

        // none removes the unit
        AgentRun none = AgentRun.run(shell, nas, new AgentCommand.IrqPins(false, List.of())
                .arguments(AgentScriptTestSupport.BOUNDARY));
        assertEquals(0, none.exit(), none.stderr());
        assertFalse(Files.exists(nas.path("etc/systemd/system/" + IrqPinUnit.NAME)));
        assertTrue(IrqPinOutcome.read(none.parse(AgentScriptTestSupport.BOUNDARY)).kept().unitText().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void irqPinRefusesEveryOtherWord(Shell shell, @TempDir Path dir) {
        shell.assumeInstalled();
        for (List<String> bad : List.of(List.<String>of(), List.of("qat_3d:01.00=x"), List.of("qat_3d:1.00=3"),
                List.of("qat_3d:01.00=3;reboot"), List.of("qat_3d:01.00=03"), List.of("qat_3d:01.00=123456"),
                List.of("none", "qat_3d:01.00=3"), List.of("qat_3d:01.00=3", "qat_3d:01.00=4"), List.of("/etc/passwd=1"))) {
            java.util.List<String> args = new java.util.ArrayList<>(args("irq-pin", "0"));
            args.addAll(bad);
            AgentRun run = AgentRun.run(shell, new FakeNas(dir.resolve("n" + bad.hashCode())), args);
            assertEquals(2, run.exit(), bad + ": " + run.stderr());
            assertEquals(0, run.stdout().length, bad.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void irqbalanceIsAskedForItsStateAndAPinPlanCautionsAboutIt(Shell shell, @TempDir Path dir) throws ParseException {
        shell.assumeInstalled();
        FakeNas nas = nas(dir).file("sys/devices/system/cpu/online", "0-3\n")
                .tool("systemctl", "[ \"$*\" = 'is-active irqbalance' ] && echo active");
        NasSnapshot s = NasSnapshotReader.read(AgentRun.run(shell, nas, args("snapshot", "0"))
                .parse(AgentScriptTestSupport.BOUNDARY));
        assertEquals(java.util.Optional.of(true), s.interrupts().orElseThrow().irqbalance());
        String caution = IrqPinPlan.of(s, "0000:3d:01.0", 2).caution().orElseThrow();
        // no environment file for irqbalance's unit here: qatwb does not guess one (AgentScriptIrqbalanceTest bans)
        assertTrue(caution.contains("irqbalance is active but neither /etc/default/irqbalance nor /etc/sysconfig/irqbalance"),
                caution);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void withoutProcInterruptsBothItemsAreAbsent(Shell shell, @TempDir Path dir) throws ParseException {
        shell.assumeInstalled();
        AgentOutput out = AgentRun.run(shell, new FakeNas(dir), args("snapshot", "0")).parse(AgentScriptTestSupport.BOUNDARY);
        assertEquals(ItemStatus.ABSENT, out.frame("interrupts").orElseThrow().status());
        assertEquals(ItemStatus.ABSENT, out.frame("irq_affinity").orElseThrow().status());
        assertTrue(NasSnapshotReader.read(out).interrupts().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void everyStreamTickCarriesTheQatLines(Shell shell, @TempDir Path dir) throws ParseException {
        shell.assumeInstalled();
        AgentRun run = AgentRun.run(shell, nas(dir), args("stream", "0", "100"));
        assertEquals(0, run.exit(), run.stderr());
        List<StreamTick> ticks = new StreamFrameReader(AgentScriptTestSupport.BOUNDARY).feed(run.stdout());
        StreamSample s = StreamSample.read(ticks.get(0));
        assertEquals(List.of("qat0-ae-cluster", "qat_3d:01.00"),
                s.interrupts().orElseThrow().irqs().stream().map(i -> i.name()).toList());
    }
}
