package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.irq.IrqPin;
import org.qatwb.model.irq.IrqPinOutcome;
import org.qatwb.model.persist.InitScript;
import org.qatwb.model.irq.IrqPinInit;
import org.qatwb.model.irq.IrqPinUnit;
import org.qatwb.model.persist.PersistOutcome;

/**
 * irq-pin on TrueNAS, run by each shell: the pins are kept by one POSTINIT init script whose
 * argument is byte for byte the model's ({@link IrqPinInit}), never by a unit; none deletes it.
 */
class AgentScriptIrqPinTrueNasTest {

    static Stream<Shell> shells() {
        return Shell.all();
    }

    /** {@code /etc/version}, and a midclt that logs each argument on a line and answers a query with answer.json. */
    private static FakeNas trueNas(Path dir, String answer) throws Exception {
        Files.writeString(dir.resolve("answer.json"), answer);
        String log = ShellQuote.quote(dir.resolve("midclt.log").toString());
        FakeNas nas = new FakeNas(dir).file("etc/version", "25.04.0\n")
                .toolPrinting("adf_ctl", "status", AgentScriptSnapshotTest.ADF_STATUS)
                .file("proc/interrupts", AgentScriptInterruptsTest.INTERRUPTS)
                .file("proc/irq/140/smp_affinity_list", "0-1\n")
                .tool("systemctl", "exit 0")
                .tool("midclt", "for a in \"$@\"; do printf '%s\\n' \"$a\"; done >> " + log + "\necho -- >> " + log + "\n"
                        + "case $2 in\n"
                        + "  initshutdownscript.query) cat " + ShellQuote.quote(dir.resolve("answer.json").toString()) + " ;;\n"
                        + "  initshutdownscript.create) echo '{\"id\": 5}' ;;\n"
                        + "  initshutdownscript.update) echo \"{\\\"id\\\": $3}\" ;;\n"
                        + "  initshutdownscript.delete) echo true ;;\n"
                        + "esac");
        Files.createDirectories(nas.path("proc/irq/140/qat_3d:01.00"));
        return nas;
    }

    private static IrqPinOutcome run(Shell shell, FakeNas nas, List<IrqPin> pins) throws Exception {
        AgentCommand.IrqPins cmd = new AgentCommand.IrqPins(false, pins);
        AgentRun run = AgentRun.run(shell, nas, cmd.arguments(AgentScriptTestSupport.BOUNDARY), cmd.stdin());
        assertEquals(0, run.exit(), run.stderr());
        return IrqPinOutcome.read(run.parse(AgentScriptTestSupport.BOUNDARY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void thePinsAreKeptByAnInitScriptWithTheModelsExactArgument(Shell shell, @TempDir Path dir) throws Exception {
        shell.assumeInstalled();
        FakeNas nas = trueNas(dir, "[]\n");
        List<IrqPin> pins = List.of(new IrqPin("0000:3d:02.1", 7), new IrqPin("0000:3d:01.0", 3));
        IrqPinOutcome o = run(shell, nas, pins);
        assertTrue(o.failure().isEmpty(), o.steps().toString());
        assertEquals(List.of("irq_write:qat_3d:01.00", "irq_write:qat_3d:02.01", "irq_init_query", "irq_init_create"),
                o.steps().stream().map(PersistOutcome.Step::name).toList());
        String log = Files.readString(dir.resolve("midclt.log"));
        assertTrue(log.contains("call\ninitshutdownscript.create\n" + IrqPinInit.forPins(pins).json() + "\n--\n"), log);
        assertFalse(Files.exists(nas.path("etc/systemd/system/" + IrqPinUnit.NAME)), "no unit on TrueNAS");
        assertEquals("3\n", Files.readString(nas.path("proc/irq/140/smp_affinity_list")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void oursIsReadBackUpdatedAndNoneDeletesEveryOneWithTheComment(Shell shell, @TempDir Path dir) throws Exception {
        shell.assumeInstalled();
        List<IrqPin> pins = List.of(new IrqPin("0000:3d:01.0", 3));
        String ours = IrqPinInit.forPins(pins).json();
        FakeNas nas = trueNas(dir, "[" + ours.replace("{", "{\"id\": 4, ") + ", " + ours.replace("{", "{\"id\": 9, ") + "]\n");
        IrqPinOutcome o = run(shell, nas, List.of(new IrqPin("0000:3d:01.0", 2)));
        assertEquals(List.of("irq_write:qat_3d:01.00", "irq_init_query", "irq_init_update", "irq_init_delete:9"),
                o.steps().stream().map(PersistOutcome.Step::name).toList());
        assertTrue(o.kept().trueNas() && o.kept().foreign(), "two entries with our comment are not ours as they are");

        Files.writeString(dir.resolve("answer.json"), "[" + ours.replace("{", "{\"id\": 4, ") + "]\n");
        IrqPinOutcome read = run(shell, nas, List.of());
        assertEquals(pins, read.kept().pins(), "the one entry read back (the fake's answer does not change)");
        assertEquals(List.of("irq_init_query", "irq_init_delete:4"), read.steps().stream().map(PersistOutcome.Step::name).toList());
        assertEquals(1, InitScript.parseQuery(Files.readString(dir.resolve("answer.json"))).size());
    }
}
