package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.testing.QatFileSet;

/**
 * {@code qatwb apply} without --dry-run, end to end against the simulated NAS: staged, restarted and
 * confirmed over a new connection, rolled back (exit 1), not rolled back (exit 4); the history, a
 * restore and the status of a transaction.
 */
class ApplyEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static CliRun cli(String command, SimulatedNas nas, String... more) {
        return NasCommandsEndToEndTest.cli(command, nas, more);
    }

    /** The NAS's layout with one VF's Dc interrupt on core {@code core}: a one-line change of c6xxvf_dev4.conf. */
    private Path edited(SimulatedNas nas, int core) throws IOException {
        ObjectNode doc = (ObjectNode) cli("layout", nas).json();
        // a VF's interrupt-mode instances share its one bank's core (the driver refuses a second core)
        ((ObjectNode) doc.at("/devices/5/sections/0/cy/0")).put("coreAffinity", core);
        ((ObjectNode) doc.at("/devices/5/sections/0/dc/0")).put("coreAffinity", core);
        Path f = Files.createTempFile(dir, "layout", ".json");
        Files.writeString(f, JSON.writeValueAsString(doc));
        return f;
    }

    private static JsonNode tx(CliRun run) {
        return run.json().get("transaction");
    }

    @Test
    void theCompressionPresetIsStagedForTheNextBootInOneTransaction() throws IOException {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            QatFileSet before = QatFileSet.read(nas.root());
            CliRun preset = cli("layout", nas, "--preset", "zfs-compression");
            Path f = dir.resolve("compression.json");
            Files.writeString(f, preset.out());
            long execs = nas.execCount();
            CliRun run = cli("apply", nas, "--yes", f.toString());
            assertEquals(0, run.exit(), run.err());
            assertEquals(2, nas.execCount() - execs, "a snapshot to compile against, then one exec for the transaction");
            JsonNode t = tx(run);
            assertEquals("staged", t.get("state").asText());
            assertEquals("pendingBoot", t.get("result").asText());
            assertEquals("stage", t.get("mode").asText());
            assertEquals(51, run.json().get("files").size());
            long written = 0;
            for (JsonNode file : t.get("files")) {
                written += file.get("action").asText().equals("write") ? 1 : 0;
            }
            assertEquals(51, written);
            assertEquals(51, before.differences(QatFileSet.read(nas.root())).size());
            assertTrue(run.err().contains("staging 51 file(s) for the next boot"), run.err());
            assertTrue(Files.isDirectory(nas.transactions().resolve(t.get("id").asText()).resolve("old")));
        }
    }

    /**
     * Without a terminal nothing is written unless the script opts in with --yes: the diff is printed
     * first all the same, so that the refusal shows what would have changed.
     */
    @Test
    void withoutATerminalTheDiffIsShownAndNothingIsWrittenWithoutYes() throws IOException {
        // zfs.ko first: ZFS holds no QAT device, so the restart applies (else it is deferred, exit 1)
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            QatFileSet before = QatFileSet.read(nas.root());
            Path f = edited(nas, 41);
            CliRun run = cli("apply", nas, f.toString(), "--restart");
            assertEquals(2, run.exit(), run.err());
            assertTrue(run.err().contains("\n--- /etc/c6xxvf_dev4.conf\n+++ /etc/c6xxvf_dev4.conf\n"), run.err());
            assertTrue(run.err().strip().endsWith("without a terminal to confirm on, a script must opt in with --yes"), run.err());
            assertEquals("", run.out());
            assertTrue(QatFileSet.read(nas.root()).sameAs(before));
            assertFalse(Files.exists(nas.transactions()) && Files.list(nas.transactions()).findAny().isPresent());

            CliRun applied = cli("apply", nas, "--yes", f.toString(), "--restart");
            assertEquals(0, applied.exit(), applied.err());
            assertTrue(applied.err().contains("\n+++ /etc/c6xxvf_dev4.conf\n"), applied.err());
            String id = tx(applied).get("id").asText();
            CliRun restore = cli("apply", nas, "--restore", id);
            assertEquals(2, restore.exit(), restore.err());
            assertTrue(restore.err().contains("puts back the files as they were before it"), restore.err());
            assertEquals(1, cli("apply", nas, "--history").json().get("transactions").size());
        }
    }

    @Test
    void aRestartIsVerifiedAndConfirmedOverANewConnection() throws IOException {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            Path f = edited(nas, 41);
            long connections = nas.connectionCount();
            CliRun run = cli("apply", nas, "--yes", f.toString(), "--restart", "--confirm-timeout", "60");
            assertEquals(0, run.exit(), run.err());
            JsonNode t = tx(run);
            assertEquals("confirmed", t.get("state").asText(), t.toString());
            assertEquals(60, t.get("confirmTimeout").asInt());
            assertEquals(2, nas.connectionCount() - connections, "the command's connection, then a new one to confirm");
            assertTrue(run.err().contains("restarting QAT now"), run.err());
            assertTrue(run.err().contains("confirming over a new connection"), run.err());
            assertTrue(Files.readString(nas.root().resolve("etc/c6xxvf_dev4.conf")).contains("Dc0CoreAffinity = 41"));
            nas.advance(Duration.ofSeconds(120));
            assertTrue(Files.readString(nas.root().resolve("etc/c6xxvf_dev4.conf")).contains("Dc0CoreAffinity = 41"),
                    "confirmed: the timer does not roll back");
        }
    }

    /** Issue 13: on c62x as shipped (QAT up before zfs.ko) ZFS holds QAT, the driver would refuse the restart. */
    @Test
    void whileZfsHoldsQatARestartEndsDeferredExitOneWithNothingClaimedLive() throws IOException {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            Path devCfg = nas.root().resolve("sys/kernel/debug/qat_c6xxvf_0000:3d:01.4/dev_cfg");
            String loaded = Files.readString(devCfg);
            Path param = nas.root().resolve("sys/module/zfs/parameters/zfs_qat_compress_disable");
            String paramBefore = Files.readString(param);
            CliRun snap = cli("snapshot", nas);
            assertTrue(snap.json().get("qatHeldByZfs").asBoolean(), snap.out());
            assertTrue(snap.json().get("devices").get(7).get("devCfg").has("KERNEL_QAT"), snap.out());

            CliRun run = cli("apply", nas, "--yes", edited(nas, 41).toString(), "--restart");
            assertEquals(1, run.exit(), run.err());
            assertTrue(run.err().contains("qatwb: ZFS holds the QAT devices: a restart cannot apply this layout now; it will"
                    + " take effect at the next boot (apply --reboot)"), run.err());
            JsonNode t = tx(run);
            assertEquals("deferred", t.get("state").asText(), t.toString());
            String last = run.err().strip().lines().reduce((a, b) -> b).orElse("");
            assertTrue(last.startsWith("qatwb: deferred: the files are staged and take effect at the next boot; nothing new"
                    + " runs now"), last);
            assertTrue(Files.readString(nas.root().resolve("etc/c6xxvf_dev4.conf")).contains("Dc0CoreAffinity = 41"),
                    "the files stay committed for the next boot");
            assertEquals(loaded, Files.readString(devCfg), "the driver still runs the old configuration");
            assertFalse(loaded.contains("Dc0CoreAffinity = 41"));
            assertEquals(paramBefore, Files.readString(param), "the parameters as they were");
        }
    }

    /** The same NAS without its parameters unit (zfs.ko first, no 0 written since): nothing holds QAT. */
    @Test
    void whereNothingHoldsQatARestartAppliesAndDevCfgShowsTheNewValues() throws IOException {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            Path devCfg = nas.root().resolve("sys/kernel/debug/qat_c6xxvf_0000:3d:01.4/dev_cfg");
            assertFalse(Files.readString(devCfg).contains("Dc0CoreAffinity = 41"));
            CliRun snap = cli("snapshot", nas);
            assertFalse(snap.json().get("qatHeldByZfs").asBoolean(), snap.out());
            CliRun run = cli("apply", nas, "--yes", edited(nas, 41).toString(), "--restart", "--confirm-timeout", "60");
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.err().contains("qatwb: ZFS holds no QAT device: a restart can apply this layout now"), run.err());
            JsonNode t = tx(run);
            assertEquals("confirmed", t.get("state").asText());
            assertTrue(t.toString().contains("verify_devcfg"), t.toString());
            assertTrue(Files.readString(devCfg).contains("\nDc0CoreAffinity = 41\n"), Files.readString(devCfg));
        }
    }

    @Test
    void aFailedRestartRollsBackByItselfExitOneWithTheDriversWords() throws IOException {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            QatFileSet before = QatFileSet.read(nas.root());
            Path f = edited(nas, 41);
            nas.faults().failNextRestart("QAT: Failed to start qat_dev0");
            CliRun run = cli("apply", nas, "--yes", f.toString(), "--restart");
            assertEquals(1, run.exit(), run.err());
            assertEquals("rolled-back", tx(run).get("state").asText());
            assertTrue(QatFileSet.read(nas.root()).sameAs(before));
            String last = run.err().strip().lines().reduce((a, b) -> b).orElseThrow();
            assertTrue(last.startsWith("qatwb: rolled back, the files are as they were: restart error"), last);
            assertTrue(last.contains("Failed to start qat_dev0"), last);
            assertTrue(tx(run).get("kernelLog").toString().contains("Failed to start qat_dev0"), tx(run).toString());
        }
    }

    @Test
    void aRollbackThatCannotRestartQatIsExitFour() throws IOException {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            QatFileSet before = QatFileSet.read(nas.root());
            Path f = edited(nas, 41);
            nas.faults().failNextRestart("QAT: Failed to start qat_dev0")
                    .failCall("systemctl", "restart", 2, "Job for qat.service failed because the control process exited with error code.");
            CliRun run = cli("apply", nas, "--yes", f.toString(), "--restart");
            assertEquals(4, run.exit(), run.err());
            assertEquals("rollback-failed", tx(run).get("state").asText());
            assertTrue(QatFileSet.read(nas.root()).sameAs(before), "the files are back; QAT is not");
            assertTrue(run.err().contains("needs attention, the rollback did not complete"), run.err());
            assertTrue(run.err().contains("then rollback_restart error"), run.err());
        }
    }

    @Test
    void historyListsTransactionsAndRestorePutsTheFilesBack() throws IOException {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            QatFileSet before = QatFileSet.read(nas.root());
            CliRun applied = cli("apply", nas, "--yes", edited(nas, 41).toString());
            assertEquals(0, applied.exit(), applied.err());
            String id = tx(applied).get("id").asText();

            CliRun history = cli("apply", nas, "--history");
            assertEquals(0, history.exit(), history.err());
            JsonNode first = history.json().get("transactions").get(0);
            assertEquals(id, first.get("id").asText());
            assertEquals("/etc/c6xxvf_dev4.conf", first.get("files").get(0).get("path").asText(), "the one file the layout changes");
            assertEquals("write", first.get("files").get(0).get("action").asText());

            CliRun restore = cli("apply", nas, "--yes", "--restore", id);
            assertEquals(0, restore.exit(), restore.err());
            assertEquals(id, tx(restore).get("restoreOf").get("id").asText());
            assertEquals("before", tx(restore).get("restoreOf").get("point").asText());
            assertTrue(QatFileSet.read(nas.root()).sameAs(before));

            CliRun again = cli("apply", nas, "--yes", "--restore", id, "--restore-point", "after", "--restart");
            assertEquals(0, again.exit(), again.err());
            assertEquals("confirmed", tx(again).get("state").asText());
            assertTrue(Files.readString(nas.root().resolve("etc/c6xxvf_dev4.conf")).contains("Dc0CoreAffinity = 41"));

            CliRun status = cli("apply", nas, "--status", id);
            assertEquals(0, status.exit(), status.err());
            assertEquals("staged", tx(status).get("state").asText());
            assertEquals(3, cli("apply", nas, "--history").json().get("transactions").size());
        }
    }

    /**
     * --confirm, --abort and --unlock of a transaction that has ended are refused with its state,
     * exit 1; --abort of one staged for the next boot puts its files back, exit 0; --history shows
     * the first backup of each file.
     */
    @Test
    void confirmAbortAndUnlockOverTheCli() throws IOException {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            QatFileSet before = QatFileSet.read(nas.root());
            CliRun applied = cli("apply", nas, "--yes", edited(nas, 41).toString());
            assertEquals(0, applied.exit(), applied.err());
            String id = tx(applied).get("id").asText();

            CliRun confirm = cli("apply", nas, "--confirm", id);
            assertEquals(1, confirm.exit(), confirm.err());
            assertTrue(confirm.err().contains("nothing to confirm: the transaction is staged"), confirm.err());
            CliRun unlock = cli("apply", nas, "--unlock", id);
            assertEquals(1, unlock.exit(), unlock.err());
            assertTrue(unlock.err().contains("the lock is not held by " + id), unlock.err());

            // staged for the next boot (issue 13): abort puts the files back and nothing waits for the boot
            CliRun abort = cli("apply", nas, "--abort", id);
            assertEquals(0, abort.exit(), abort.err());
            assertEquals("rolled-back", tx(abort).get("state").asText());
            assertTrue(QatFileSet.read(nas.root()).sameAs(before));
            CliRun refused = cli("apply", nas, "--abort", id);
            assertEquals(1, refused.exit(), refused.err());
            assertEquals("rolled-back", tx(refused).get("state").asText());

            CliRun history = cli("apply", nas, "--history");
            JsonNode pristine = history.json().get("pristine");
            assertEquals(1, pristine.size(), pristine.toString());
            assertEquals("/var/lib/qatwb/pristine/c6xxvf_dev4.conf", pristine.get(0).get("path").asText());
            assertEquals(id, pristine.get(0).get("transaction").asText());
            assertTrue(history.err().contains("/var/lib/qatwb/pristine/c6xxvf_dev4.conf"), history.err());
        }
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo() throws IOException {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            QatFileSet before = QatFileSet.read(nas.root());
            for (String[] args : new String[][] {{}, {"--history", "--status", "20261122T100001Z-3fa2b1c0"},
                    {"--history", "--dry-run"}, {"--status", "yesterday"}, {"--restore", "20261122T100001Z-3fa2b1c0", "--restore-point", "now"},
                    {"--history", "--restart"}, {"--restore-point", "after", "--history"}, {"--history", "--reboot"},
                    {"--status", "20261122T100001Z-3fa2b1c0", "--reboot-timeout", "60"}, {"--history", "--yes"}, {"--abort", "now"},
                    {"--unlock", "20261122T100001Z-3fa2b1c0", "--restart"}, {"--confirm", "20261122T100001Z-3fa2b1c0", "--history"},
                    // without a terminal --reboot must be told to go ahead: nothing is staged either
                    {edited(nas, 41).toString(), "--reboot"},
                    {edited(nas, 41).toString(), "--reboot", "--yes", "--reboot-timeout", "0"}}) {
                CliRun run = cli("apply", nas, args);
                assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.err());
                assertTrue(run.oneLineError(), String.join(" ", args) + ": " + run.err());
            }
            CliRun unknown = cli("apply", nas, "--status", "20261122T100001Z-3fa2b1c0");
            assertEquals(1, unknown.exit());
            assertEquals("qatwb: no transaction 20261122T100001Z-3fa2b1c0 on this NAS", unknown.err().strip());
            assertFalse(Files.exists(nas.transactions().resolve("20261122T100001Z-3fa2b1c0")));
            assertTrue(QatFileSet.read(nas.root()).sameAs(before));
        }
    }
}
