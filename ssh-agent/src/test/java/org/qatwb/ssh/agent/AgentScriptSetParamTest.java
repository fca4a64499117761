package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.ssh.agent.AgentScriptSnapshotTest.args;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.parse.ParseException;

/** {@code set-param}: the write through tee (the kernel's side is the stand-in), and the read-back. */
class AgentScriptSetParamTest {

    private static final String PARAM = "sys/module/zfs/parameters/zfs_qat_compress_disable";

    static Stream<Shell> shells() {
        return Shell.all();
    }

    /** Parameters at 1, as after a boot where QAT came up after zfs.ko. */
    private static FakeNas nas(Path dir) {
        return new FakeNas(dir).file(PARAM, "1\n")
                .file("sys/module/zfs/parameters/zfs_qat_checksum_disable", "1\n");
    }

    /** The kernel accepts the value: tee writes it. */
    private static final String TEE_OK = "[ $# -eq 1 ] || exit 9\ncat > \"$1\"";
    /** The kernel refuses: QAT could not be initialised, the value stays 1. */
    private static final String TEE_EPERM = "cat >/dev/null\necho \"tee: $1: Operation not permitted\" >&2\nexit 1";

    private static AgentOutput setParam(Shell shell, FakeNas nas, String sudo, String name, String value) throws ParseException {
        AgentRun run = AgentRun.run(shell, nas, args("set-param", sudo, name, value));
        assertEquals(0, run.exit(), run.stderr());
        AgentOutput out = run.parse(AgentScriptTestSupport.BOUNDARY);
        assertEquals(List.of("set_param", "param:zfs_qat_" + name + "_disable"),
                out.frames().stream().map(AgentFrame::name).toList());
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aValueTheKernelTakesIsWrittenAndReadBack(Shell shell, @TempDir Path dir) throws ParseException, IOException {
        FakeNas nas = nas(dir).tool("tee", TEE_OK);
        AgentOutput out = setParam(shell, nas, "0", "compress", "0");
        AgentFrame set = out.frame("set_param").orElseThrow();
        assertEquals(ItemStatus.OK, set.status());
        assertEquals(0, set.size());
        assertEquals("0\n", out.frame("param:zfs_qat_compress_disable").orElseThrow().text());
        assertEquals("0\n", Files.readString(nas.path(PARAM)));
        assertEquals("1\n", Files.readString(nas.path("sys/module/zfs/parameters/zfs_qat_checksum_disable")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void operationNotPermittedIsEpermThatIsQatInitFailed(Shell shell, @TempDir Path dir) throws ParseException, IOException {
        FakeNas nas = nas(dir).tool("tee", TEE_EPERM);
        AgentOutput out = setParam(shell, nas, "0", "compress", "0");
        AgentFrame set = out.frame("set_param").orElseThrow();
        assertEquals(ItemStatus.EPERM, set.status());
        assertEquals(1, set.rc());
        assertEquals("tee: " + nas.path(PARAM) + ": Operation not permitted\n", set.text());
        assertEquals("1\n", out.frame("param:zfs_qat_compress_disable").orElseThrow().text());
        assertEquals("1\n", Files.readString(nas.path(PARAM)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aParameterZfsDoesNotHaveIsAbsentAndNeverCreated(Shell shell, @TempDir Path dir) throws ParseException {
        FakeNas nas = nas(dir).tool("tee", TEE_OK);
        AgentOutput out = setParam(shell, nas, "0", "encrypt", "0");
        assertEquals(ItemStatus.ABSENT, out.frame("set_param").orElseThrow().status());
        assertEquals(ItemStatus.ABSENT, out.frame("param:zfs_qat_encrypt_disable").orElseThrow().status());
        assertFalse(Files.exists(nas.path("sys/module/zfs/parameters/zfs_qat_encrypt_disable")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void withSudoTheWriteIsSudoDashNTee(Shell shell, @TempDir Path dir) throws ParseException, IOException {
        Path log = dir.resolve("sudo.log");
        FakeNas nas = nas(dir).tool("tee", TEE_OK).tool("sudo", "[ \"$1\" = -n ] || exit 9\nshift\necho \"$*\" >> "
                + ShellQuote.quote(log.toString()) + "\nexec \"$@\"");
        AgentOutput out = setParam(shell, nas, "1", "checksum", "0");
        assertEquals(ItemStatus.OK, out.frame("set_param").orElseThrow().status());
        assertEquals("0\n", Files.readString(nas.path("sys/module/zfs/parameters/zfs_qat_checksum_disable")));
        assertEquals("true\n" + nas.tools.resolve("tee") + " " + nas.path("sys/module/zfs/parameters/zfs_qat_checksum_disable")
                + "\n", Files.readString(log));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aSudoThatWantsAPasswordIsDeniedAndWritesNothing(Shell shell, @TempDir Path dir) throws ParseException, IOException {
        FakeNas nas = nas(dir).tool("tee", TEE_OK).tool("sudo", "echo 'sudo: a password is required' >&2\nexit 1");
        AgentOutput out = setParam(shell, nas, "1", "compress", "0");
        AgentFrame set = out.frame("set_param").orElseThrow();
        assertEquals(ItemStatus.DENIED, set.status());
        assertEquals("sudo: a password is required\n", set.text());
        assertEquals("1\n", Files.readString(nas.path(PARAM)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aWriteRefusedByPermissionsIsDenied(Shell shell, @TempDir Path dir) throws ParseException {
        FakeNas nas = nas(dir).tool("tee", "cat >/dev/null\necho \"tee: $1: Permission denied\" >&2\nexit 1");
        AgentFrame set = setParam(shell, nas, "0", "compress", "1").frame("set_param").orElseThrow();
        assertEquals(ItemStatus.DENIED, set.status());
        assertTrue(set.text().endsWith("Permission denied\n"));
    }
}
