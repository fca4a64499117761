package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.BootCheck;
import org.qatwb.model.apply.TxState;
import org.qatwb.ssh.testing.QatFileSet;

/**
 * Staging, the reboot and the boot check on the simulated C62x NAS, over SSH: the client asks for
 * the reboot and waits ({@link RebootWait}); the simulator reboots for real on that request (its SSH
 * server goes away and comes back), and its boot runs the boot check the staging installed
 * ({@code qatwb-boot-check.service}) between qat.service and qatwb-zfs-qat.service, as systemd would.
 */
class BootCheckOnSimulatorTest {

    private static RebootWait.Result rebootAndCheck(SimNas s, String txId, List<String> progress) throws Exception {
        long boots = s.nas.boots();
        RebootRequest r = s.client.reboot();
        assertTrue(r.started(), r.toString());
        assertEquals(List.of(txId), r.pending());
        RebootWait.Result result = new RebootWait(s.client, progress::add).await(txId, Duration.ofSeconds(120));
        assertEquals(boots + 1, s.nas.boots(), "one reboot, the one the client asked for");
        return result;
    }

    @Test
    void aStagedLayoutTheDriverAcceptsRunsAfterTheReboot() throws Exception {
        try (SimNas s = SimNas.c62x()) {
            QatFileSet after = s.validEdit();
            ApplyOutcome staged = s.client.apply(s.plan(after, ApplyMode.STAGE));
            assertEquals(TxState.STAGED, staged.state(), staged.steps().toString());
            List<String> progress = new CopyOnWriteArrayList<>();
            RebootWait.Result result = rebootAndCheck(s, staged.tx().id(), progress);
            RebootWait.Back back = assertInstanceOf(RebootWait.Back.class, result, result.toString());
            assertEquals(TxState.BOOTED, back.outcome().state(), back.outcome().steps().toString());
            assertEquals(TxState.Result.APPLIED, back.outcome().result());
            assertTrue(back.bootCheck().orElseThrow().runsNewLayout(), back.bootCheck().toString());
            assertEquals(after, s.files());
            assertTrue(progress.stream().anyMatch(p -> p.startsWith("back after ")), progress.toString());
        }
    }

    /**
     * Booted as root on ZFS boots (zfs.ko before qat.service): ZFS holds nothing of QAT until the
     * parameters are written 0 again, so the boot check can restart QAT (DOMAIN.md 8, the boot
     * window). Where QAT is up before zfs.ko, ZFS holds it by the time the unit runs (it is ordered
     * after qat.service only, see boot_unit_text), and the driver refuses the restart.
     */
    @Test
    void aStagedLayoutTheDriverRefusesAtBootIsRolledBackInTheBootWindow() throws Exception {
        try (SimNas s = SimNas.c62xZfsHoldsNothing()) {
            QatFileSet before = s.files();
            ApplyOutcome staged = s.client.apply(s.plan(s.rejectedEdit(), ApplyMode.STAGE));
            assertEquals(TxState.STAGED, staged.state(), staged.steps().toString());
            RebootWait.Result result = rebootAndCheck(s, staged.tx().id(), new CopyOnWriteArrayList<>());
            RebootWait.Back back = assertInstanceOf(RebootWait.Back.class, result, result.toString());
            assertEquals(TxState.ROLLED_BACK, back.outcome().state(), back.outcome().steps().toString());
            assertEquals(before, s.files(), "the old files are back");
            s.session.ensureConnected(); // the reboot took the old connection
            assertEquals(48 + 3, s.devices().size(), "every device is up on them");
            BootCheck check = back.bootCheck().orElseThrow();
            assertEquals(BootCheck.Outcome.ROLLED_BACK, check.outcome());
            assertTrue(check.message().contains("not up: 0000:3d:01.5"), check.message());
            // the driver's words, as the simulated qat.service and driver logged them at this boot
            assertTrue(check.message().contains("; driver: Failed to configure qat_dev"), check.message());
        }
    }
}
