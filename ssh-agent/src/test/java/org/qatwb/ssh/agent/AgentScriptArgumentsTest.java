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
                List.of("reboot", B, "0", "now"),
                List.of("reboot", "-", "0"),
                List.of("snapshot", "-", "0"),
                List.of("boot-check", B, "0", "x"),
                List.of("boot-check", "-", "0", "x"),
                List.of("boot-check", "-", "2"),
                List.of("boot-check", "--", "0"),
                List.of("probe", B, "0", "x"),
                List.of("bench-probe", B, "0", "x"),
                List.of("bench-run", B, "0"),
                List.of("bench-run", B, "0", "20261208T020000Z-1a2b3c4d", "tank", "8", "50"),
                List.of("bench-run", B, "0", "20261208T020000Z-1a2b3c4d", "tank", "8", "50", "0", "x"),
                List.of("bench-run", B, "0", "../../etc", "tank", "8", "50", "0"),
                List.of("bench-run", B, "0", "20261208T020000Z-1a2b3c4d", "tank;reboot", "8", "50", "0"),
                List.of("bench-run", B, "0", "20261208T020000Z-1a2b3c4d", "-tank", "8", "50", "0"),
                List.of("bench-run", B, "0", "20261208T020000Z-1a2b3c4d", "tank/child", "8", "50", "0"),
                List.of("bench-run", B, "0", "20261208T020000Z-1a2b3c4d", "tank", "0", "50", "0"),
                List.of("bench-run", B, "0", "20261208T020000Z-1a2b3c4d", "tank", "08", "50", "0"),
                List.of("bench-run", B, "0", "20261208T020000Z-1a2b3c4d", "tank", "1048577", "50", "0"),
                List.of("bench-run", B, "0", "20261208T020000Z-1a2b3c4d", "tank", "8", "101", "0"),
                List.of("bench-run", B, "0", "20261208T020000Z-1a2b3c4d", "tank", "8", "-1", "0"),
                List.of("bench-run", B, "0", "20261208T020000Z-1a2b3c4d", "tank", "8", "50", "yes"),
                List.of("bench-abort", B, "0"),
                List.of("bench-abort", B, "0", "20261208T020000Z-1A2B3C4D"),
                List.of("bench-work", B, "0", "x"),
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
                List.of("persist-params", B, "0", "compress", "checksum"),
                List.of("zpool-set", B, "0", "tank", "zia_compress"),
                List.of("zpool-set", B, "0", "tank", "zia_compress", "on", "x"),
                List.of("zpool-set", B, "0", "", "zia_compress", "on"),
                List.of("zpool-set", B, "0", "-o", "zia_compress", "on"),
                List.of("zpool-set", B, "0", "1tank", "zia_compress", "on"),
                List.of("zpool-set", B, "0", "my pool", "zia_compress", "on"),
                List.of("zpool-set", B, "0", "tank;reboot", "zia_compress", "on"),
                List.of("zpool-set", B, "0", "t$(reboot)", "zia_compress", "on"),
                List.of("zpool-set", B, "0", "tank\nx", "zia_compress", "on"),
                List.of("zpool-set", B, "0", "t".repeat(256), "zia_compress", "on"),
                List.of("zpool-set", B, "0", "tank", "zia_available", "yes"),
                List.of("zpool-set", B, "0", "tank", "readonly", "on"),
                List.of("zpool-set", B, "0", "tank", "zia_compress=on", "on"),
                List.of("zpool-set", B, "0", "tank", "zia_compress", "yes"),
                List.of("zpool-set", B, "0", "tank", "zia_compress", "on;reboot"),
                List.of("zpool-set", B, "0", "tank", "zia_provider", ""),
                List.of("zpool-set", B, "0", "tank", "zia_provider", "-x"),
                List.of("zpool-set", B, "0", "tank", "zia_provider", "qat provider"),
                List.of("zpool-set", B, "0", "tank", "zia_provider", "qat;reboot"),
                List.of("zpool-set", B, "0", "tank", "zia_provider", "q".repeat(65)),
                List.of("zia-keep", B, "0"),
                List.of("zia-keep", B, "0", "tank;reboot"),
                List.of("zia-keep", B, "0", "1tank", "zia_compress=on"),
                List.of("zia-keep", B, "0", "tank", "zia_compress"),
                List.of("zia-keep", B, "0", "tank", "zia_compress=yes"),
                List.of("zia-keep", B, "0", "tank", "zia_available=yes"),
                List.of("zia-keep", B, "0", "tank", "readonly=on"),
                List.of("zia-keep", B, "0", "tank", "zia_provider=$(reboot)"),
                List.of("zia-keep", B, "0", "tank", "zia_provider=a b"),
                List.of("zia-keep", B, "0", "tank", "zia_provider=x\ntank zia_compress on"),
                List.of("zia-keep", B, "0", "tank", "zia_provider=-x"),
                List.of("zia-keep", B, "0", "tank", "zia_compress=on", "zia_compress=off"),
                List.of("zia-keep", B, "0", "tank", "zia_compress=on", "tank"),
                List.of("zia-reapply", B, "0", "tank", "other"),
                List.of("zia-reapply", B, "0", "../etc"),
                List.of("zia-reapply", B, "0", "tank;reboot"));
        return Stream.concat(bad.stream(), badTransactions().stream())
                .flatMap(a -> Shell.all().map(s -> Arguments.of(s, a)));
    }

    private static final String ID = "20261122T100001Z-3fa2b1c0";
    private static final String SUM = "0123456789abcdef".repeat(4);

    /** apply FILE BEFORE AFTER SIZE with everything valid but what is given. */
    private static List<String> apply(String path, String before, String after, String size) {
        return List.of("apply", B, "0", ID, "stage", "120", "-", path, before, after, size);
    }

    /** Transactions: every path but the three kinds of QAT file, every malformed id, sum, size, mode. */
    static List<List<String>> badTransactions() {
        List<List<String>> bad = new java.util.ArrayList<>();
        for (String path : List.of("/etc/passwd", "/etc/shadow", "/etc/c6xx_dev0.conf/", "/etc/../etc/c6xx_dev0.conf",
                "/etc/./c6xx_dev0.conf", "etc/c6xx_dev0.conf", "/etc/C6XX_dev0.conf", "/etc/.c6xx_dev0.conf",
                "/etc/c6xx_dev0.conf.bak", "/etc/c6xx_dev.conf", "/etc/_dev0.conf", "/etc/c6-xx_dev0.conf",
                "/etc/c6xx_dev1234567.conf", "/etc/c6xx_dev0.conf;reboot", "/etc/c6xx_dev$(reboot).conf",
                "/etc/c6xx_dev0.conf\n/etc/passwd", "/etc/default/qat2", "/etc/default/../passwd",
                "/etc/modprobe.d/blacklist.conf", "/etc/modprobe.d/blacklist-qat-vfs.conf.d", "/etc/sub/c6xx_dev0.conf",
                "/tmp/c6xx_dev0.conf", "", " /etc/c6xx_dev0.conf", "/etc/c6xx_dev0.conf ", "/etc/c6xx_dev0.conf*")) {
            bad.add(apply(path, "-", SUM, "1"));
        }
        bad.add(apply("/etc/c6xx_dev0.conf", SUM.substring(1), SUM, "1"));
        bad.add(apply("/etc/c6xx_dev0.conf", SUM.toUpperCase(), SUM, "1"));
        bad.add(apply("/etc/c6xx_dev0.conf", "-", "-", "1"));
        bad.add(apply("/etc/c6xx_dev0.conf", "-", SUM + "0", "1"));
        bad.add(apply("/etc/c6xx_dev0.conf", "-", SUM, "-1"));
        bad.add(apply("/etc/c6xx_dev0.conf", "-", SUM, "01"));
        bad.add(apply("/etc/c6xx_dev0.conf", "-", SUM, "4194305"));
        bad.add(apply("/etc/c6xx_dev0.conf", "-", SUM, "1e3"));
        bad.add(List.of("apply", B, "0", ID, "stage", "120", "-", "/etc/c6xx_dev0.conf", "-", SUM));
        bad.add(List.of("apply", B, "0", ID, "stage", "120", "-"));
        bad.add(List.of("apply", B, "0", ID, "stage", "120", "-", "/etc/c6xx_dev0.conf", "-", SUM, "1",
                "/etc/c6xx_dev0.conf", "-", SUM, "1"));
        for (String id : List.of("", "x", ID.toUpperCase(), ID + "0", ID.substring(1), "20261122T100001Z-3fa2b1c", "../../etc",
                "20261122T100001Z-3fa2b1c0;reboot")) {
            bad.add(List.of("apply", B, "0", id, "stage", "120", "-", "/etc/c6xx_dev0.conf", "-", SUM, "1"));
            bad.add(List.of("confirm", B, "0", id));
        }
        for (String mode : List.of("", "Stage", "reboot", "restart;reboot")) {
            bad.add(List.of("apply", B, "0", ID, mode, "120", "-", "/etc/c6xx_dev0.conf", "-", SUM, "1"));
        }
        for (String timeout : List.of("0", "86401", "012", "1.5", "")) {
            bad.add(List.of("apply", B, "0", ID, "restart", timeout, "-", "/etc/c6xx_dev0.conf", "-", SUM, "1"));
        }
        for (String expected : List.of("", ",", "0000:3d:00.0,", "0000:3D:00.0", "3d:00.0", "0000:3d:00.8", "all",
                "0000:3d:00.0;reboot")) {
            bad.add(List.of("apply", B, "0", ID, "restart", "120", expected, "/etc/c6xx_dev0.conf", "-", SUM, "1"));
        }
        bad.add(List.of("confirm", B, "0"));
        bad.add(List.of("confirm", B, "0", ID, ID));
        bad.add(List.of("status", B, "0", ID));
        bad.add(List.of("status", B, "0", ID, "601"));
        bad.add(List.of("history", B, "0", ID));
        bad.add(List.of("restore", B, "0", ID, "before", ID, "stage"));
        bad.add(List.of("restore", B, "0", ID, "undo", ID, "stage", "120"));
        bad.add(List.of("restore", B, "0", ID, "before", "x", "stage", "120"));
        bad.add(List.of("tx-run", B, "0", "../x"));
        return bad;
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
