package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.app.cli.NasCommandsEndToEndTest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.model.persist.InitScript;
import org.qatwb.model.persist.PersistPlan;
import org.qatwb.model.persist.PersistState;
import org.qatwb.model.persist.PersistTarget;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.ExecResult;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.agent.AgentScript;

/**
 * {@code params --keep-after-reboot} end to end: the CLI, real SSH, the real agent, the simulated NAS
 * as a systemd box and as TrueNAS SCALE; the diff is shown before the change, and a reboot of the
 * simulator proves what was kept.
 */
class KeepAfterRebootEndToEndTest {

    private static final String UNIT = "etc/systemd/system/" + ZfsQatUnit.NAME;

    private static String param(SimulatedNas nas, ZfsParam p) throws Exception {
        return Files.readString(nas.root().resolve("sys/module/zfs/parameters/" + p.sysfsName())).strip();
    }

    @Test
    void onASystemdNasTheUnitKeepsCompressionOnAcrossAReboot() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("dh8950").withTrueNas(false))) {
            assertEquals("none", cli("snapshot", nas).json().get("persistence").get("state").asText());

            CliRun on = cli("params", nas, "--compress", "on", "--keep-after-reboot", "--yes");
            assertEquals(0, on.exit(), on.err());
            String unit = ZfsQatUnit.text(EnumSet.of(ZfsParam.COMPRESS));
            assertEquals(unit, Files.readString(nas.root().resolve(UNIT)));
            String diff = PersistPlan.of(new PersistState.None(PersistTarget.SYSTEMD_UNIT), EnumSet.of(ZfsParam.COMPRESS)).diff();
            assertTrue(on.err().contains(diff), "the diff, before the change: " + on.err());
            assertTrue(on.err().indexOf("+++ " + ZfsQatUnit.PATH) < on.err().indexOf("will run: systemctl enable"), on.err());
            JsonNode json = on.json();
            assertEquals(0, json.get("compress").asInt(), "the params fields stay");
            assertEquals(1, json.get("checksum").asInt());
            JsonNode p = json.get("persistence");
            assertEquals("systemd", p.get("target").asText());
            assertEquals("kept", p.get("state").asText());
            assertEquals("[\"compress\"]", p.get("keptAtBoot").toString());
            assertTrue(p.get("enabled").asBoolean());
            assertEquals("create", json.get("keepAfterReboot").get("action").asText());
            assertTrue(json.get("keepAfterReboot").get("ok").asBoolean());
            assertEquals(unit, Files.readString(nas.root().resolve(".sim/state/systemd/" + ZfsQatUnit.NAME)),
                    "daemon-reload ran after the write");

            nas.reboot();
            assertEquals("0", param(nas, ZfsParam.COMPRESS), "zfs.ko forced it to 1; the unit wrote 0 after qat.service");
            assertEquals("1", param(nas, ZfsParam.CHECKSUM));
            assertEquals("kept", cli("snapshot", nas).json().get("persistence").get("state").asText());

            CliRun again = cli("params", nas, "--keep-after-reboot");
            assertEquals(0, again.exit(), again.err());
            assertTrue(again.err().contains("nothing to change"), again.err());

            CliRun off = cli("params", nas, "--compress", "off", "--keep-after-reboot", "--yes");
            assertEquals(0, off.exit(), off.err());
            assertTrue(off.err().contains("+++ /dev/null"), off.err());
            assertFalse(Files.exists(nas.root().resolve(UNIT)));
            assertEquals("none", off.json().get("persistence").get("state").asText());
            nas.reboot();
            assertEquals("1", param(nas, ZfsParam.COMPRESS));
        }
    }

    @Test
    void onTrueNasAnInitScriptKeepsThemAndTheDiffShowsItsFields() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("dh8950"))) {
            CliRun on = cli("params", nas, "--compress", "on", "--checksum", "on", "--keep-after-reboot", "--yes");
            assertEquals(0, on.exit(), on.err());
            assertTrue(on.err().contains("+command: echo 0 > /sys/module/zfs/parameters/zfs_qat_compress_disable;"
                    + " echo 0 > /sys/module/zfs/parameters/zfs_qat_checksum_disable\n"), on.err());
            JsonNode p = on.json().get("persistence");
            assertEquals("truenas", p.get("target").asText());
            assertEquals("[\"compress\",\"checksum\"]", p.get("keptAtBoot").toString());
            String store = Files.readString(nas.root().resolve(".sim/state/initshutdownscript.json"));
            assertTrue(store.contains("\"comment\": \"" + InitScript.COMMENT + "\""), store);
            assertFalse(Files.exists(nas.root().resolve(UNIT)), "no unit on TrueNAS");

            nas.reboot();
            assertEquals("0", param(nas, ZfsParam.COMPRESS));
            assertEquals("0", param(nas, ZfsParam.CHECKSUM));
            assertEquals("1", param(nas, ZfsParam.ENCRYPT));

            CliRun fewer = cli("params", nas, "--checksum", "off", "--keep-after-reboot", "--yes");
            assertEquals(0, fewer.exit(), fewer.err());
            assertEquals("replace", fewer.json().get("keepAfterReboot").get("action").asText());
            assertTrue(fewer.err().contains("will run: midclt call initshutdownscript.update 1 "), fewer.err());
            assertEquals("[\"compress\"]", fewer.json().get("persistence").get("keptAtBoot").toString());

            CliRun none = cli("params", nas, "--compress", "off", "--keep-after-reboot", "--yes");
            assertEquals(0, none.exit(), none.err());
            assertEquals("none", none.json().get("persistence").get("state").asText());
            assertEquals("[]\n", Files.readString(nas.root().resolve(".sim/state/initshutdownscript.json")));
        }
    }

    @Test
    void aUnitEditedByHandIsReplacedOnlyWithReplaceEditedAndThenWithACaution() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            String mine = ZfsQatUnit.text(EnumSet.of(ZfsParam.COMPRESS)).replace("Wants=qat.service\n",
                    "Wants=qat.service\nConditionPathExists=/etc/my-flag\n");
            Files.writeString(nas.root().resolve(UNIT), mine);
            JsonNode before = cli("snapshot", nas).json().get("persistence");
            assertEquals("foreign", before.get("state").asText());
            CliRun refused = cli("params", nas, "--keep-after-reboot", "--yes");
            assertEquals(1, refused.exit(), refused.err());
            assertTrue(refused.err().contains("\n-ConditionPathExists=/etc/my-flag\n"), "the diff, all the same: " + refused.err());
            assertTrue(refused.err().strip().endsWith("qatwb: keep after reboot: the systemd unit " + ZfsQatUnit.PATH
                    + " was edited by hand (" + before.get("reason").asText() + "): nothing was changed; to replace it,"
                    + " run again with --replace-edited --yes"), refused.err());
            assertEquals(mine, Files.readString(nas.root().resolve(UNIT)));
            assertFalse(refused.json().get("keepAfterReboot").has("done"), "the agent was not asked: " + refused.out());
            assertEquals("foreign", refused.json().get("persistence").get("state").asText());

            CliRun noYes = cli("params", nas, "--keep-after-reboot", "--replace-edited");
            assertEquals(2, noYes.exit(), noYes.err());
            assertTrue(noYes.err().contains("a script must opt in with --yes"), noYes.err());
            assertEquals(mine, Files.readString(nas.root().resolve(UNIT)));

            CliRun run = cli("params", nas, "--keep-after-reboot", "--replace-edited", "--yes");
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.err().contains("qatwb: caution: replaces what is there: "), run.err());
            assertTrue(run.err().contains("\n-ConditionPathExists=/etc/my-flag\n"), run.err());
            assertTrue(run.err().contains("\n+ExecStart=/bin/sh -c 'echo 0 > /sys/module/zfs/parameters/zfs_qat_checksum_disable'\n"),
                    "c62x has all three on: " + run.err());
            assertEquals(ZfsQatUnit.text(EnumSet.allOf(ZfsParam.class)), Files.readString(nas.root().resolve(UNIT)));
        }
    }

    @Test
    void aSudoThatWantsAPasswordIsExitOneWithTheStepAndNothingIsWritten() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            // all three on since the boot, and the administrator's unit taken away: there is something to keep
            Files.delete(nas.root().resolve("etc/systemd/system/multi-user.target.wants/" + ZfsQatUnit.NAME));
            Files.delete(nas.root().resolve(UNIT));
            nas.faults().sudoRequiresPassword(true);
            CliRun run = cli("params", nas, "--sudo", "--keep-after-reboot", "--yes");
            assertEquals(1, run.exit(), run.out());
            assertTrue(run.err().contains("qatwb: keep after reboot: unit_write denied: sudo: a password is required"
                    + " (connect as root, or use --sudo)"), run.err());
            assertFalse(Files.exists(nas.root().resolve(UNIT)));
            assertFalse(run.json().get("keepAfterReboot").get("ok").asBoolean());
        }
    }

    @Test
    void hostileInputIsRefusedAndNothingIsWritten() throws Exception {
        // without the unit c62x's administrator keeps: nothing there, so nothing may appear
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            Path pwned = nas.root().resolve("pwned");
            CliRun flag = cli("params", nas, "--keep-after-reboot=$(touch " + pwned + ")");
            assertEquals(2, flag.exit(), flag.err());
            CliRun value = cli("params", nas, "--compress", "on'; touch " + pwned + "; '", "--keep-after-reboot");
            assertEquals(2, value.exit(), value.err());
            assertTrue(value.oneLineError(), value.err());

            // the agent itself, reached past the client: only its eight words pass
            try (NasSession session = SimShell.session(nas)) {
                for (String keep : List.of("compress;touch " + pwned, "$(touch " + pwned + ")", "compress,`id`",
                        "../../etc/passwd", "compress\nchecksum", "checksum,compress")) {
                    String line = "sh -s -- 'persist-params' '0123456789abcdef0123456789abcdef' '0' '"
                            + keep.replace("'", "'\\''") + "'";
                    ExecResult r = session.exec(line, AgentScript.bytes(), Duration.ofSeconds(30));
                    assertEquals(2, r.exitStatus(), keep);
                    assertEquals(0, r.stdout().length, keep);
                    assertTrue(new String(r.stderr(), StandardCharsets.UTF_8).startsWith("qatwb-agent: keep: "), keep);
                }
            }
            assertFalse(Files.exists(pwned));
            assertFalse(Files.exists(nas.root().resolve(UNIT)));
        }
    }
}
