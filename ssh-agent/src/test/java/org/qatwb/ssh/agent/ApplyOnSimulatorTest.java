package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.devcfg.DevCfgExpectation;
import org.qatwb.model.apply.TxRecord;
import org.qatwb.model.apply.TxState;
import org.qatwb.model.apply.TxStep;
import org.qatwb.ssh.testing.QatFileSet;

/** Apply, confirm, the rollback timer and history against the simulated NAS, over real SSH. */
class ApplyOnSimulatorTest {

    @Test
    void stagingWritesTheWholeNewSetInOneExecAndKeepsTheBackups() throws Exception {
        try (SimNas s = SimNas.c62x()) {
            QatFileSet before = s.files();
            QatFileSet after = s.validEdit();
            var plan = s.plan(after, ApplyMode.STAGE);
            long execs = s.nas.execCount();
            ApplyOutcome o = s.client.apply(plan);
            assertEquals(1, s.nas.execCount() - execs, "staging is one exec");
            assertEquals(TxState.STAGED, o.state(), o.steps().toString());
            assertEquals(after, s.files());
            assertEquals(List.of("check_space", "check_before", "backup", "stage", "go", "commit", "boot_arm"),
                    o.steps().stream().map(TxStep::name).toList());
            var dir = s.nas.transactions().resolve(o.tx().id());
            for (int i = 0; i < o.tx().files().size(); i++) {
                String path = o.tx().files().get(i).path();
                assertTrue(java.util.Arrays.equals(before.get(path), Files.readAllBytes(dir.resolve("old").resolve(java.nio.file.Path.of(path).getFileName()))),
                        "backup of " + path);
            }
            List<TxRecord> history = s.client.history();
            assertEquals(o.tx().id(), history.get(0).id());
            assertEquals(List.of(SimNas.VF), history.get(0).changed().stream().map(f -> f.path()).toList());
        }
    }

    @Test
    void aRestartConfirmedOverANewConnectionStays() throws Exception {
        try (SimNas s = SimNas.c62xZfsHoldsNothing()) {
            QatFileSet after = s.validEdit();
            var plan = s.plan(after, ApplyMode.RESTART);
            long execs = s.nas.execCount();
            ApplyOutcome o = s.client.apply(plan);
            assertEquals(TxState.AWAITING_CONFIRM, o.state(), o.steps().toString());
            assertEquals(List.of("qatwb-rollback-" + o.tx().id() + ".timer"), s.nas.transientUnits());
            long connections = s.nas.connectionCount();
            ApplyOutcome c = s.client.confirm(o.tx().id());
            assertEquals(TxState.CONFIRMED, c.state(), c.steps().toString());
            assertEquals(connections + 1, s.nas.connectionCount(), "confirmed over a new connection");
            assertEquals(2, s.nas.execCount() - execs, "a restart is one exec, plus the confirm");
            assertEquals(List.of(), s.nas.transientUnits(), "the timer is stopped");
            s.nas.advance(Duration.ofSeconds(300));
            assertEquals(after, s.files());
        }
    }

    /** Issue 5's target: a restart now is at most three execs plus the confirm, even when the restart drops the link. */
    @Test
    void aRestartThatDropsTheLinkCostsOneStatusOverANewConnectionThenTheConfirm() throws Exception {
        try (SimNas s = SimNas.c62xZfsHoldsNothing()) {
            QatFileSet after = s.validEdit();
            var plan = s.plan(after, ApplyMode.RESTART);
            s.nas.faults().dropConnectionsAtCall("systemctl", "restart", 1);
            long execs = s.nas.execCount();
            long connections = s.nas.connectionCount();
            ApplyOutcome o = s.client.apply(plan);
            assertEquals(TxState.AWAITING_CONFIRM, o.state(), o.steps().toString());
            assertEquals(2, s.nas.execCount() - execs, "the apply, cut by the restart, then status");
            assertEquals(1, s.nas.connectionCount() - connections, "status over a new connection");
            ApplyOutcome c = s.client.confirm(o.tx().id());
            assertEquals(TxState.CONFIRMED, c.state());
            assertEquals(3, s.nas.execCount() - execs);
            assertEquals(after, s.files());
        }
    }

    @Test
    void aRestartNobodyConfirmsRollsBackWhenTheTimerFires() throws Exception {
        try (SimNas s = SimNas.c62xZfsHoldsNothing()) {
            QatFileSet before = s.files();
            ApplyOutcome o = s.client.apply(s.plan(s.validEdit(), ApplyMode.RESTART));
            assertEquals(TxState.AWAITING_CONFIRM, o.state(), o.steps().toString());
            s.nas.advance(Duration.ofSeconds(119));
            assertFalse(before.sameAs(s.files()), "not yet");
            s.nas.advance(Duration.ofSeconds(2));
            assertEquals(before, s.files());
            ApplyOutcome late = s.client.confirm(o.tx().id());
            assertEquals(TxState.ROLLED_BACK, late.state());
            assertTrue(late.steps().stream().anyMatch(st -> st.name().equals("expired")), late.steps().toString());
        }
    }

    /** A non-root account with sudo (TrueNAS admin users): every privileged step through sudo -n. */
    @Test
    void throughSudoARestartIsAppliedAndConfirmed() throws Exception {
        try (SimNas s = SimNas.c62xZfsHoldsNothing()) {
            AgentClient sudo = new AgentClient(s.session, true);
            QatFileSet after = s.validEdit();
            ApplyOutcome o = sudo.apply(s.plan(after, ApplyMode.RESTART));
            assertEquals(TxState.AWAITING_CONFIRM, o.state(), o.steps().toString());
            assertEquals(TxState.CONFIRMED, sudo.confirm(o.tx().id()).state());
            assertEquals(after, s.files());
            assertEquals(o.tx().id(), sudo.history().get(0).id());
        }
    }

    /** Without systemd the worker and the timer are setsid processes, on the real clock. */
    @Test
    void withoutSystemdTheTimerIsADetachedProcessThatRollsBack() throws Exception {
        try (SimNas s = SimNas.c62xZfsHoldsNothing()) {
            s.nas.faults().withoutSystemd(true);
            QatFileSet before = s.files();
            var plan = s.files().planTo(s.validEdit(), ApplyMode.RESTART, s.devices(), Duration.ofSeconds(1));
            ApplyOutcome o = s.client.apply(plan);
            // the timer is armed before the commit: its one second may pass before the worker is done
            assertTrue(o.state() == TxState.AWAITING_CONFIRM || o.state() == TxState.ROLLED_BACK, o.steps().toString());
            assertEquals("setsid", o.tx().runner().orElseThrow());
            assertEquals(List.of(), s.nas.transientUnits());
            java.nio.file.Path state = s.nas.transactions().resolve(o.tx().id()).resolve("state");
            assertTrue(org.qatwb.ssh.testing.Poll.until(Duration.ofSeconds(60), () -> read(state).equals("rolled-back")),
                    read(state));
            assertEquals(before, s.files());
        }
    }

    @Test
    void withoutSystemdAConfirmEndsTheTimerProcess() throws Exception {
        try (SimNas s = SimNas.c62xZfsHoldsNothing()) {
            s.nas.faults().withoutSystemd(true);
            QatFileSet after = s.validEdit();
            ApplyOutcome o = s.client.apply(s.files().planTo(after, ApplyMode.RESTART, s.devices(), Duration.ofSeconds(30)));
            assertEquals(TxState.AWAITING_CONFIRM, o.state(), o.steps().toString());
            assertTrue(o.steps().stream().anyMatch(st -> st.name().equals("restart") && st.ok()));
            ApplyOutcome c = s.client.confirm(o.tx().id());
            assertEquals(TxState.CONFIRMED, c.state(), c.steps().toString());
            assertEquals(after, s.files());
        }
    }

    private static String read(java.nio.file.Path p) {
        try {
            return Files.readString(p).strip();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void aFileTheDriverRejectsRollsBackByItselfWithTheDriversWords() throws Exception {
        try (SimNas s = SimNas.c62xZfsHoldsNothing()) {
            QatFileSet before = s.files();
            ApplyOutcome o = s.client.apply(s.plan(s.rejectedEdit(), ApplyMode.RESTART));
            assertEquals(TxState.ROLLED_BACK, o.state(), o.steps().toString());
            assertEquals(before, s.files());
            // qat_service exits 0 whatever adf_ctl says (the unit stays active): the devices tell
            assertEquals("verify_devices", o.failure().orElseThrow().name(), o.steps().toString());
            assertTrue(o.failure().orElseThrow().text().contains("not up: 0000:3d:01.5"), o.steps().toString());
            // adf_ctl refused the file itself: its words are in qat.service's journal, never in the kernel log
            assertTrue(o.kernelLog().stream().noneMatch(l -> l.contains("Only version 2 config file supported")),
                    o.kernelLog().toString());
            java.nio.file.Path journal = s.nas.root().resolve(".sim/state/journal_qat.cat");
            assertTrue(java.nio.file.Files.readString(journal).contains("QAT Error: Only version 2 config file supported\n"));
            assertEquals(48 + 3, s.devices().size());
        }
    }

    /** Issue 13: on the c62x NAS, whose parameters unit gave ZFS its QAT after boot, ZFS holds it: a restart cannot apply and says so. */
    @Test
    void whereZfsHoldsQatARestartIsDeferredNothingRestartedAndTheParametersAsTheyWere() throws Exception {
        try (SimNas s = SimNas.c62x()) {
            QatFileSet after = s.validEdit();
            String loaded = s.vfDevCfg();
            String params = s.nas.root().resolve("sys/module/zfs/parameters/zfs_qat_compress_disable").toString();
            String paramBefore = Files.readString(java.nio.file.Path.of(params));
            ApplyOutcome o = s.client.apply(s.planWithDevCfg(after, ApplyMode.RESTART));
            assertEquals(TxState.DEFERRED, o.state(), o.steps().toString());
            assertEquals(TxState.Result.DEFERRED, o.result());
            // the client's go, and the rollback timer armed before the commit (disarmed by the deferral)
            assertEquals(List.of("check_space", "check_before", "backup", "stage", "go", "arm_timer", "commit", "busy",
                    "params_restore", "boot_arm"), o.steps().stream().map(TxStep::name).toList());
            assertTrue(o.failure().orElseThrow().text().contains("ZFS holds QAT devices"), o.steps().toString());
            assertEquals(after, s.files(), "the files stay committed for the next boot");
            assertEquals(loaded, s.vfDevCfg(), "the driver still runs the old configuration");
            assertEquals(paramBefore, Files.readString(java.nio.file.Path.of(params)));
            assertEquals(List.of(), s.nas.transientUnits(), "no rollback timer: nothing to roll back now");
            var dir = s.nas.transactions().resolve(o.tx().id());
            assertTrue(Files.readString(dir.resolve("expect")).contains(" KERNEL_QAT Cy0CoreAffinity 3\n"));
        }
    }

    @Test
    void whereNothingHoldsQatARestartIsVerifiedByWhatTheDriverLoaded() throws Exception {
        try (SimNas s = SimNas.c62xZfsHoldsNothing()) {
            QatFileSet after = s.validEdit();
            assertFalse(s.vfDevCfg().contains("Cy0CoreAffinity = 3\n"));
            ApplyOutcome o = s.client.apply(s.planWithDevCfg(after, ApplyMode.RESTART));
            assertEquals(TxState.AWAITING_CONFIRM, o.state(), o.steps().toString());
            TxStep devcfg = o.steps().stream().filter(x -> x.name().equals("verify_devcfg")).findFirst().orElseThrow();
            assertTrue(devcfg.ok() && devcfg.text().endsWith("keys as the files say"), devcfg.toString());
            assertTrue(s.vfDevCfg().contains("Cy0CoreAffinity = 3\n"), s.vfDevCfg());
            assertEquals(TxState.CONFIRMED, s.client.confirm(o.tx().id()).state());
        }
    }

    @Test
    void aDevCfgThatDoesNotShowTheFilesRollsBackAndTheRollbackIsCheckedAgainstTheOldFiles() throws Exception {
        try (SimNas s = SimNas.c62xZfsHoldsNothing()) {
            QatFileSet before = s.files();
            ApplyPlan honest = s.planWithDevCfg(s.validEdit(), ApplyMode.RESTART);
            // an expectation the driver will not show: as if the restart had left the device on its old configuration
            List<DevCfgExpectation.Line> lines = new java.util.ArrayList<>(honest.expect().lines());
            DevCfgExpectation.Line first = lines.get(0);
            lines.add(new DevCfgExpectation.Line(first.bsf(), "KERNEL_QAT", "NumberCyInstances", "7"));
            ApplyPlan plan = new ApplyPlan(honest.changes(), honest.mode(), honest.expectedUp(), honest.confirmTimeout(),
                    new DevCfgExpectation(lines), honest.expectBefore());
            ApplyOutcome o = s.client.apply(plan);
            assertEquals(TxState.ROLLED_BACK, o.state(), o.steps().toString());
            assertEquals("verify_devcfg", o.failure().orElseThrow().name());
            assertTrue(o.failure().orElseThrow().text().contains("[KERNEL_QAT] NumberCyInstances: 1, the files say 7"),
                    o.failure().orElseThrow().text());
            assertEquals(before, s.files());
            TxStep back = o.steps().stream().filter(x -> x.name().equals("rollback_verify_devcfg")).findFirst().orElseThrow();
            assertTrue(back.ok(), back.toString());
        }
    }
}
