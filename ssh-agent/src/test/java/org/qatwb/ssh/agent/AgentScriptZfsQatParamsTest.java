package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.ssh.agent.AgentScriptSnapshotTest.args;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.zfs.ZfsQatParams;

/** Item {@code zfs_qat_params}: every zfs_qat_* parameter, known or a fork's, run by each shell against a fake NAS. */
class AgentScriptZfsQatParamsTest {

    private static final String PARAMS = "sys/module/zfs/parameters/";

    static Stream<Shell> shells() {
        return Shell.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void everyParameterIsListedWithHostileNamesLeftOutAndValuesBounded(Shell shell, @TempDir Path dir) throws Exception {
        shell.assumeInstalled();
        FakeNas nas = new FakeNas(dir)
                .file(PARAMS + "zfs_qat_compress_disable", "0\n")
                .file(PARAMS + "zfs_qat_checksum_disable", "1\n")
                .file(PARAMS + "zfs_qat_init_failure_threshold", "100\n")      // TheTDD/zfs's own
                .file(PARAMS + "zfs_qat_multi", "first line\nsecond line\n")
                .file(PARAMS + "zfs_qat_nonewline", "7")
                .file(PARAMS + "zfs_qat_long", "x".repeat(5000) + "\n")
                .file(PARAMS + "zfs_qat_$(touch pwned)", "1\n")                // a name no parameter has
                .file(PARAMS + "zfs_qat_Upper", "1\n")
                .file(PARAMS + "zfs_arc_max", "0\n");                            // not ours
        Files.createDirectories(nas.path(PARAMS + "zfs_qat_dir"));
        AgentRun run = AgentRun.run(shell, nas, args("snapshot", "0"));
        assertEquals(0, run.exit(), run.stderr());
        AgentOutput out = run.parse(AgentScriptTestSupport.BOUNDARY);
        String text = out.frame("zfs_qat_params").orElseThrow().text();
        List<String> lines = text.lines().toList();
        assertEquals(List.of("value zfs_qat_checksum_disable 1", "value zfs_qat_compress_disable 0",
                "value zfs_qat_init_failure_threshold 100"), lines.subList(0, 3));
        assertEquals("cut zfs_qat_long " + "x".repeat(256), lines.get(3));
        assertEquals(List.of("value zfs_qat_multi first line", "value zfs_qat_nonewline 7", "more 3"),
                lines.subList(4, lines.size()), "the $(...) name, the upper-case one and the directory are counted");
        assertFalse(Files.exists(nas.path(PARAMS + "pwned")) || Files.exists(dir.resolve("pwned")), "a name is never run");
        assertEquals(ItemStatus.OK, out.frame("param:zfs_qat_compress_disable").orElseThrow().status(),
                "the three param: items stay for older clients");

        ZfsQatParams p = NasSnapshotReader.read(out).qatParameters().orElseThrow();
        assertEquals(Optional.of(ZfsParam.CHECKSUM), p.parameters().get(0).known());
        assertEquals(Optional.of("100"), p.byName("zfs_qat_init_failure_threshold").orElseThrow().value());
        assertTrue(p.byName("zfs_qat_long").orElseThrow().cut());
        assertEquals(3, p.notListed());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void atMost64AreListedAndTheRestCounted(Shell shell, @TempDir Path dir) throws ParseException {
        shell.assumeInstalled();
        FakeNas nas = new FakeNas(dir);
        for (int i = 0; i < 70; i++) {
            nas.file(PARAMS + String.format("zfs_qat_p%02d", i), i + "\n");
        }
        AgentOutput out = AgentRun.run(shell, nas, args("snapshot", "0")).parse(AgentScriptTestSupport.BOUNDARY);
        List<String> lines = out.frame("zfs_qat_params").orElseThrow().text().lines().toList();
        assertEquals(65, lines.size());
        assertEquals("value zfs_qat_p63 63", lines.get(63));
        assertEquals("more 6", lines.get(64));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void withoutZfsLoadedTheItemIsAbsentAndWithoutQatItIsEmpty(Shell shell, @TempDir Path dir) throws ParseException {
        shell.assumeInstalled();
        AgentOutput none = AgentRun.run(shell, new FakeNas(dir.resolve("a")), args("snapshot", "0"))
                .parse(AgentScriptTestSupport.BOUNDARY);
        assertEquals(ItemStatus.ABSENT, none.frame("zfs_qat_params").orElseThrow().status());
        AgentOutput noQat = AgentRun.run(shell, new FakeNas(dir.resolve("b")).file(PARAMS + "zfs_arc_max", "0\n"),
                args("snapshot", "0")).parse(AgentScriptTestSupport.BOUNDARY);
        assertEquals("", noQat.frame("zfs_qat_params").orElseThrow().text(), "ZFS built without QAT: nothing listed");
        assertTrue(NasSnapshotReader.read(noQat).qatParameters().orElseThrow().parameters().isEmpty());
    }
}
