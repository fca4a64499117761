package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.AgentProtocol;
import org.qatwb.model.agent.AgentVerb;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaProperty;

class AgentCommandTest {

    private static final String B = AgentScriptTestSupport.BOUNDARY;

    @Test
    void commandLinesQuoteEveryArgument() {
        assertEquals("sh -s -- 'snapshot' '" + B + "' '0'", new AgentCommand.Snapshot(false).commandLine(B));
        assertEquals("sh -s -- 'stream' '" + B + "' '0' '1000'", new AgentCommand.Stream(false, 1000).commandLine(B));
        assertEquals("sh -c 'if sudo -n -l sh >/dev/null 2>&1 </dev/null; then exec sudo -n sh -s -- \"$1\" \"$2\" 0"
                + " \"$3\"; fi; exec sh -s -- \"$1\" \"$2\" 1 \"$3\"' qatwb 'stream' '" + B + "' '1000'",
                new AgentCommand.Stream(true, 1000).commandLine(B));
        assertEquals("sh -s -- 'set-param' '" + B + "' '1' 'checksum' '0'",
                new AgentCommand.SetParam(true, ZfsParam.CHECKSUM, false).commandLine(B));
        assertEquals("sh -s -- 'set-param' '" + B + "' '0' 'encrypt' '1'",
                new AgentCommand.SetParam(false, ZfsParam.ENCRYPT, true).commandLine(B));
        assertEquals("sh -s -- 'probe' '" + B + "' '0'", new AgentCommand.Probe(false).commandLine(B));
        assertEquals("sh -s -- 'persist-params' '" + B + "' '1' 'compress,encrypt'",
                new AgentCommand.PersistParams(true, Set.of(ZfsParam.ENCRYPT, ZfsParam.COMPRESS)).commandLine(B));
        assertEquals("sh -s -- 'persist-params' '" + B + "' '0' 'none'",
                new AgentCommand.PersistParams(false, Set.of()).commandLine(B));
        assertEquals("sh -s -- 'zpool-set' '" + B + "' '1' 'tank' 'zia_provider' 'zia-software-provider'",
                new AgentCommand.ZpoolSet(true, new ZiaChange("tank", ZiaProperty.PROVIDER, "zia-software-provider"))
                        .commandLine(B));
        assertEquals(List.of("stream", B, "0", "100"), new AgentCommand.Stream(false, 100).arguments(B));
        assertEquals(AgentVerb.SET_PARAM, new AgentCommand.SetParam(false, ZfsParam.COMPRESS, true).verb());
    }

    @Test
    void ziaKeepSendsThePlansWordsAndRefusesARefusedPlan() {
        org.qatwb.model.zia.ZiaKept kept = org.qatwb.model.zia.ZiaKept.parse("tank zia_provider p1\ntank zia_compress on\n");
        org.qatwb.model.zia.ZiaKeepPlan plan = new org.qatwb.model.zia.ZiaKeepPlan("tank", java.util.Map.of(), kept,
                java.util.Optional.empty());
        assertEquals("sh -s -- 'zia-keep' '" + B + "' '1' 'tank' 'zia_provider=p1' 'zia_compress=on'",
                new AgentCommand.ZiaKeep(true, plan).commandLine(B));
        assertThrows(IllegalArgumentException.class, () -> new AgentCommand.ZiaKeep(false,
                new org.qatwb.model.zia.ZiaKeepPlan("tank", java.util.Map.of(), kept, java.util.Optional.of("refused: x"))));
        assertEquals("sh -s -- 'zia-reapply' '" + B + "' '0'",
                new AgentCommand.ZiaReapply(false, java.util.Optional.empty()).commandLine(B));
        assertEquals(List.of("zia-reapply", B, "0", "tank"),
                new AgentCommand.ZiaReapply(false, java.util.Optional.of("tank")).arguments(B));
        assertThrows(IllegalArgumentException.class, () -> new AgentCommand.ZiaReapply(false, java.util.Optional.of("t;id")));
    }

    @Test
    void valuesAreValidatedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new AgentCommand.Stream(false, 99));
        assertThrows(IllegalArgumentException.class, () -> new AgentCommand.Stream(false, 3_600_001));
        new AgentCommand.Stream(false, 3_600_000);
        assertThrows(NullPointerException.class, () -> new AgentCommand.SetParam(false, null, true));
        assertThrows(IllegalArgumentException.class, () -> new AgentCommand.Probe(false).commandLine("'; reboot; '"));
        assertThrows(IllegalArgumentException.class, () -> new AgentCommand.Probe(false).commandLine(B.toUpperCase()));
    }

    @Test
    void transactionCommandsTakeTheirVerbAndTheIdOnly() {
        String id = org.qatwb.model.apply.TxId.next(java.time.Instant.parse("2026-01-02T03:04:05Z"));
        assertEquals("sh -s -- 'confirm' '" + B + "' '1' '" + id + "'", AgentCommand.TxCommand.confirm(true, id).commandLine(B));
        assertEquals(List.of("abort", B, "0", id), AgentCommand.TxCommand.abort(false, id).arguments(B));
        assertEquals(List.of("unlock", B, "0", id), AgentCommand.TxCommand.unlock(false, id).arguments(B));
        assertThrows(IllegalArgumentException.class, () -> new AgentCommand.TxCommand(false, AgentVerb.APPLY, id));
        assertThrows(NullPointerException.class, () -> new AgentCommand.TxCommand(false, null, id));
        assertThrows(IllegalArgumentException.class, () -> AgentCommand.TxCommand.abort(false, "x; reboot"));
    }

    @Test
    void boundariesAreFreshHex() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String b = Boundary.random();
            assertTrue(AgentProtocol.isBoundary(b), b);
            seen.add(b);
        }
        assertEquals(1000, seen.size());
        assertNotEquals(Boundary.random(), Boundary.random());
    }

    @Test
    void theScriptIsLoadedWholeAndEndsWithItsCall() {
        String script = new String(AgentScript.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(AgentScript.size(), AgentScript.bytes().length);
        assertTrue(script.startsWith("# qatwb-agent"));
        assertTrue(script.endsWith("\nmain \"$@\"; exit $?\n"), "the call is the last line, read whole before it runs");
        assertTrue(script.contains("VERSION=" + AgentProtocol.VERSION + "\n"), "the script and the parser speak one version");
        assertTrue(script.contains("CAP=" + AgentProtocol.ITEM_CAP + " "), "the script and the parser agree on the cap");
        assertTrue(script.chars().allMatch(c -> c < 128), "plain ASCII: no shell reads it in another encoding");
        byte[] copy = AgentScript.bytes();
        copy[0] = 'X';
        assertEquals('#', AgentScript.bytes()[0], "callers get a copy");
    }

    /** The rendered line run the way an SSH server runs it: its login shell's {@code -c}, the script on stdin. */
    @Test
    void theCommandLineRunsTheAgentThroughAnOuterShell(@TempDir Path dir) throws IOException, InterruptedException, ParseException {
        FakeNas nas = new FakeNas(dir).file("sys/module/zfs/parameters/zfs_qat_compress_disable", "1\n")
                .tool("tee", "cat > \"$1\"");
        String line = new AgentCommand.SetParam(false, ZfsParam.COMPRESS, false).commandLine(B);
        ProcessBuilder pb = AgentRun.builder(new Shell("sh", "sh", List.of()), nas, List.of()).command("/bin/sh", "-c", line);
        Process p = pb.start();
        AgentRun.drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            in.write(AgentScript.bytes());
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        AgentOutput o = AgentOutput.parse(out, B);
        assertEquals(AgentVerb.SET_PARAM, o.verb());
        assertEquals(List.of("set_param", "param:zfs_qat_compress_disable"), o.frames().stream().map(AgentFrame::name).toList());
        assertEquals("0\n", o.frame("param:zfs_qat_compress_disable").orElseThrow().text());
    }
}
