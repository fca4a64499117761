package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.FileChange;
import org.qatwb.model.apply.TxHistory;
import org.qatwb.model.apply.TxId;
import org.qatwb.model.apply.TxRecord;
import org.qatwb.model.apply.TxState;
import org.qatwb.ssh.testing.Poll;

/**
 * The transaction commands under each shell, on a NAS faked in a directory without systemd (the
 * worker and the timer are setsid processes, under the same shell): staging writes the bytes exactly
 * and never runs them, a restart is verified and waits for its confirm, the timer rolls back, a
 * file changed since the snapshot is refused, history and restore.
 */
class AgentScriptApplyTest {

    private static final String B = AgentScriptTestSupport.BOUNDARY;
    private static final String PF = "/etc/c6xx_dev0.conf";
    private static final String VF = "/etc/c6xxvf_dev0.conf";
    private static final byte[] PF_OLD = "[GENERAL]\nServicesEnabled = dc\nConfigVersion = 2\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VF_OLD = "[GENERAL]\r\nServicesEnabled = cy;dc\r\nConfigVersion = 2".getBytes(StandardCharsets.UTF_8);

    static Stream<Shell> shells() {
        return Shell.all();
    }

    /**
     * A NAS with one PF and one VF and their conf files (the VF's mode 0640), ZFS parameters, and an
     * adf_ctl whose VF stays down when its conf says ConfigVersion = 3 (the driver's refusal).
     */
    static FakeNas nas(Path dir, Shell shell) throws IOException {
        FakeNas nas = new FakeNas(dir).withShell(shell)
                .file("etc/c6xx_dev0.conf", PF_OLD).file("etc/c6xxvf_dev0.conf", VF_OLD)
                .file("sys/module/zfs/parameters/zfs_qat_compress_disable", "0\n")
                .file("proc/spl/kstat/zfs/qat", "19 1 0x01 17 4624 1 2\nname type data\n")
                .tool("adf_ctl", "vf=up\n"
                        + "grep -q 'ConfigVersion = 3' \"$QATWB_ROOT/etc/c6xxvf_dev0.conf\" && vf=down\n"
                        + "case $1 in\n"
                        + "  status) echo 'There is 2 QAT acceleration device(s) in the system:'\n"
                        + "    echo ' qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:00.0,  #accel: 5 #engines: 10 state: up'\n"
                        + "    echo \" qat_dev1 - type: c6xxvf,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:01.0,  #accel: 1 #engines: 1 state: $vf\" ;;\n"
                        + "  restart) echo 'Restarting all devices.'\n"
                        + "    if [ $vf = down ]; then echo 'QAT Error: Only version 2 config file supported' >&2; exit 1; fi ;;\n"
                        + "esac");
        Files.setPosixFilePermissions(nas.path("etc/c6xxvf_dev0.conf"), PosixFilePermissions.fromString("rw-r-----"));
        return nas;
    }

    private static ApplyOutcome run(Shell shell, FakeNas nas, AgentCommand command) throws Exception {
        AgentRun run = AgentRun.run(shell, nas, command, B);
        assertEquals(0, run.exit(), run.stderr());
        return ApplyOutcome.read(run.parse(B)).orElseThrow();
    }

    private static ApplyPlan plan(ApplyMode mode, Duration confirm, FileChange... changes) {
        return new ApplyPlan(List.of(changes), mode, Set.of("0000:3d:00.0", "0000:3d:01.0"), confirm);
    }

    private static String id() {
        return TxId.next(Instant.now());
    }

    private static Path tx(FakeNas nas, String id) {
        return nas.path("var/lib/qatwb/tx/" + id);
    }

    private static String state(FakeNas nas, String id) {
        try {
            return Files.readString(tx(nas, id).resolve("state")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Bytes no shell may read as code: every byte value, here-document ends, substitutions, quotes, no final newline. */
    static byte[] hostile(Path marker) {
        List<Byte> b = new ArrayList<>();
        String text = "[GENERAL]\nQATWB_END_OF_DATA\nQATWB_END_OF_DATA\n;\n$(touch " + marker + ")\n`touch " + marker + "`\n"
                + "'\"\\\n*\n${x:=$(touch " + marker + ")}\n\r\n" + "EOF\n" + B + "\n@@" + B + " done\n";
        for (byte x : text.getBytes(StandardCharsets.UTF_8)) {
            b.add(x);
        }
        for (int i = 0; i < 256; i++) {
            b.add((byte) i);
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void stagingWritesEveryByteAndRunsNone(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = nas(dir, shell);
        Path marker = dir.resolve("PWNED");
        byte[] vf = hostile(marker);
        byte[] fresh = "a new VF\n".getBytes(StandardCharsets.UTF_8);
        String id = id();
        ApplyOutcome o = run(shell, nas, new AgentCommand.Apply(false, id, plan(ApplyMode.STAGE, Duration.ofSeconds(120),
                new FileChange(VF, Optional.of(VF_OLD), vf), new FileChange(PF, Optional.of(PF_OLD), PF_OLD),
                new FileChange("/etc/c6xxvf_dev1.conf", Optional.empty(), fresh))));
        assertEquals(TxState.STAGED, o.state(), o.steps().toString());
        assertArrayEquals(vf, Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf")));
        assertArrayEquals(PF_OLD, Files.readAllBytes(nas.path("etc/c6xx_dev0.conf")));
        assertArrayEquals(fresh, Files.readAllBytes(nas.path("etc/c6xxvf_dev1.conf")));
        assertFalse(Files.exists(marker), "a file's bytes ran as code");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(nas.path("etc/c6xxvf_dev0.conf"))),
                "the replaced file keeps its mode");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(nas.path("etc/c6xxvf_dev1.conf"))));
        assertArrayEquals(VF_OLD, Files.readAllBytes(tx(nas, id).resolve("old/c6xxvf_dev0.conf")), "the backup");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tx(nas, id).resolve("old"))),
                "the backups are root's");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(tx(nas, id).resolve("state"))),
                "the state is anyone's to read: a waiting exec polls it without sudo");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(tx(nas, id))));
        assertArrayEquals(vf, Files.readAllBytes(tx(nas, id).resolve("new/c6xxvf_dev0.conf")));
        try (Stream<Path> etc = Files.list(nas.path("etc"))) {
            assertEquals(List.of(), etc.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
                    "no temporary file left");
        }
        assertEquals(List.of("write", "keep", "write"), o.tx().files().stream()
                .map(f -> f.action().name().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aRestartIsVerifiedAndStaysOnceConfirmed(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = nas(dir, shell);
        byte[] vf = "[GENERAL]\nServicesEnabled = dc\nConfigVersion = 2\n".getBytes(StandardCharsets.UTF_8);
        String id = id();
        ApplyOutcome o = run(shell, nas, new AgentCommand.Apply(false, id, plan(ApplyMode.RESTART, Duration.ofSeconds(60),
                new FileChange(VF, Optional.of(VF_OLD), vf))));
        assertEquals(TxState.AWAITING_CONFIRM, o.state(), o.steps().toString());
        // the rollback timer is armed before anything changes: a worker that dies after it is rolled back
        assertEquals(List.of("check_space", "check_before", "backup", "stage", "go", "arm_timer", "commit", "params_off",
                "restart", "verify_devices", "verify_kstat",
                "verify_devcfg", "params_restore"), o.steps().stream().map(s -> s.name()).toList());
        assertEquals("0\n", Files.readString(nas.path("sys/module/zfs/parameters/zfs_qat_compress_disable")),
                "the parameter is back as it was");
        assertTrue(runningFor(id), "the timer process waits");
        ApplyOutcome c = run(shell, nas, AgentCommand.TxCommand.confirm(false, id));
        assertEquals(TxState.CONFIRMED, c.state(), c.steps().toString());
        assertTrue(Poll.until(Duration.ofSeconds(30), () -> !runningFor(id)), "the timer process ends after the confirm");
        assertArrayEquals(vf, Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf")));
        ApplyOutcome again = run(shell, nas, AgentCommand.TxCommand.confirm(false, id));
        assertEquals(TxState.CONFIRMED, again.state());
        assertEquals("nothing to confirm: the transaction is confirmed", again.failure().orElseThrow().text().strip());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void withoutTheConfirmTheTimerRollsBackAndRestarts(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = nas(dir, shell);
        String id = id();
        ApplyOutcome o = run(shell, nas, new AgentCommand.Apply(false, id, plan(ApplyMode.RESTART, Duration.ofSeconds(1),
                new FileChange(VF, Optional.of(VF_OLD), "[GENERAL]\n".getBytes(StandardCharsets.UTF_8)))));
        // the timer is armed before the commit: on a slow machine its second may pass before the worker is done
        assertTrue(o.state() == TxState.AWAITING_CONFIRM || o.state() == TxState.ROLLED_BACK, o.steps().toString());
        assertTrue(Poll.until(Duration.ofSeconds(60), () -> state(nas, id).equals("rolled-back")), state(nas, id));
        assertArrayEquals(VF_OLD, Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf")));
        ApplyOutcome late = run(shell, nas, new AgentCommand.Status(false, id, 0));
        assertEquals(List.of("expired", "rollback_files", "rollback_params_off", "rollback_restart", "rollback_verify_devices",
                "rollback_verify_kstat", "rollback_verify_devcfg", "rollback_params_restore"), late.steps().stream().map(s -> s.name())
                .dropWhile(n -> !n.equals("expired")).toList());
    }

    /** A client that closes stdin without its go (it went away): nothing is written, the lock is free. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void withoutTheGoNothingIsWritten(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = nas(dir, shell);
        AgentCommand.Apply apply = new AgentCommand.Apply(false, id(), plan(ApplyMode.STAGE, Duration.ofSeconds(60),
                new FileChange(VF, Optional.of(VF_OLD), "[GENERAL]\n".getBytes(StandardCharsets.UTF_8))));
        AgentRun run = AgentRun.run(shell, nas, apply.arguments(B), apply.stdin());
        assertCancelled(nas, run, "the client went away before it said go: nothing was changed");
    }

    /** A client that keeps the connection but never says go: the watchdog cancels (its bound shortened here). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void noGoWithinItsBoundCancels(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = nas(dir, shell);
        AgentCommand.Apply apply = new AgentCommand.Apply(false, id(), plan(ApplyMode.STAGE, Duration.ofSeconds(60),
                new FileChange(VF, Optional.of(VF_OLD), "[GENERAL]\n".getBytes(StandardCharsets.UTF_8))));
        String script = new String(apply.stdin(), StandardCharsets.ISO_8859_1);
        String shortened = script.replace("\nTX_GO_WAIT=120 ", "\nTX_GO_WAIT=1 ");
        assertFalse(script.equals(shortened), "the bound is where this test looks for it");
        AgentRun run = AgentRun.runHoldingStdin(shell, nas, apply.arguments(B), shortened.getBytes(StandardCharsets.ISO_8859_1));
        assertCancelled(nas, run, "no go from the client within 1 s: nothing was changed");
    }

    private static void assertCancelled(FakeNas nas, AgentRun run, String why) throws Exception {
        assertEquals(0, run.exit(), run.stderr());
        ApplyOutcome o = ApplyOutcome.read(run.parse(B)).orElseThrow();
        assertEquals(TxState.REFUSED, o.state(), o.steps().toString());
        assertEquals(List.of("check_space", "check_before", "backup", "stage", "cancelled"),
                o.steps().stream().map(s -> s.name()).toList());
        assertEquals(why, o.steps().get(4).text().strip());
        assertArrayEquals(VF_OLD, Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf")));
        try (Stream<Path> etc = Files.list(nas.path("etc"))) {
            assertEquals(List.of(), etc.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".qatwb.")).toList());
        }
        assertFalse(Files.exists(nas.path("var/lib/qatwb/lock")), "the lock is released");
    }

    /** With SUDO 1 the writes, the worker and the restart go through sudo -n, by the tools' paths. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void withSudoEveryPrivilegedStepGoesThroughSudo(Shell shell, @TempDir Path dir) throws Exception {
        Path log = dir.resolve("sudo.log");
        FakeNas nas = nas(dir, shell).tool("sudo", "[ \"$1\" = -n ] || exit 9\nshift\necho \"$1\" >> "
                + ShellQuote.quote(log.toString()) + "\nexec \"$@\"");
        byte[] vf = "[GENERAL]\nsudo\n".getBytes(StandardCharsets.UTF_8);
        String id = id();
        AgentCommand.Apply apply = new AgentCommand.Apply(true, id, plan(ApplyMode.RESTART, Duration.ofSeconds(60),
                new FileChange(VF, Optional.of(VF_OLD), vf)));
        AgentRun run = AgentRun.run(shell, nas, apply, B);
        assertEquals(0, run.exit(), run.stderr());
        ApplyOutcome o = ApplyOutcome.read(run.parse(B)).orElseThrow();
        assertEquals(TxState.AWAITING_CONFIRM, o.state(), o.steps().toString());
        assertArrayEquals(vf, Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf")));
        List<String> tools = Files.readAllLines(log).stream().map(l -> l.substring(l.lastIndexOf('/') + 1)).distinct().toList();
        for (String t : List.of("true", "mkdir", "cp", "mktemp", "tee", "sha256sum", "setsid")) {
            assertTrue(tools.contains(t), t + " through sudo: " + tools);
        }
        // by path, so sudo's secure_path does not decide which binary runs (the shell's builtins have none)
        assertTrue(Files.readAllLines(log).stream().filter(l -> !l.equals("true") && !l.equals("test"))
                .allMatch(l -> l.startsWith("/")), Files.readAllLines(log).toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aFileTheDriverRefusesRollsBackAtOnce(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = nas(dir, shell);
        ApplyOutcome o = run(shell, nas, new AgentCommand.Apply(false, id(), plan(ApplyMode.RESTART, Duration.ofSeconds(120),
                new FileChange(VF, Optional.of(VF_OLD), "[GENERAL]\nConfigVersion = 3\n".getBytes(StandardCharsets.UTF_8)))));
        assertEquals(TxState.ROLLED_BACK, o.state(), o.steps().toString());
        assertEquals("restart", o.failure().orElseThrow().name());
        assertTrue(o.failure().orElseThrow().text().contains("Only version 2 config file supported"));
        assertArrayEquals(VF_OLD, Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aFileChangedSinceTheSnapshotIsRefusedAndNothingIsWritten(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = nas(dir, shell);
        byte[] edited = "[GENERAL]\n# someone else\n".getBytes(StandardCharsets.UTF_8);
        nas.file("etc/c6xx_dev0.conf", edited);
        ApplyOutcome o = run(shell, nas, new AgentCommand.Apply(false, id(), plan(ApplyMode.STAGE, Duration.ofSeconds(120),
                new FileChange(VF, Optional.of(VF_OLD), "x\n".getBytes(StandardCharsets.UTF_8)),
                new FileChange(PF, Optional.of(PF_OLD), "y\n".getBytes(StandardCharsets.UTF_8)))));
        assertEquals(TxState.REFUSED, o.state());
        assertEquals("/etc/c6xx_dev0.conf: changed since the snapshot", o.failure().orElseThrow().text().strip());
        assertArrayEquals(VF_OLD, Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf")));
        assertArrayEquals(edited, Files.readAllBytes(nas.path("etc/c6xx_dev0.conf")));
        assertFalse(Files.exists(nas.path("var/lib/qatwb/lock"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void historyListsTheTransactionsAndRestorePutsTheOldFilesBack(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = nas(dir, shell);
        byte[] vf = "[GENERAL]\nnew\n".getBytes(StandardCharsets.UTF_8);
        String first = id();
        run(shell, nas, new AgentCommand.Apply(false, first, plan(ApplyMode.STAGE, Duration.ofSeconds(120),
                new FileChange(VF, Optional.of(VF_OLD), vf),
                new FileChange("/etc/c6xxvf_dev1.conf", Optional.empty(), vf))));
        String undo = TxId.next(Instant.now().plusSeconds(1));
        ApplyOutcome r = run(shell, nas, new AgentCommand.Restore(false, first, org.qatwb.model.apply.RestorePoint.BEFORE, undo,
                ApplyMode.STAGE, Duration.ofSeconds(120)));
        assertEquals(TxState.STAGED, r.state(), r.steps().toString());
        assertArrayEquals(VF_OLD, Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf")));
        assertFalse(Files.exists(nas.path("etc/c6xxvf_dev1.conf")), "the file the first one made is gone again");
        assertArrayEquals(vf, Files.readAllBytes(tx(nas, undo).resolve("old/c6xxvf_dev1.conf")), "and kept as a backup");
        AgentRun h = AgentRun.run(shell, nas, new AgentCommand.History(false).arguments(B));
        List<TxRecord> history = TxHistory.read(h.parse(B));
        assertEquals(List.of(undo, first), history.stream().map(TxRecord::id).toList());
        assertEquals(new TxRecord.Restore(first, org.qatwb.model.apply.RestorePoint.BEFORE), history.get(0).restoreOf().orElseThrow());
    }

    /** Whether a process of the transaction runs: the worker's command line names it, and so does its timer's. */
    private static boolean runningFor(String id) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("[0-9]+"))
                    .anyMatch(p -> readQuietly(p.resolve("cmdline")).contains(id));
        } catch (IOException e) {
            return false;
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
