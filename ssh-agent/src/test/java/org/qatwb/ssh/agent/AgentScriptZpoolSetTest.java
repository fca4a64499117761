package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
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
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaProperty;
import org.qatwb.model.zia.ZiaSetOutcome;

/** {@code zpool-set}: zpool set with the words as given, the refusals, and the pool read back. */
class AgentScriptZpoolSetTest {

    static Stream<Shell> shells() {
        return Shell.all();
    }

    /**
     * A zpool that keeps pool tank's Z.I.A. properties in a file: {@code set P=V tank} rewrites the
     * line, {@code get -H -p -o name,property,value all tank} prints them; anything else is exit 64.
     */
    private static FakeNas nas(Path dir) {
        FakeNas nas = new FakeNas(dir).file("zia.tsv", "tank\tzia_available\tyes\ntank\tzia_provider\toff\n"
                + "tank\tzia_compress\toff\ntank\tzia_checksum\toff\n");
        String table = ShellQuote.quote(nas.path("zia.tsv").toString());
        return nas.tool("zpool", "t=" + table + "\n"
                + "case \"$*\" in\n"
                + "  'get -H -p -o name,property,value all tank') exec cat \"$t\" ;;\n"
                + "  'set '*'=on tank'|'set '*'=off tank'|'set zia_provider='*' tank')\n"
                + "    p=${2%%=*} v=${2#*=}\n"
                + "    found=\n"
                + "    while IFS='\t' read -r n k x; do\n"
                + "      if [ \"$k\" = \"$p\" ]; then x=$v found=1; fi\n"
                + "      printf '%s\\t%s\\t%s\\n' \"$n\" \"$k\" \"$x\"\n"
                + "    done < \"$t\" > \"$t.new\"\n"
                + "    [ -n \"$found\" ] || { echo \"cannot set property for 'tank': invalid property '$p'\" >&2; exit 1; }\n"
                + "    cat \"$t.new\" > \"$t\" ;;\n"
                + "  *) echo \"zpool: unexpected arguments: $*\" >&2; exit 64 ;;\n"
                + "esac");
    }

    private static AgentOutput zpoolSet(Shell shell, FakeNas nas, String sudo, String pool, String property, String value)
            throws ParseException {
        AgentRun run = AgentRun.run(shell, nas, args("zpool-set", sudo, pool, property, value));
        assertEquals(0, run.exit(), run.stderr());
        AgentOutput out = run.parse(AgentScriptTestSupport.BOUNDARY);
        assertEquals(List.of("zpool_set", "zpool_get"), out.frames().stream().map(AgentFrame::name).toList());
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void thePropertyIsSetAndThePoolReadBack(Shell shell, @TempDir Path dir) throws ParseException {
        AgentOutput out = zpoolSet(shell, nas(dir), "0", "tank", "zia_compress", "on");
        ZiaSetOutcome o = ZiaSetOutcome.read(out, ZiaChange.turn("tank", ZiaProperty.COMPRESS, true));
        assertTrue(o.ok(), o.toString());
        assertEquals("off", o.after().orElseThrow().zia().get("zia_checksum"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aProviderNameReachesZpoolAsOneWord(Shell shell, @TempDir Path dir) throws ParseException {
        AgentOutput out = zpoolSet(shell, nas(dir), "0", "tank", "zia_provider", "zia-software-provider");
        ZiaSetOutcome o = ZiaSetOutcome.read(out, new ZiaChange("tank", ZiaProperty.PROVIDER, "zia-software-provider"));
        assertTrue(o.ok(), o.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void zpoolsRefusalIsAnErrorWithItsWords(Shell shell, @TempDir Path dir) throws ParseException {
        AgentOutput out = zpoolSet(shell, nas(dir), "0", "tank", "zia_raidz1_rec", "on");
        AgentFrame set = out.frame("zpool_set").orElseThrow();
        assertEquals(ItemStatus.ERROR, set.status());
        assertEquals(1, set.rc());
        assertEquals("cannot set property for 'tank': invalid property 'zia_raidz1_rec'\n", set.text());
        assertTrue(out.frame("zpool_get").orElseThrow().readable());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void zpoolsPermissionDeniedIsDenied(Shell shell, @TempDir Path dir) throws ParseException {
        FakeNas nas = nas(dir).tool("zpool", "[ \"$1\" = get ] && exit 0\n"
                + "echo \"cannot set property for 'tank': permission denied\" >&2\nexit 1");
        assertEquals(ItemStatus.DENIED, zpoolSet(shell, nas, "0", "tank", "zia_compress", "on")
                .frame("zpool_set").orElseThrow().status());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void withSudoItIsSudoDashNZpool(Shell shell, @TempDir Path dir) throws ParseException, IOException {
        Path log = dir.resolve("sudo.log");
        FakeNas nas = nas(dir).tool("sudo", "[ \"$1\" = -n ] || exit 9\nshift\necho \"$*\" >> "
                + ShellQuote.quote(log.toString()) + "\nexec \"$@\"");
        AgentOutput out = zpoolSet(shell, nas, "1", "tank", "zia_checksum", "on");
        assertEquals(ItemStatus.OK, out.frame("zpool_set").orElseThrow().status());
        assertEquals("true\n" + nas.tools.resolve("zpool") + " set zia_checksum=on tank\n", Files.readString(log));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aSudoThatWantsAPasswordSetsNothing(Shell shell, @TempDir Path dir) throws ParseException, IOException {
        FakeNas nas = nas(dir).tool("sudo", "echo 'sudo: a password is required' >&2\nexit 1");
        AgentFrame set = zpoolSet(shell, nas, "1", "tank", "zia_compress", "on").frame("zpool_set").orElseThrow();
        assertEquals(ItemStatus.DENIED, set.status());
        assertTrue(Files.readString(nas.path("zia.tsv")).contains("zia_compress\toff"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void withoutZpoolBothAreAbsent(Shell shell, @TempDir Path dir) throws ParseException {
        for (String d : List.of("/usr/sbin", "/sbin", "/usr/local/sbin", "/usr/local/bin")) {
            assumeFalse(Files.exists(Path.of(d, "zpool")), "this machine has " + d + "/zpool");
        }
        AgentOutput out = zpoolSet(shell, new FakeNas(dir), "0", "tank", "zia_compress", "on");
        assertEquals(ItemStatus.ABSENT, out.frame("zpool_set").orElseThrow().status());
        assertEquals(ItemStatus.ABSENT, out.frame("zpool_get").orElseThrow().status());
    }
}
