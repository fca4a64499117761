package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.ssh.agent.AgentScriptSnapshotTest.args;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaHookOutcome;
import org.qatwb.model.zia.ZiaHooks;
import org.qatwb.model.zia.ZiaKept;
import org.qatwb.model.zia.ZiaProperty;

/**
 * {@code zia-keep} and {@code zia-reapply}: the kept file written with the other pools' valid lines,
 * the hooks installed, and the installed script, run as the hooks run it, passing to zpool only the
 * lines that pass its checks.
 */
class AgentScriptZiaKeepTest {

    static Stream<Shell> shells() {
        return Shell.all();
    }

    /** A zpool that logs its arguments, and a systemctl that enables as systemd does. */
    private static FakeNas nas(Path dir) {
        FakeNas nas = new FakeNas(dir);
        String log = ShellQuote.quote(dir.resolve("zpool.log").toString());
        String wants = ShellQuote.quote(nas.root.resolve("etc/systemd/system/multi-user.target.wants").toString());
        return nas.tool("zpool", "[ \"$1\" = get ] && exit 0\necho \"$*\" >> " + log)
                .tool("systemctl", "case $1 in\n  daemon-reload) ;;\n  enable) /bin/mkdir -p " + wants + " && /bin/ln -sf /etc/systemd/system/$2 "
                        + wants + "/$2 ;;\n  *) exit 5 ;;\nesac");
    }

    private static String zpoolLog(Path dir) throws IOException {
        Path log = dir.resolve("zpool.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void keepWritesThePoolsLinesKeepsTheOthersValidOnesAndInstallsTheHooks(Shell shell, @TempDir Path dir)
            throws ParseException, IOException {
        FakeNas nas = nas(dir).file(ZiaKept.PATH.substring(1),
                "# old\nother zia_checksum on\nevil;id zia_compress on\ntank zia_decompress on\nx zia_provider a b\n");
        AgentRun run = AgentRun.run(shell, nas, args("zia-keep", "0", "tank", "zia_provider=zia_software_provider",
                "zia_compress=on"));
        assertEquals(0, run.exit(), run.stderr());
        AgentOutput out = run.parse(AgentScriptTestSupport.BOUNDARY);
        assertEquals(List.of("zia_dirs", "zia_dir_mode", "zia_write_kept", "zia_write_script", "zia_write_zedlet", "zia_unit_write",
                "zia_daemon_reload", "zia_unit_enable", "dpusm_module", "zia_kept", "zia_unit", "zia_zedlet"),
                out.frames().stream().map(AgentFrame::name).toList());
        ZiaHookOutcome o = ZiaHookOutcome.read(out);
        assertTrue(o.ok(), o.steps().toString());
        assertTrue(o.host().hooked());
        assertEquals(List.of(new ZiaChange("other", ZiaProperty.CHECKSUM, "on"),
                new ZiaChange("tank", ZiaProperty.PROVIDER, "zia_software_provider"),
                ZiaChange.turn("tank", ZiaProperty.COMPRESS, true)), o.host().kept().settings());
        assertEquals(List.of(), o.host().kept().warnings(), "the invalid lines were not carried over");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                nas.path(ZiaHooks.ZEDLET.substring(1)))), "ZED ignores a zedlet writable by group or other");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(nas.path(ZiaKept.PATH.substring(1)))));
        assertTrue(Files.readString(nas.path("etc/systemd/system/" + ZiaHooks.UNIT)).contains("ExecStart=/bin/sh "
                + ZiaHooks.SCRIPT + "\n"));
        assertEquals("", zpoolLog(dir), "keep sets nothing");
        try (Stream<Path> left = Files.list(nas.path("var/lib/qatwb/zia"))) {
            assertEquals(List.of("kept", "reapply.sh"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void theInstalledScriptPassesOnlyCheckedLinesAndOnlyThePoolItIsGiven(Shell shell, @TempDir Path dir)
            throws ParseException, IOException, InterruptedException {
        FakeNas nas = nas(dir);
        assertEquals(0, AgentRun.run(shell, nas, args("zia-keep", "0", "tank", "zia_compress=on")).exit());
        // a kept file edited by someone else: only what the script's own checks pass reaches zpool
        Files.writeString(nas.path(ZiaKept.PATH.substring(1)), "tank zia_compress on\ntank zia_provider $(touch x)\n"
                + "tank;id zia_compress on\ntank zia_compress on extra\ntank zia_available yes\ntank zia_checksum yes\n"
                + "other zia_checksum on\n-o zia_checksum on\n", StandardCharsets.UTF_8);
        Path script = nas.path(ZiaHooks.SCRIPT.substring(1));
        assertEquals(1, runScript(shell, nas, script, "tank"), "skipped lines: exit 1");
        assertEquals("set zia_compress=on tank\n", zpoolLog(dir));
        Files.delete(dir.resolve("zpool.log"));
        assertEquals(1, runScript(shell, nas, script));
        assertEquals("set zia_compress=on tank\nset zia_checksum=on other\n", zpoolLog(dir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void reapplyRunsTheInstalledScriptAndSaysSoWhenNothingIsKept(Shell shell, @TempDir Path dir) throws ParseException,
            IOException {
        FakeNas nas = nas(dir);
        AgentOutput none = AgentRun.run(shell, nas, args("zia-reapply", "0")).parse(AgentScriptTestSupport.BOUNDARY);
        assertEquals(ItemStatus.ABSENT, none.frame("zia_reapply").orElseThrow().status());
        assertEquals(0, AgentRun.run(shell, nas, args("zia-keep", "0", "tank", "zia_provider=p1", "zia_decompress=on")).exit());
        AgentOutput out = AgentRun.run(shell, nas, args("zia-reapply", "0", "tank")).parse(AgentScriptTestSupport.BOUNDARY);
        assertEquals(ItemStatus.OK, out.frame("zia_reapply").orElseThrow().status(), out.frames().toString());
        assertEquals("set zia_provider=p1 tank\nset zia_decompress=on tank\n", zpoolLog(dir));
    }

    /** The script as systemd or ZED runs it: {@code /bin/sh SCRIPT [POOL]}, here with the test's shell. */
    private static int runScript(Shell shell, FakeNas nas, Path script, String... pool)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(shell.assumeInstalled().toString()));
        command.addAll(shell.args());
        command.add(script.toString());
        command.addAll(List.of(pool));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", nas.path(), "QATWB_ROOT", nas.root.toString()));
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue();
    }
}
