package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.BootCheck;
import org.qatwb.model.apply.TxState;
import org.qatwb.ssh.ExecResult;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.testing.Poll;
import org.qatwb.ssh.testing.QatFileSet;

/**
 * Staging, the reboot and the boot check on the simulated C62x NAS, over SSH: the client asks for
 * the reboot and waits ({@link RebootWait}); the test reboots the simulator through its hook
 * ({@code SimulatedNas.reboot()}: drivers and zfs.ko start again on the staged files) and runs the
 * boot check as the unit runs it ({@code sh /var/lib/qatwb/agent.sh boot-check - 0}), over a new
 * connection, while the client waits.
 */
class BootCheckOnSimulatorTest {

    /** The unit's ExecStart, under the simulated root. */
    private static final String UNIT_COMMAND = "sh \"$QATWB_ROOT/var/lib/qatwb/agent.sh\" boot-check - 0";

    private static RebootWait.Result rebootAndCheck(SimNas s, String txId, List<String> progress) throws Exception {
        RebootRequest r = s.client.reboot();
        assertTrue(r.started(), r.toString());
        assertEquals(List.of(txId), r.pending());
        CompletableFuture<RebootWait.Result> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return new RebootWait(s.client, progress::add).await(txId, Duration.ofSeconds(120));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(Poll.until(Duration.ofSeconds(30), () -> progress.contains("waiting for the NAS to go down")));
        s.nas.reboot();
        try (NasSession unit = s.session.connectAgain()) {
            ExecResult run = unit.exec(UNIT_COMMAND, new byte[0], Duration.ofSeconds(60));
            assertEquals(0, run.exitStatus(), new String(run.stdout(), StandardCharsets.UTF_8));
        }
        return waiting.get(120, TimeUnit.SECONDS);
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

    @Test
    void aStagedLayoutTheDriverRefusesAtBootIsRolledBackInTheBootWindow() throws Exception {
        try (SimNas s = SimNas.c62x()) {
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
