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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.FileChange;
import org.qatwb.model.apply.PristineFile;
import org.qatwb.model.apply.Sha256;
import org.qatwb.model.apply.TxHistory;
import org.qatwb.model.apply.TxId;
import org.qatwb.model.apply.TxState;

/**
 * What keeps a transaction from losing data, under each shell on a NAS faked in a directory (no
 * systemd: the worker is a setsid process): the lock is taken by one party only, a worker killed
 * mid-commit is undone by the next agent run, abort and unlock, the first backups, pruning in the
 * NAS's order, and no temporary file outliving its transaction.
 */
class AgentScriptTxSafetyTest {

    private static final String B = AgentScriptTestSupport.BOUNDARY;
    private static final String VF = "/etc/c6xxvf_dev0.conf";

    static Stream<Shell> shells() {
        return Shell.all();
    }

    private static ApplyOutcome run(Shell shell, FakeNas nas, AgentCommand command) throws Exception {
        AgentRun run = AgentRun.run(shell, nas, command, B); // apply's go sent as a client sends it
        assertEquals(0, run.exit(), run.stderr());
        return ApplyOutcome.read(run.parse(B)).orElseThrow();
    }

    private static ApplyPlan plan(ApplyMode mode, Duration confirm, List<FileChange> changes) {
        return new ApplyPlan(changes, mode, Set.of("0000:3d:00.0", "0000:3d:01.0"), confirm);
    }

    private static ApplyPlan plan(ApplyMode mode, Duration confirm, FileChange... changes) {
        return plan(mode, confirm, List.of(changes));
    }

    private static Path tx(FakeNas nas, String id) {
        return nas.path("var/lib/qatwb/tx/" + id);
    }

    private static String state(FakeNas nas, String id) throws IOException {
        return Files.readString(tx(nas, id).resolve("state")).strip();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A fake transaction's directory, as the agent leaves one. */
    private static void fakeTx(FakeNas nas, String id, String state, Integer seq, String manifest) {
        String d = "var/lib/qatwb/tx/" + id + "/";
        nas.file(d + "state", state + "\n").file(d + "plan", "mode stage\ntimeout 120\nexpected -\nrunner setsid\nsource apply\n")
                .file(d + "manifest", manifest + "\n");
        if (seq != null) {
            nas.file(d + "seq", seq + "\n");
        }
    }

    // ---- the lock -----------------------------------------------------------------------------

    /**
     * Many pairs of processes race for the lock, against an older agent's stale directory lock (its
     * holder final) and against no lock: exactly one of each pair holds it, and the lock names it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void twoRacersNeverBothHoldTheLock(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = AgentScriptApplyTest.nas(dir, shell);
        // the agent with a main that only takes the lock as apply does (its directory, prepared,
        // first): 'held ID' or 'refused ...'
        byte[] racer = AgentScript.withData(bytes("main() { SUDO=0; tx_set \"$1\"; mkdir \"$TXD\"; echo $$ > \"$TXD/pid\"; tx_state prepared; "
                + "if tx_lock; then echo \"held $1\"; else echo \"refused $LOCK_MSG\"; fi; }\n"));
        Path lock = nas.path("var/lib/qatwb/lock");
        int pairs = 60;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            deleteLock(lock);
            String stale = String.format("20260101T0000%02dZ-0000%04x", i % 60, i);
            if (i % 2 == 0) {
                fakeTx(nas, stale, "confirmed", null, "1 " + VF + " - - keep");
                nas.file("var/lib/qatwb/lock/holder", stale + "\n");
            } else {
                Files.createDirectories(lock.getParent().resolve("tx"));
            }
            String a = String.format("20261207T0700%02dZ-aaaa%04x", i % 60, i);
            String b = String.format("20261207T0700%02dZ-bbbb%04x", i % 60, i);
            Process pa = AgentRun.builder(shell, nas, List.of(a)).start();
            Process pb = AgentRun.builder(shell, nas, List.of(b)).start();
            CompletableFuture<byte[]> oa = AgentRun.drain(pa.getInputStream());
            CompletableFuture<byte[]> ob = AgentRun.drain(pb.getInputStream());
            AgentRun.drain(pa.getErrorStream());
            AgentRun.drain(pb.getErrorStream());
            for (Process p : List.of(pa, pb)) {
                try (var in = p.getOutputStream()) {
                    in.write(racer);
                }
            }
            assertTrue(pa.waitFor(20, TimeUnit.SECONDS) && pb.waitFor(20, TimeUnit.SECONDS), "a racer hangs");
            String ra = new String(oa.get(), StandardCharsets.UTF_8).strip();
            String rb = new String(ob.get(), StandardCharsets.UTF_8).strip();
            List<String> held = Stream.of(ra, rb).filter(r -> r.startsWith("held ")).map(r -> r.substring(5)).toList();
            String holder = Files.isSymbolicLink(lock) ? Files.readSymbolicLink(lock).toString()
                    : Files.exists(lock.resolve("holder")) ? Files.readString(lock.resolve("holder")).strip() : "(nothing)";
            if (held.size() != 1 || !held.get(0).equals(holder)) {
                failures.add("pair " + i + (i % 2 == 0 ? " (stale lock)" : " (no lock)") + ": " + ra + " / " + rb
                        + "; the lock names " + holder);
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + pairs + " pairs");
    }

    private static void deleteLock(Path lock) throws IOException {
        if (Files.isSymbolicLink(lock)) {
            Files.delete(lock);
        } else if (Files.isDirectory(lock)) {
            try (Stream<Path> f = Files.list(lock)) {
                for (Path p : f.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(lock);
        }
    }

    // ---- a worker killed mid-commit -------------------------------------------------------------

    /**
     * The eighth rename of the commit kills the worker (and the exec waiting for it), as the OOM
     * killer or a kill -9 would: the next agent run finds its runner gone, puts back exactly the
     * seven files it renamed, drops the temporary files, and releases the lock.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aWorkerKilledMidCommitIsUndoneByTheNextRun(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = AgentScriptApplyTest.nas(dir, shell);
        String id = TxId.next(Instant.now());
        List<FileChange> changes = killAtTheEighthRename(nas, dir, id, "*" + id + "*");
        AgentCommand.Apply apply = new AgentCommand.Apply(false, id, plan(ApplyMode.STAGE, Duration.ofSeconds(120), changes));
        AgentRun killed = AgentRun.run(shell, nas, apply, B);
        assertTrue(killed.exit() != 0, "the exec was killed with the worker");
        assertEquals("committing", state(nas, id));
        assertEquals(8, Integer.parseInt(Files.readString(dir.resolve("renames")).strip()), "killed at the 8th rename");

        ApplyOutcome after = run(shell, nas, new AgentCommand.Status(false, id, 0));
        assertUndone(nas, after, changes);
        // and the NAS takes the next apply
        ApplyOutcome next = run(shell, nas, new AgentCommand.Apply(false, TxId.next(Instant.now().plusSeconds(1)),
                plan(ApplyMode.STAGE, Duration.ofSeconds(120), changes.get(0))));
        assertEquals(TxState.STAGED, next.state(), next.steps().toString());
    }

    /** Only the worker is killed: the exec waiting for it sees its runner gone and undoes it at once. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aWorkerKilledMidCommitIsUndoneByTheExecWaitingForIt(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = AgentScriptApplyTest.nas(dir, shell);
        String id = TxId.next(Instant.now());
        List<FileChange> changes = killAtTheEighthRename(nas, dir, id, "*tx-run*" + id + "*");
        ApplyOutcome o = run(shell, nas, new AgentCommand.Apply(false, id, plan(ApplyMode.STAGE, Duration.ofSeconds(120), changes)));
        assertUndone(nas, o, changes);
    }

    /**
     * Twelve files to write, and an mv that counts the commit's renames (a temporary file into etc):
     * the 8th kills every process whose command line matches {@code victims} (a case pattern).
     */
    private static List<FileChange> killAtTheEighthRename(FakeNas nas, Path dir, String id, String victims) {
        Path count = dir.resolve("renames");
        nas.tool("mv", "case \"$*\" in *\"$QATWB_ROOT/etc/.qatwb.\"*)\n"
                + "  n=$(($(cat " + count + " 2>/dev/null || echo 0) + 1)); echo $n > " + count + "\n"
                + "  if [ $n -eq 8 ]; then\n"
                + "    for d in /proc/[0-9]*; do\n"
                + "      [ \"${d#/proc/}\" = $$ ] && continue\n"
                + "      case $(tr '\\0' ' ' <$d/cmdline 2>/dev/null) in " + victims + ") kill -9 \"${d#/proc/}\" ;; esac\n"
                + "    done\n"
                + "    exit 1\n"
                + "  fi ;;\n"
                + "esac\n"
                + "exec " + realTool("mv") + " \"$@\"");
        List<FileChange> changes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] old = bytes("[GENERAL]\nServicesEnabled = dc\n# old " + i + "\n");
            nas.file("etc/c6xxvf_dev" + i + ".conf", old);
            changes.add(new FileChange("/etc/c6xxvf_dev" + i + ".conf", Optional.of(old), bytes("[GENERAL]\n# new " + i + "\n")));
        }
        return changes;
    }

    /** The old set complete, the seven renames undone, no temporary file, the lock free. */
    private static void assertUndone(FakeNas nas, ApplyOutcome o, List<FileChange> changes) throws IOException {
        assertEquals(TxState.ROLLED_BACK, o.state(), o.steps().toString());
        for (FileChange c : changes) {
            assertArrayEquals(c.before().orElseThrow(), Files.readAllBytes(nas.root.resolve(c.path().substring(1))), c.path());
        }
        assertTrue(o.steps().stream().anyMatch(s -> s.name().equals("recover")), o.steps().toString());
        assertTrue(o.steps().stream().anyMatch(s -> s.name().equals("rollback_files") && s.text().contains("7 files restored")),
                o.steps().toString());
        assertFalse(Files.exists(nas.path("var/lib/qatwb/lock"), java.nio.file.LinkOption.NOFOLLOW_LINKS), "the lock is released");
        try (Stream<Path> etc = Files.list(nas.path("etc"))) {
            assertEquals(List.of(), etc.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
                    "no temporary file left");
        }
    }

    private static String realTool(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name).toString();
            }
        }
        throw new IllegalStateException(name);
    }

    // ---- abort and unlock -------------------------------------------------------------------

    /**
     * Abort of a restart awaiting its confirm rolls back now; a file someone else changed after the
     * transaction wrote it is left as it is, named, and the rollback needs attention.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void abortRollsBackButNeverOverAnotherWritersFile(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = AgentScriptApplyTest.nas(dir, shell);
        byte[] pfOld = Files.readAllBytes(nas.path("etc/c6xx_dev0.conf"));
        byte[] vfOld = Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf"));
        String id = TxId.next(Instant.now());
        ApplyOutcome o = run(shell, nas, new AgentCommand.Apply(false, id, plan(ApplyMode.RESTART, Duration.ofSeconds(300),
                new FileChange("/etc/c6xx_dev0.conf", Optional.of(pfOld), bytes("[GENERAL]\n# pf new\n")),
                new FileChange(VF, Optional.of(vfOld), bytes("[GENERAL]\nServicesEnabled = dc\nConfigVersion = 2\n")))));
        assertEquals(TxState.AWAITING_CONFIRM, o.state(), o.steps().toString());
        byte[] theirs = bytes("[GENERAL]\n# edited by hand after the apply\n");
        nas.file("etc/c6xx_dev0.conf", theirs);

        ApplyOutcome a = run(shell, nas, AgentCommand.TxCommand.abort(false, id));
        assertEquals(TxState.ROLLBACK_FAILED, a.state(), a.steps().toString());
        assertArrayEquals(theirs, Files.readAllBytes(nas.path("etc/c6xx_dev0.conf")), "the other writer's bytes stay");
        assertArrayEquals(vfOld, Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf")), "what the transaction wrote goes back");
        String rollback = a.steps().stream().filter(s -> s.name().equals("rollback_files")).findFirst().orElseThrow().text();
        assertTrue(rollback.contains("/etc/c6xx_dev0.conf") && rollback.contains("changed by someone else"), rollback);
        assertFalse(Files.exists(nas.path("var/lib/qatwb/lock"), java.nio.file.LinkOption.NOFOLLOW_LINKS));

        ApplyOutcome again = run(shell, nas, AgentCommand.TxCommand.abort(false, id));
        assertEquals("nothing to abort: the transaction is rollback-failed", again.failure().orElseThrow().text().strip());
    }

    /** A staged (or deferred) transaction: abort puts its files back and takes it off the boot's list. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void abortOfAStagedTransactionPutsItsFilesBack(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = AgentScriptApplyTest.nas(dir, shell);
        byte[] vfOld = Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf"));
        String id = TxId.next(Instant.now());
        ApplyOutcome o = run(shell, nas, new AgentCommand.Apply(false, id, plan(ApplyMode.STAGE, Duration.ofSeconds(120),
                new FileChange(VF, Optional.of(vfOld), bytes("[GENERAL]\n# staged\n")),
                new FileChange("/etc/c6xxvf_dev7.conf", Optional.empty(), bytes("[GENERAL]\n# new file\n")))));
        assertEquals(TxState.STAGED, o.state(), o.steps().toString());
        assertEquals(id + "\n", Files.readString(nas.path("var/lib/qatwb/boot/pending")), "staging armed the boot check");
        // an older transaction pending before it, which the abort must leave on the list
        nas.file("var/lib/qatwb/boot/pending", "20250101T000000Z-00000001\n" + id + "\n");

        AgentRun run = AgentRun.run(shell, nas, AgentCommand.TxCommand.abort(false, id).arguments(B), AgentCommand.TxCommand.abort(false, id).stdin());
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("rolled-back", state(nas, id), new String(run.stdout(), StandardCharsets.UTF_8));
        assertArrayEquals(vfOld, Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf")));
        assertFalse(Files.exists(nas.path("etc/c6xxvf_dev7.conf")), "the file it made is gone");
        assertEquals("20250101T000000Z-00000001\n", Files.readString(nas.path("var/lib/qatwb/boot/pending")));
        assertFalse(Files.exists(nas.path("var/lib/qatwb/lock"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * Unlock: refused, nothing changed, while the holder's process runs (this test's JVM) or it
     * awaits its confirm; a holder whose process is gone is recovered and the lock released.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void unlockIsRefusedWhileTheHolderRunsAndRecoversOneThatIsGone(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = AgentScriptApplyTest.nas(dir, shell);
        String boot = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
        String id = "20261207T070000Z-0000abcd";
        fakeTx(nas, id, "committing", 1, "1 " + VF + " - - keep");
        nas.file("var/lib/qatwb/tx/" + id + "/process", ProcessHandle.current().pid() + " " + boot + "\n");
        Path lock = nas.path("var/lib/qatwb/lock");
        Files.createSymbolicLink(lock, Path.of(id));

        ApplyOutcome alive = run(shell, nas, AgentCommand.TxCommand.unlock(false, id));
        assertTrue(alive.failure().orElseThrow().text().contains("its process runs on this boot"), alive.steps().toString());
        assertEquals(Path.of(id), Files.readSymbolicLink(lock), "the lock stays");
        assertEquals("committing", state(nas, id));

        nas.file("var/lib/qatwb/tx/" + id + "/state", "awaiting-confirm\n");
        ApplyOutcome waiting = run(shell, nas, AgentCommand.TxCommand.unlock(false, id));
        assertTrue(waiting.failure().orElseThrow().text().contains("use --abort"), waiting.steps().toString());
        assertEquals(Path.of(id), Files.readSymbolicLink(lock));

        nas.file("var/lib/qatwb/tx/" + id + "/state", "committing\n");
        nas.file("var/lib/qatwb/tx/" + id + "/process", "4194304 " + boot + "\n"); // no such process
        ApplyOutcome gone = run(shell, nas, AgentCommand.TxCommand.unlock(false, id));
        assertEquals(TxState.ROLLED_BACK, gone.state(), gone.steps().toString());
        assertFalse(Files.exists(lock, java.nio.file.LinkOption.NOFOLLOW_LINKS), "released");
    }

    // ---- the first backups, pruning, temporary files ------------------------------------------

    /** pristine/ keeps each file as it was before the first transaction that wrote it, whatever came after. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void theFirstBackupOfEachFileIsKept(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = AgentScriptApplyTest.nas(dir, shell);
        byte[] vfOld = Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf"));
        byte[] second = bytes("[GENERAL]\n# second\n");
        String first = TxId.next(Instant.now());
        run(shell, nas, new AgentCommand.Apply(false, first, plan(ApplyMode.STAGE, Duration.ofSeconds(120),
                new FileChange(VF, Optional.of(vfOld), second),
                new FileChange("/etc/c6xxvf_dev3.conf", Optional.empty(), second))));
        String then = TxId.next(Instant.now().plusSeconds(1));
        ApplyOutcome o = run(shell, nas, new AgentCommand.Apply(false, then, plan(ApplyMode.STAGE, Duration.ofSeconds(120),
                new FileChange(VF, Optional.of(second), bytes("[GENERAL]\n# third\n")))));
        assertEquals(TxState.STAGED, o.state(), o.steps().toString());
        assertArrayEquals(vfOld, Files.readAllBytes(nas.path("var/lib/qatwb/pristine/c6xxvf_dev0.conf")));
        AgentRun h = AgentRun.run(shell, nas, new AgentCommand.History(false).arguments(B));
        TxHistory.Kept kept = TxHistory.readKept(h.parse(B));
        assertEquals(List.of(new PristineFile("c6xxvf_dev0.conf", Optional.of(Sha256.hex(vfOld)), first),
                new PristineFile("c6xxvf_dev3.conf", Optional.empty(), first)), kept.pristine());
    }

    /**
     * Ids whose times say nothing (a client clock in the future, then in the past): history and
     * pruning follow the NAS's sequence. Refused and empty transactions are pruned apart and first;
     * a staged one and the lock's holder never.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void pruningFollowsTheNasOrderAndKeepsWhatMatters(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = AgentScriptApplyTest.nas(dir, shell);
        String write = "1 " + VF + " - " + "a".repeat(64) + " write";
        String keep = "1 " + VF + " - - keep";
        List<String> changed = new ArrayList<>();
        List<String> minor = new ArrayList<>();
        String staged = "20991231T235959Z-00000000";
        fakeTx(nas, staged, "staged", 1, write);
        for (int i = 0; i < 25; i++) {
            // the later, the earlier its id's time says
            String c = String.format("2099%02d01T000000Z-c000%04x", 12 - i / 3, i);
            fakeTx(nas, c, "confirmed", 10 + 2 * i, write);
            changed.add(c);
            String m = String.format("2030%02d01T000000Z-e000%04x", 12 - i / 3, i);
            fakeTx(nas, m, i % 2 == 0 ? "refused" : "applied", 11 + 2 * i, i % 2 == 0 ? write : keep);
            minor.add(m);
        }
        nas.file("var/lib/qatwb/seq", "60\n");
        String id = "20000101T000000Z-00000001"; // a client whose clock is far behind
        ApplyOutcome o = run(shell, nas, new AgentCommand.Apply(false, id, plan(ApplyMode.STAGE, Duration.ofSeconds(120),
                new FileChange(VF, Optional.of(Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf"))), bytes("x\n")))));
        assertEquals(TxState.STAGED, o.state(), o.steps().toString());
        assertEquals("61", Files.readString(tx(nas, id).resolve("seq")).strip());
        List<String> left;
        try (Stream<Path> t = Files.list(nas.path("var/lib/qatwb/tx"))) {
            left = t.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> want = new ArrayList<>(changed.subList(5, 25));
        want.addAll(minor.subList(5, 25));
        want.add(staged);
        want.add(id);
        assertEquals(want.stream().sorted().toList(), left);

        // the agent lists them oldest first (the client reverses): by seq, whatever the ids say
        List<String> listed = AgentRun.run(shell, nas, new AgentCommand.History(false).arguments(B)).parse(B)
                .framesStartingWith(TxHistory.ITEM_PREFIX).stream().map(f -> f.name().substring(3)).toList();
        assertEquals(staged, listed.get(0));
        assertEquals(changed.get(5), listed.get(1));
        assertEquals(minor.get(5), listed.get(2));
        assertEquals(id, listed.get(listed.size() - 1));
    }

    /** The temporary files of a transaction that no longer runs go at the next agent run; a running one's stay. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void temporaryFilesOfEndedTransactionsGo(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = AgentScriptApplyTest.nas(dir, shell);
        String boot = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
        String ended = "20261207T070000Z-00000e0d";
        String running = "20261207T070001Z-0000000a";
        fakeTx(nas, ended, "rolled-back", 1, "1 " + VF + " - - keep");
        fakeTx(nas, running, "committing", 2, "1 " + VF + " - - keep");
        nas.file("var/lib/qatwb/tx/" + running + "/process", ProcessHandle.current().pid() + " " + boot + "\n");
        nas.file("etc/.qatwb." + ended + ".c6xx_dev0.conf.Ab12Cd", "left\n");
        nas.file("etc/default/.qatwb.20250101T000000Z-deadbeef.qat.Xy98Zz", "no transaction\n");
        nas.file("etc/.qatwb." + running + ".c6xx_dev1.conf.Qq11Rr", "staged\n");
        AgentRun h = AgentRun.run(shell, nas, new AgentCommand.History(false).arguments(B));
        assertEquals(0, h.exit(), h.stderr());
        assertFalse(Files.exists(nas.path("etc/.qatwb." + ended + ".c6xx_dev0.conf.Ab12Cd")));
        assertFalse(Files.exists(nas.path("etc/default/.qatwb.20250101T000000Z-deadbeef.qat.Xy98Zz")));
        assertTrue(Files.exists(nas.path("etc/.qatwb." + running + ".c6xx_dev1.conf.Qq11Rr")), "a running transaction's stays");
    }
}
