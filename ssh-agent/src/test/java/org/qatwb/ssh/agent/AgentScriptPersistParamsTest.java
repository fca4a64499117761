package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.ssh.agent.AgentScriptSnapshotTest.args;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.persist.InitScript;
import org.qatwb.model.persist.KeepList;
import org.qatwb.model.persist.PersistOutcome;
import org.qatwb.model.persist.PersistPlan;
import org.qatwb.model.persist.PersistState;
import org.qatwb.model.persist.PersistTarget;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.zfs.ZfsParam;

/**
 * {@code persist-params}: the agent writes byte for byte what the model's plan shows (the unit file,
 * or midclt's argument on TrueNAS), runs its steps in order, stops at the first that fails, and reads
 * the result back.
 */
class AgentScriptPersistParamsTest {

    static final String UNIT_FILE = "etc/systemd/system/" + ZfsQatUnit.NAME;
    private static final String WANTS = "etc/systemd/system/multi-user.target.wants/" + ZfsQatUnit.NAME;
    private static final Set<ZfsParam> TWO = EnumSet.of(ZfsParam.COMPRESS, ZfsParam.CHECKSUM);

    static Stream<Shell> shells() {
        return Shell.all();
    }

    /**
     * A systemd NAS: a systemctl that logs its arguments, enables with the wants entry (a plain file
     * here: the agent takes a file or a link), and fails daemon-reload when {@code .fail-reload} exists.
     */
    static FakeNas systemd(Path dir) {
        Path log = dir.resolve("systemctl.log");
        FakeNas nas = new FakeNas(dir);
        try {
            Files.createDirectories(nas.path("etc/systemd/system/multi-user.target.wants"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return nas.tool("systemctl", "echo \"$*\" >> " + ShellQuote.quote(log.toString()) + "\n"
                + "w=\"$QATWB_ROOT/etc/systemd/system/multi-user.target.wants/$2\"\n"
                + "case $1 in\n"
                + "  daemon-reload) if [ -e \"$QATWB_ROOT/.fail-reload\" ]; then"
                + " echo 'Failed to reload daemon: Transport endpoint is not connected' >&2; exit 1; fi ;;\n"
                + "  enable) : > \"$w\"; echo \"Created symlink /etc/systemd/system/multi-user.target.wants/$2"
                + " -> /etc/systemd/system/$2.\" >&2 ;;\n"
                + "  disable) rm -f \"$w\"; echo \"Removed /etc/systemd/system/multi-user.target.wants/$2.\" >&2 ;;\n"
                + "  *) exit 64 ;;\n"
                + "esac");
    }

    /**
     * A TrueNAS box: {@code /etc/version}, and a midclt that logs each argument on a line (then
     * {@code --}) and answers a query with the file {@code answer.json}.
     */
    private static FakeNas trueNas(Path dir, String answer) throws IOException {
        Files.writeString(dir.resolve("answer.json"), answer);
        String log = ShellQuote.quote(dir.resolve("midclt.log").toString());
        return new FakeNas(dir).file("etc/version", "25.04.0\n").tool("midclt",
                "for a in \"$@\"; do printf '%s\\n' \"$a\"; done >> " + log + "\necho -- >> " + log + "\n"
                + "case $2 in\n"
                + "  initshutdownscript.query) cat " + ShellQuote.quote(dir.resolve("answer.json").toString()) + " ;;\n"
                + "  initshutdownscript.create) echo '{\"id\": 5}' ;;\n"
                + "  initshutdownscript.update) echo \"{\\\"id\\\": $3}\" ;;\n"
                + "  initshutdownscript.delete) echo true ;;\n"
                + "  *) echo \"[ENOMETHOD] Method $2 not found\" >&2; exit 1 ;;\n"
                + "esac");
    }

    private static AgentOutput persist(Shell shell, FakeNas nas, String sudo, String keep) throws ParseException {
        AgentRun run = AgentRun.run(shell, nas, args("persist-params", sudo, keep));
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("", run.stderr());
        return run.parse(AgentScriptTestSupport.BOUNDARY);
    }

    private static List<String> names(AgentOutput out) {
        return out.frames().stream().map(AgentFrame::name).toList();
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void theUnitWrittenIsByteForByteThePlansTextForEverySet(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = systemd(dir);
        PersistState before = new PersistState.None(PersistTarget.SYSTEMD_UNIT);
        for (Set<ZfsParam> keep : KeepList.allSets()) {
            if (keep.isEmpty()) {
                continue;
            }
            PersistPlan plan = PersistPlan.of(before, keep);
            AgentOutput out = persist(shell, nas, "0", KeepList.word(keep));
            assertArrayEquals(plan.newText().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(nas.path(UNIT_FILE)),
                    "the text the administrator approved is what was written, for " + keep);
            assertEquals(List.of("persist_target", "unit_write", "daemon_reload", "unit_enable", "persist_unit",
                    "persist_unit_state", "persist_init"), names(out));
            PersistOutcome o = PersistOutcome.read(out, keep);
            assertTrue(o.ok(), o.toString());
            assertEquals(new PersistState.Kept(PersistTarget.SYSTEMD_UNIT, keep, true, plan.newText(), List.of()), o.after());
            before = o.after();
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(nas.path(UNIT_FILE))));
        try (Stream<Path> files = Files.list(nas.path("etc/systemd/system"))) {
            assertEquals(List.of("multi-user.target.wants", ZfsQatUnit.NAME),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left behind");
        }
        assertEquals(List.of("daemon-reload", "enable " + ZfsQatUnit.NAME),
                read(dir.resolve("systemctl.log")).lines().limit(2).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void noneDisablesRemovesAndReloads(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = systemd(dir).file(UNIT_FILE, ZfsQatUnit.text(TWO)).file(WANTS, "");
        AgentOutput out = persist(shell, nas, "0", "none");
        assertEquals(List.of("persist_target", "unit_disable", "unit_remove", "daemon_reload", "persist_unit",
                "persist_unit_state", "persist_init"), names(out));
        assertFalse(Files.exists(nas.path(UNIT_FILE)));
        assertFalse(Files.exists(nas.path(WANTS)));
        assertEquals("disable " + ZfsQatUnit.NAME + "\ndaemon-reload\n", read(dir.resolve("systemctl.log")));
        PersistOutcome o = PersistOutcome.read(out, Set.of());
        assertTrue(o.ok(), o.toString());
        assertEquals("Removed /etc/systemd/system/multi-user.target.wants/" + ZfsQatUnit.NAME + ".",
                o.steps().get(0).message());

        AgentOutput again = persist(shell, nas, "0", "none");
        assertEquals(List.of("persist_target", "persist_unit", "persist_unit_state", "persist_init"), names(again),
                "nothing of ours: nothing to do");
        assertTrue(PersistOutcome.read(again, Set.of()).ok());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aStepThatFailsStopsTheRest(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = systemd(dir).file(".fail-reload", "");
        AgentOutput out = persist(shell, nas, "0", "compress");
        assertEquals(List.of("persist_target", "unit_write", "daemon_reload", "persist_unit", "persist_unit_state",
                "persist_init"), names(out));
        PersistOutcome o = PersistOutcome.read(out, EnumSet.of(ZfsParam.COMPRESS));
        PersistOutcome.Step failed = o.failure().orElseThrow();
        assertEquals("daemon_reload", failed.name());
        assertEquals(ItemStatus.ERROR, failed.status());
        assertEquals(1, failed.rc());
        assertEquals("Failed to reload daemon: Transport endpoint is not connected", failed.message());
        assertFalse(o.ok());
        assertEquals(Set.of(), o.after().keptAtBoot(), "written, but never enabled");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aUnitThatCannotBeWrittenIsAnErrorAndLeavesNoTemporaryFile(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = systemd(dir).tool("mv", "echo \"mv: cannot move '$2' to '$3': Read-only file system\" >&2; exit 1");
        AgentOutput out = persist(shell, nas, "0", "compress");
        AgentFrame write = out.frame("unit_write").orElseThrow();
        assertEquals(ItemStatus.ERROR, write.status());
        assertTrue(write.text().contains("Read-only file system"), write.text());
        assertFalse(out.frame("daemon_reload").isPresent());
        try (Stream<Path> files = Files.list(nas.path("etc/systemd/system"))) {
            assertEquals(List.of("multi-user.target.wants"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void withSudoEveryPrivilegedStepGoesThroughSudoDashN(Shell shell, @TempDir Path dir) throws Exception {
        Path log = dir.resolve("sudo.log");
        FakeNas nas = systemd(dir).tool("sudo", "[ \"$1\" = -n ] || exit 9\nshift\necho \"$*\" >> "
                + ShellQuote.quote(log.toString()) + "\nexec \"$@\"");
        assertTrue(PersistOutcome.read(persist(shell, nas, "1", "encrypt"), EnumSet.of(ZfsParam.ENCRYPT)).ok());
        String calls = read(log).replace(nas.tools + "/", "TOOLS/").replace(nas.basics + "/", "BASICS/")
                .replace(nas.root.toString(), "ROOT").replaceAll("\\.qatwb-zfs-qat\\.service\\.(?!XXXXXX)[A-Za-z0-9]{6}", "TMP");
        assertEquals("""
                true
                BASICS/mktemp ROOT/etc/systemd/system/.qatwb-zfs-qat.service.XXXXXX
                BASICS/tee ROOT/etc/systemd/system/TMP
                BASICS/chmod 644 ROOT/etc/systemd/system/TMP
                BASICS/mv -f ROOT/etc/systemd/system/TMP ROOT/etc/systemd/system/qatwb-zfs-qat.service
                TOOLS/systemctl daemon-reload
                TOOLS/systemctl enable qatwb-zfs-qat.service
                """, calls);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aSudoThatWantsAPasswordIsDeniedAndNothingIsWritten(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = systemd(dir).tool("sudo", "echo 'sudo: a password is required' >&2\nexit 1");
        AgentOutput out = persist(shell, nas, "1", "compress");
        AgentFrame write = out.frame("unit_write").orElseThrow();
        assertEquals(ItemStatus.DENIED, write.status());
        assertEquals("sudo: a password is required\n", write.text());
        assertFalse(Files.exists(nas.path(UNIT_FILE)));
        assertEquals("", read(dir.resolve("systemctl.log")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void withoutSystemctlTheStepIsAbsentAndNothingIsWritten(Shell shell, @TempDir Path dir) throws Exception {
        AgentOutput out = persist(shell, new FakeNas(dir), "0", "compress");
        AgentFrame write = out.frame("unit_write").orElseThrow();
        assertEquals(ItemStatus.ABSENT, write.status());
        assertTrue(write.text().startsWith("systemctl not found"), write.text());
        assertFalse(Files.exists(dir.resolve("root/" + UNIT_FILE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void onTrueNasTheInitScriptIsCreatedWithThePlansExactArgument(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = trueNas(dir, "[]\n");
        PersistPlan plan = PersistPlan.of(new PersistState.None(PersistTarget.TRUENAS_INIT_SCRIPT), TWO);
        AgentOutput out = persist(shell, nas, "0", "compress,checksum");
        assertEquals("truenas\n", out.frame("persist_target").orElseThrow().text());
        assertEquals(List.of("persist_target", "init_query", "init_create", "persist_unit", "persist_unit_state",
                "persist_init"), names(out));
        assertEquals("call\ninitshutdownscript.query\n" + InitScript.QUERY_FILTER + "\n--\n"
                + "call\ninitshutdownscript.create\n" + plan.initScript().orElseThrow().json() + "\n--\n"
                + "call\ninitshutdownscript.query\n" + InitScript.QUERY_FILTER + "\n--\n", read(dir.resolve("midclt.log")));
        assertFalse(Files.exists(nas.path(UNIT_FILE)), "no unit on TrueNAS");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void onTrueNasOursIsUpdatedOthersWithItsCommentDeletedAndNoneDeletesAll(Shell shell, @TempDir Path dir) throws Exception {
        String ours = InitScript.forParams(EnumSet.of(ZfsParam.COMPRESS)).json();
        String answer = "[" + ours.replace("{", "{\"id\": 3, ") + ", " + ours.replace("{", "{\"id\": 14, ") + "]\n";
        FakeNas nas = trueNas(dir, answer);
        AgentOutput out = persist(shell, nas, "0", "compress,checksum,encrypt");
        assertEquals(List.of("persist_target", "init_query", "init_update", "init_delete:14", "persist_unit",
                "persist_unit_state", "persist_init"), names(out));
        String log = read(dir.resolve("midclt.log"));
        assertTrue(log.contains("call\ninitshutdownscript.update\n3\n"
                + InitScript.forParams(EnumSet.allOf(ZfsParam.class)).json() + "\n--\ncall\ninitshutdownscript.delete\n14\n--\n"), log);

        Files.delete(dir.resolve("midclt.log"));
        AgentOutput none = persist(shell, nas, "0", "none");
        assertEquals(List.of("persist_target", "init_query", "init_delete:3", "init_delete:14", "persist_unit",
                "persist_unit_state", "persist_init"), names(none));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void onTrueNasWithoutMidcltNothingCanBeDone(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = new FakeNas(dir).file("etc/version", "25.04.0\n");
        AgentOutput out = persist(shell, nas, "0", "compress");
        assertEquals(List.of("persist_target", "init_query", "persist_unit", "persist_unit_state", "persist_init"), names(out));
        assertEquals(ItemStatus.ABSENT, out.frame("init_query").orElseThrow().status());
        PersistOutcome o = PersistOutcome.read(out, EnumSet.of(ZfsParam.COMPRESS));
        assertFalse(o.ok());
        assertTrue(o.after() instanceof PersistState.Unreadable, o.after().toString());
    }
}
