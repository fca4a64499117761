package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent re-validates every argument: anything off is exit 2, one line on stderr, nothing on stdout. */
class AgentScriptArgumentsTest {

    private static final String B = AgentScriptTestSupport.BOUNDARY;

    static Stream<Arguments> badArguments() {
        List<List<String>> bad = List.of(
                List.of(),
                List.of("snapshot"),
                List.of("snapshot", B),
                List.of("snapshot", B.toUpperCase(), "0"),
                List.of("snapshot", B.substring(1), "0"),
                List.of("snapshot", B + "0", "0"),
                List.of("snapshot", B.substring(1) + "g", "0"),
                List.of("snapshot", B.substring(1) + "\n", "0"),
                List.of("snapshot", "", "0"),
                List.of("snapshot", B, "2"),
                List.of("snapshot", B, ""),
                List.of("snapshot", B, "0", "extra"),
                List.of("reboot", B, "0"),
                List.of("probe", B, "0", "x"),
                List.of("stream", B, "0"),
                List.of("stream", B, "0", "99"),
                List.of("stream", B, "0", "3600001"),
                List.of("stream", B, "0", "0100"),
                List.of("stream", B, "0", "1e3"),
                List.of("stream", B, "0", "100", "100"),
                List.of("set-param", B, "0", "compress"),
                List.of("set-param", B, "0", "compress;reboot", "0"),
                List.of("set-param", B, "0", "../../etc/passwd", "0"),
                List.of("set-param", B, "0", "compress", "2"),
                List.of("set-param", B, "0", "compress", "0 "),
                List.of("set-param", B, "0", "compress", "0", "1"),
                List.of("persist-params", B, "0"),
                List.of("persist-params", B, "0", ""),
                List.of("persist-params", B, "0", "all"),
                List.of("persist-params", B, "0", "None"),
                List.of("persist-params", B, "0", "none,compress"),
                List.of("persist-params", B, "0", "encrypt,compress"),
                List.of("persist-params", B, "0", "compress,compress"),
                List.of("persist-params", B, "0", "compress,"),
                List.of("persist-params", B, "0", ",compress"),
                List.of("persist-params", B, "0", "compress checksum"),
                List.of("persist-params", B, "0", "compress;reboot"),
                List.of("persist-params", B, "0", "compress$(reboot)"),
                List.of("persist-params", B, "0", "compress\nchecksum"),
                List.of("persist-params", B, "0", "*"),
                List.of("persist-params", B, "0", "compress", "checksum"));
        return Shell.all().flatMap(s -> bad.stream().map(a -> Arguments.of(s, a)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badArguments")
    void badArgumentsAreExitTwoWithOneLineOnStderr(Shell shell, List<String> args, @TempDir Path dir) {
        AgentRun run = AgentRun.run(shell, new FakeNas(dir), args);
        assertEquals(2, run.exit(), run.stderr());
        assertEquals(0, run.stdout().length, "nothing on stdout");
        assertTrue(run.stderr().startsWith("qatwb-agent: ") && run.stderr().endsWith("\n"), run.stderr());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
    }
}
