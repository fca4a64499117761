package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.BootCheck;
import org.qatwb.model.apply.FileChange;
import org.qatwb.model.apply.TxId;
import org.qatwb.model.apply.TxState;
import org.qatwb.model.apply.TxStep;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;

/**
 * The boot check under each shell, run as a boot runs it: the stable copy staging left in
 * /var/lib/qatwb, {@code sh agent.sh boot-check - 0}, on a NAS faked in a directory whose adf_ctl
 * keeps the VF down when its conf says ConfigVersion = 3 (the driver's refusal).
 */
class AgentScriptBootCheckTest {

    private static final String B = AgentScriptTestSupport.BOUNDARY;
    private static final String PF = "/etc/c6xx_dev0.conf";
    private static final String VF = "/etc/c6xxvf_dev0.conf";
    private static final byte[] VF_OLD = "[GENERAL]\r\nServicesEnabled = cy;dc\r\nConfigVersion = 2".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PF_OLD = "[GENERAL]\nServicesEnabled = dc\nConfigVersion = 2\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VF_GOOD = "[GENERAL]\nServicesEnabled = dc\nConfigVersion = 2\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VF_REFUSED = "[GENERAL]\nConfigVersion = 3\n".getBytes(StandardCharsets.UTF_8);

    static Stream<Shell> shells() {
        return Shell.all();
    }

    /** The apply tests' NAS, with a restart that records itself and a kernel log that says why the VF is down. */
    private static FakeNas nas(Path dir, Shell shell) throws IOException {
        FakeNas nas = AgentScriptApplyTest.nas(dir, shell);
        String restarts = dir.resolve("restarts").toString();
        nas.tool("dmesg", "grep -q 'ConfigVersion = 3' \"$QATWB_ROOT/etc/c6xxvf_dev0.conf\""
                + " && echo '[   11.500000] c6xxvf 0000:3d:01.0: QAT: Only version 2 config file supported'\n"
                + "echo '[    0.000000] Linux version 6.1.0'");
        Path real = nas.tools.resolve("adf_ctl");
        Files.move(real, nas.tools.resolve(".adf_ctl"));
        nas.tool("adf_ctl", "[ \"$1\" = restart ] && echo restart >> " + ShellQuote.quote(restarts) + "\nexec "
                + ShellQuote.quote(nas.tools.resolve(".adf_ctl").toString()) + " \"$@\"");
        return nas;
    }

    private static ApplyOutcome stage(Shell shell, FakeNas nas, String id, FileChange... changes) throws Exception {
        AgentCommand.Apply apply = new AgentCommand.Apply(false, id, new ApplyPlan(List.of(changes), ApplyMode.STAGE,
                Set.of("0000:3d:00.0", "0000:3d:01.0"), Duration.ofSeconds(120)));
        AgentRun run = AgentRun.run(shell, nas, apply, B); // with the client's go, as a client sends it
        assertEquals(0, run.exit(), run.stderr());
        return ApplyOutcome.read(run.parse(B)).orElseThrow();
    }

    /** {@code sh /var/lib/qatwb/agent.sh boot-check - 0}, as the unit's ExecStart says, under the shell. */
    private static String bootCheck(Shell shell, FakeNas nas) throws Exception {
        Path agent = nas.path("var/lib/qatwb/agent.sh");
        assertTrue(Files.isRegularFile(agent), "staging left the agent's stable copy");
        List<String> cmd = new ArrayList<>(shell.command(List.of()));
        cmd = new ArrayList<>(cmd.subList(0, cmd.size() - 2)); // no '-s --': the script is a file here
        cmd.addAll(List.of(agent.toString(), "boot-check", "-", "0"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.INHERIT);
        pb.environment().clear();
        pb.environment().put("PATH", nas.path());
        pb.environment().put("QATWB_ROOT", nas.root.toString());
        pb.environment().put("TMPDIR", nas.tmp.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the boot check ends");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "the boot check never fails a boot: " + text);
        return text;
    }

    private static String state(FakeNas nas, String id) throws IOException {
        return Files.readString(nas.path("var/lib/qatwb/tx/" + id + "/state")).strip();
    }

    private static ApplyOutcome status(Shell shell, FakeNas nas, String id) throws Exception {
        AgentRun run = AgentRun.run(shell, nas, new AgentCommand.Status(false, id, 0).arguments(B));
        return ApplyOutcome.read(run.parse(B)).orElseThrow();
    }

    private static NasSnapshot snapshot(Shell shell, FakeNas nas) throws Exception {
        AgentRun run = AgentRun.run(shell, nas, new AgentCommand.Snapshot(false).arguments(B));
        assertEquals(0, run.exit(), run.stderr());
        return NasSnapshotReader.read(run.parse(B));
    }

    private static int restarts(Path dir) throws IOException {
        Path f = dir.resolve("restarts");
        return Files.exists(f) ? Files.readAllLines(f).size() : 0;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void stagingArmsTheBootCheckAndABootTheDriverAcceptsEndsBooted(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = nas(dir, shell);
        String id = TxId.next(Instant.now());
        ApplyOutcome o = stage(shell, nas, id, new FileChange(VF, Optional.of(VF_OLD), VF_GOOD));
        assertEquals(TxState.STAGED, o.state(), o.steps().toString());
        assertEquals(TxState.Result.PENDING_BOOT, o.result());
        assertTrue(o.steps().stream().anyMatch(s -> s.name().equals("boot_arm") && s.ok()), o.steps().toString());
        assertEquals(id + "\n", Files.readString(nas.path("var/lib/qatwb/boot/pending")));
        assertArrayEquals(AgentScript.bytes(), Files.readAllBytes(nas.path("var/lib/qatwb/agent.sh")), "the stable copy");
        String unit = Files.readString(nas.path("etc/systemd/system/qatwb-boot-check.service"));
        assertTrue(unit.contains("\nAfter=qat.service\n") && unit.contains("\nBefore=qatwb-zfs-qat.service\n")
                && unit.contains("\nType=oneshot\n") && unit.contains("\nExecStart=/bin/sh /var/lib/qatwb/agent.sh boot-check - 0\n"), unit);
        assertEquals(Path.of("/etc/systemd/system/qatwb-boot-check.service"),
                Files.readSymbolicLink(nas.path("etc/systemd/system/multi-user.target.wants/qatwb-boot-check.service")));
        NasSnapshot before = snapshot(shell, nas);
        assertEquals(List.of(id), before.pendingLayout().orElseThrow().transactions());
        assertEquals("staged", before.pendingLayout().orElseThrow().state());
        assertEquals(List.of(VF), before.pendingLayout().orElseThrow().files());
        assertTrue(before.lastBootCheck().isEmpty());

        String log = bootCheck(shell, nas);
        assertEquals("booted", state(nas, id), log);
        assertArrayEquals(VF_GOOD, Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf")));
        assertEquals(0, restarts(dir), "nothing restarted");
        assertEquals("", Files.readString(nas.path("var/lib/qatwb/boot/pending")), "nothing pending any more");
        List<String> steps = status(shell, nas, id).steps().stream().map(TxStep::name).toList();
        assertEquals(List.of("boot_verify_devices", "boot_verify_devcfg"), steps.subList(steps.size() - 2, steps.size()));
        NasSnapshot after = snapshot(shell, nas);
        assertTrue(after.pendingLayout().isEmpty());
        BootCheck last = after.lastBootCheck().orElseThrow();
        // this fake NAS has no debugfs: the devices are verified, dev_cfg is not
        assertEquals(BootCheck.Outcome.UNVERIFIED, last.outcome(), last.message());
        assertTrue(last.runsNewLayout());
        assertEquals(List.of(id), last.transactions());

        String again = bootCheck(shell, nas);
        assertTrue(again.contains("nothing pending"), again);
        assertEquals(last, snapshot(shell, nas).lastBootCheck().orElseThrow(), "an idle boot keeps the last outcome");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aLayoutTheDriverRefusesAtBootIsRolledBackAndQatRestartedOnTheOldFiles(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = nas(dir, shell);
        String first = TxId.next(Instant.now());
        String second = TxId.next(Instant.now().plusSeconds(1));
        byte[] pfNew = "[GENERAL]\nServicesEnabled = cy\nConfigVersion = 2\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(TxState.STAGED, stage(shell, nas, first, new FileChange(VF, Optional.of(VF_OLD), VF_GOOD),
                new FileChange("/etc/c6xxvf_dev1.conf", Optional.empty(), VF_GOOD)).state());
        assertEquals(TxState.STAGED, stage(shell, nas, second, new FileChange(VF, Optional.of(VF_GOOD), VF_REFUSED),
                new FileChange(PF, Optional.of(PF_OLD), pfNew)).state());
        assertEquals(first + "\n" + second + "\n", Files.readString(nas.path("var/lib/qatwb/boot/pending")));

        String log = bootCheck(shell, nas);
        assertEquals("rolled-back", state(nas, first), log);
        assertEquals("rolled-back", state(nas, second), log);
        // each file as it was before the earliest pending transaction that wrote it: the last configuration that ran
        assertArrayEquals(VF_OLD, Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf")));
        assertArrayEquals(PF_OLD, Files.readAllBytes(nas.path("etc/c6xx_dev0.conf")));
        assertFalse(Files.exists(nas.path("etc/c6xxvf_dev1.conf")), "the file the first one created is gone again");
        assertEquals(1, restarts(dir), "QAT restarted once, on the old files");
        ApplyOutcome s = status(shell, nas, second);
        assertTrue(s.steps().stream().anyMatch(t -> t.name().equals("boot_rollback_files") && t.ok()), s.steps().toString());
        assertTrue(s.steps().stream().anyMatch(t -> t.name().equals("boot_rollback_verify_devices") && t.ok()), s.steps().toString());
        BootCheck last = snapshot(shell, nas).lastBootCheck().orElseThrow();
        assertEquals(BootCheck.Outcome.ROLLED_BACK, last.outcome());
        assertEquals(List.of(first, second), last.transactions());
        assertTrue(last.message().contains("Only version 2 config file supported"), "the driver's words: " + last.message());
        assertEquals("", Files.readString(nas.path("var/lib/qatwb/boot/pending")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aFileSomeoneElseChangedSinceItWasStagedIsNotOverwritten(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = nas(dir, shell);
        String id = TxId.next(Instant.now());
        byte[] pfNew = "[GENERAL]\nServicesEnabled = cy\nConfigVersion = 2\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(TxState.STAGED, stage(shell, nas, id, new FileChange(VF, Optional.of(VF_OLD), VF_REFUSED),
                new FileChange(PF, Optional.of(PF_OLD), pfNew)).state());
        byte[] theirs = "[GENERAL]\n# the administrator's own edit\nServicesEnabled = dc\n".getBytes(StandardCharsets.UTF_8);
        nas.file("etc/c6xx_dev0.conf", theirs);

        String log = bootCheck(shell, nas);
        // the rule of every rollback (tx_restore_files): another writer's file is left, named, and
        // the rollback needs attention: the old configuration is not whole again
        assertEquals("rollback-failed", state(nas, id), log);
        assertArrayEquals(VF_OLD, Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf")), "ours is put back");
        assertArrayEquals(theirs, Files.readAllBytes(nas.path("etc/c6xx_dev0.conf")), "theirs stays");
        ApplyOutcome s = status(shell, nas, id);
        TxStep files = s.steps().stream().filter(t -> t.name().equals("boot_rollback_files")).findFirst().orElseThrow();
        assertTrue(files.text().contains("changed by someone else since this transaction wrote them, left as they are:\n" + PF),
                files.text());
        assertEquals(BootCheck.Outcome.ROLLBACK_FAILED, snapshot(shell, nas).lastBootCheck().orElseThrow().outcome());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void withNothingPendingTheBootCheckChangesNothing(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = nas(dir, shell);
        String id = TxId.next(Instant.now());
        stage(shell, nas, id, new FileChange(VF, Optional.of(VF_OLD), VF_GOOD));
        bootCheck(shell, nas);
        Path etc = nas.path("etc");
        byte[] vf = Files.readAllBytes(etc.resolve("c6xxvf_dev0.conf"));
        String last = Files.readString(nas.path("var/lib/qatwb/boot/last"));
        nas.file("etc/c6xxvf_dev0.conf", VF_REFUSED); // the driver would refuse it: not ours to judge any more

        String log = bootCheck(shell, nas);
        assertTrue(log.contains("nothing pending"), log);
        assertArrayEquals(VF_REFUSED, Files.readAllBytes(etc.resolve("c6xxvf_dev0.conf")));
        assertEquals(last, Files.readString(nas.path("var/lib/qatwb/boot/last")));
        assertEquals("booted", state(nas, id));
        assertEquals(0, restarts(dir));
        assertFalse(java.util.Arrays.equals(vf, VF_REFUSED));
    }
}
