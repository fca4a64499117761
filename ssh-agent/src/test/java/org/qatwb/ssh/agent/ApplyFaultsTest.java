package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.TxFile;
import org.qatwb.model.apply.TxState;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.ssh.testing.QatFileSet;

/**
 * A fault at every step of a transaction, on the simulated NAS: afterwards the NAS holds either the
 * complete old or the complete new set of files (compared whole, byte for byte), never a mix; no
 * temporary file is left beside them; the backups are there; and the outcome names the step.
 */
class ApplyFaultsTest {

    enum Expect { OLD, NEW }

    /**
     * One fault.
     *
     * @param name    what breaks, for the test's name
     * @param mode    stage, or restart now
     * @param target  the files to apply, from the simulator's
     * @param arm     the fault, armed after the plan is made
     * @param sudo    through sudo -n
     * @param then    what the client does after the apply (confirm, let the timer fire); returns the last outcome
     * @param state   the outcome expected
     * @param files   which set the NAS holds afterwards
     * @param step    the step the outcome names as failed (null: none failed)
     * @param before  what the NAS needs before the plan is made (a parameter on)
     * @param missing a device the plan expects up that never comes (null: none)
     */
    record Fault(String name, ApplyMode mode, Target target, Arm arm, boolean sudo, Then then, TxState state, Expect files,
                 String step, Prepare before, String missing) {
        Fault(String name, ApplyMode mode, Target target, Arm arm, boolean sudo, Then then, TxState state, Expect files,
              String step) {
            this(name, mode, target, arm, sudo, then, state, files, step, s -> { }, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    interface Prepare {
        void on(SimNas s) throws Exception;
    }

    interface Target {
        QatFileSet of(SimNas s) throws Exception;
    }

    interface Arm {
        void on(SimNas s, ApplyPlan plan) throws Exception;
    }

    interface Then {
        ApplyOutcome after(SimNas s, ApplyOutcome applied) throws Exception;
    }

    private static final String VF6 = "/etc/c6xxvf_dev6.conf";

    /** Three files change: two VFs' affinities and a comment in /etc/default/qat. */
    static QatFileSet threeFiles(SimNas s) {
        // a VF's interrupt-mode instances share one core: both move
        return s.validEdit().with(VF6, t -> t.replaceFirst("Cy0CoreAffinity = \\d+", "Cy0CoreAffinity = 5")
                        .replaceFirst("Dc0CoreAffinity = \\d+", "Dc0CoreAffinity = 5"))
                .with("/etc/default/qat", t -> t + "# staged by qatwb\n");
    }

    private static Fault stage(String name, Arm arm, TxState state, Expect files, String step) {
        return new Fault(name, ApplyMode.STAGE, ApplyFaultsTest::threeFiles, arm, false, (s, o) -> o, state, files, step);
    }

    private static Fault restart(String name, Target target, Arm arm, Then then, TxState state, Expect files, String step) {
        return new Fault(name, ApplyMode.RESTART, target, arm, false, then, state, files, step);
    }

    static Stream<Fault> faults() {
        List<Fault> f = new ArrayList<>();
        Arm none = (s, p) -> { };
        Then confirm = (s, o) -> s.client.confirm(o.tx().id());
        // the checks, before anything changes
        f.add(stage("/etc read-only", (s, p) -> s.nas.faults().readOnlyEtc(true), TxState.REFUSED, Expect.OLD, "stage"));
        f.add(stage("disk full", (s, p) -> s.nas.faults().diskFull(true), TxState.REFUSED, Expect.OLD, "check_space"));
        f.add(new Fault("sudo wants a password", ApplyMode.STAGE, ApplyFaultsTest::threeFiles,
                (s, p) -> s.nas.faults().sudoRequiresPassword(true), true, (s, o) -> o, TxState.REFUSED, Expect.OLD,
                "check_sudo"));
        f.add(stage("a file changed since the snapshot", (s, p) -> Files.writeString(s.nas.root().resolve("etc/c6xxvf_dev6.conf"),
                "# edited by hand\n", java.nio.file.StandardOpenOption.APPEND), TxState.REFUSED, Expect.OLD, "check_before"));
        f.add(stage("the backup fails", (s, p) -> s.nas.faults().failCall("cp", "/var/lib/qatwb", 1,
                "cp: error writing: Input/output error"), TxState.REFUSED, Expect.OLD, "backup"));
        for (int k = 1; k <= 3; k++) {
            int n = k;
            f.add(stage("staging file " + k + " fails", (s, p) -> s.nas.faults().failCall("mktemp", "/etc", n,
                    "mktemp: failed to create file: No space left on device"), TxState.REFUSED, Expect.OLD, "stage"));
        }
        f.add(stage("the connection drops while staging", (s, p) -> s.nas.faults().dropConnectionsAtCall("mktemp", "/etc", 2),
                TxState.REFUSED, Expect.OLD, null));
        f.add(stage("the worker cannot be started", (s, p) -> s.nas.faults().failCall("systemd-run", "--unit=qatwb-tx", 1,
                "Failed to start transient service unit: Access denied"), TxState.REFUSED, Expect.OLD, "launch"));
        // the commit: each rename fails, or the connection drops at it
        for (int k = 1; k <= 3; k++) {
            int n = k;
            f.add(stage("rename " + k + " of 3 fails", (s, p) -> s.nas.faults().failCall("mv", "/etc", n,
                    "mv: cannot move: Input/output error"), TxState.ROLLED_BACK, Expect.OLD, "commit"));
            f.add(stage("the connection drops at rename " + k + " of 3", (s, p) -> s.nas.faults().dropConnectionsAtCall("mv", "/etc", n),
                    TxState.STAGED, Expect.NEW, null));
        }
        // restart now: every step of the restart, the verification and the timer
        Target valid = SimNas::validEdit;
        f.add(restart("the parameters cannot be set to 1", valid, (s, p) -> s.nas.faults().failCall("tee",
                "/sys/module/zfs/parameters", 1, "tee: write error: Device or resource busy"), (s, o) -> o,
                TxState.ROLLED_BACK, Expect.OLD, "params_off"));
        f.add(restart("the restart fails", valid, (s, p) -> s.nas.faults().failNextRestart("QAT: Failed to start qat_dev0"),
                (s, o) -> o, TxState.ROLLED_BACK, Expect.OLD, "restart"));
        // qat_service ends with exit 0 whatever adf_ctl said: the device check is what fails
        f.add(restart("the driver rejects a file", SimNas::rejectedEdit, none, (s, o) -> o, TxState.ROLLED_BACK, Expect.OLD,
                "verify_devices"));
        f.add(new Fault("an expected device stays down", ApplyMode.RESTART, valid, none, false, (s, o) -> o,
                TxState.ROLLED_BACK, Expect.OLD, "verify_devices", s -> { }, "0000:3d:07.7"));
        // ZFS does not make its kstat again when QAT restarts: the rollback cannot bring it back either
        f.add(restart("ZFS loses its QAT kstat", valid, (s, p) -> s.nas.faults().loseKstatOnNextRestart(), (s, o) -> o,
                TxState.ROLLBACK_FAILED, Expect.OLD, "verify_kstat"));
        // offload on (0 written) means ZFS initialised QAT and holds its devices (OpenZFS qat_dc_init ->
        // cpaDcStartInstance -> adf_dev_get): the driver would refuse the restart, so none is attempted,
        // no parameter is written (the fault never fires) and the files wait for the next boot (issue 13)
        f.add(new Fault("offload is on, so ZFS holds QAT: deferred, no parameter written", ApplyMode.RESTART, valid,
                (s, p) -> s.nas.faults().failCall("tee", "/sys/module/zfs/parameters", 4,
                        "tee: /sys/module/zfs/parameters/zfs_qat_compress_disable: Operation not permitted"),
                false, (s, o) -> o, TxState.DEFERRED, Expect.NEW, "busy", ApplyFaultsTest::offloadOn, null));
        // the timer is armed before anything changes: without it, nothing does
        f.add(restart("the timer cannot be armed", valid, (s, p) -> s.nas.faults().failCall("systemd-run", "--on-active", 1,
                "Failed to start transient timer unit: Connection timed out"), (s, o) -> o, TxState.REFUSED, Expect.OLD,
                "arm_timer"));
        f.add(restart("the restart drops the connection", valid, (s, p) -> s.nas.faults().dropConnectionsAtCall("systemctl",
                "restart", 1), confirm, TxState.CONFIRMED, Expect.NEW, null));
        f.add(restart("nobody confirms", valid, none, (s, o) -> {
            s.nas.advance(o.tx().timeout().orElseThrow().plusSeconds(1));
            return s.client.status(o.tx().id(), Duration.ZERO).orElseThrow();
        }, TxState.ROLLED_BACK, Expect.OLD, "expired"));
        f.add(restart("the confirm's connection drops", valid, (s, p) -> s.nas.faults().dropConnectionsAtCall("systemctl",
                "stop", 1), (s, o) -> {
                    ApplyOutcome c = s.client.confirm(o.tx().id());
                    s.nas.advance(Duration.ofSeconds(600));
                    return c;
                }, TxState.CONFIRMED, Expect.NEW, null));
        f.add(restart("the rollback's restart fails too", valid, (s, p) -> {
            s.nas.faults().failNextRestart("QAT: Failed to start qat_dev0");
            s.nas.faults().failCall("systemctl", "restart", 2, "Job for qat.service failed because the control process exited with error code.");
        }, (s, o) -> o, TxState.ROLLBACK_FAILED, Expect.OLD, "restart"));
        return f.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void theNasHoldsTheOldSetOrTheNewNeverAMix(Fault fault) throws Exception {
        try (SimNas s = SimNas.c62xZfsHoldsNothing()) {
            fault.before().on(s);
            QatFileSet old = s.files();
            QatFileSet target = fault.target().of(s);
            Set<String> expected = new java.util.TreeSet<>(s.devices());
            if (fault.missing() != null) {
                expected.add(fault.missing());
            }
            ApplyPlan plan = old.planTo(target, fault.mode(), expected, Duration.ofSeconds(120));
            fault.arm().on(s, plan);
            QatFileSet before = s.files(); // as the fault left them (a hand edit)
            AgentClient client = fault.sudo() ? new AgentClient(s.session, true) : s.client;
            ApplyOutcome applied = client.apply(plan);
            ApplyOutcome last = fault.then().after(s, applied);
            s.nas.awaitTransientUnits(Duration.ofSeconds(60));
            s.nas.faults().clear();

            assertEquals(fault.state(), last.state(), last.steps().toString());
            QatFileSet now = s.files();
            QatFileSet want = fault.files() == Expect.OLD ? before : target;
            assertTrue(now.sameAs(want), "expected the " + fault.files() + " set; differs in " + now.differences(want));
            if (fault.step() != null) {
                assertEquals(fault.step(), last.failure().orElseThrow().name(), last.steps().toString());
            }
            assertNoTemporaryFiles(s.nas.root());
            assertBackups(s, last, before);
            assertFalse(Files.exists(s.nas.transactions().resolveSibling("lock"), java.nio.file.LinkOption.NOFOLLOW_LINKS), "the lock is released");
        }
    }

    /**
     * A restart that hangs in the driver is ended by its bound and rolled back. The NAS's timeout(1)
     * is wrapped to end any call after 2 s whatever bound the agent asks for, so that the test does
     * not wait the real one.
     */
    @org.junit.jupiter.api.Test
    void aRestartThatHangsTimesOutAndIsRolledBack() throws Exception {
        Path timeout = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .map(d -> Path.of(d, "timeout")).filter(Files::isExecutable).findFirst().orElseThrow();
        try (SimNas s = SimNas.c62xZfsHoldsNothing()) { // where ZFS holds QAT the restart is not attempted
            QatFileSet before = s.files();
            ApplyPlan plan = s.plan(s.validEdit(), ApplyMode.RESTART);
            s.nas.faults().hostileTool("timeout", "shift\nexec " + timeout + " 2 \"$@\"").hangAtCall("systemctl", "restart", 1);
            ApplyOutcome o = s.client.apply(plan);
            s.nas.awaitTransientUnits(Duration.ofSeconds(60));
            s.nas.faults().clear();
            assertEquals(TxState.ROLLED_BACK, o.state(), o.steps().toString());
            var failed = o.failure().orElseThrow();
            assertEquals("restart", failed.name(), o.steps().toString());
            assertTrue(failed.text().contains("timed out after 300 s"), failed.text());
            assertTrue(s.files().sameAs(before), "the old files are back");
            assertNoTemporaryFiles(s.nas.root());
            assertFalse(Files.exists(s.nas.transactions().resolveSibling("lock")), "the lock is released");
        }
    }

    /** ZFS offloads everything: a restart must give it back, or the kernel refuses (EPERM). */
    private static void offloadOn(SimNas s) throws Exception {
        for (ZfsParam p : ZfsParam.values()) {
            s.client.setParam(p, false);
        }
    }

    private static void assertNoTemporaryFiles(Path root) throws IOException {
        for (String d : List.of("etc", "etc/default", "etc/modprobe.d")) {
            Path dir = root.resolve(d);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".qatwb"))
                            .toList(), "temporary files left in " + d);
                }
            }
        }
    }

    /** Once the backup step passed, every file the transaction saw is backed up as it was before it. */
    private static void assertBackups(SimNas s, ApplyOutcome o, QatFileSet before) throws IOException {
        Path dir = s.nas.transactions().resolve(o.tx().id());
        if (o.steps().stream().noneMatch(st -> st.name().equals("backup") && st.ok())) {
            return; // refused before (or at) the backup: nothing was changed
        }
        List<TxFile> files = o.tx().files();
        for (int i = 0; i < files.size(); i++) {
            TxFile f = files.get(i);
            if (f.before().isPresent()) {
                Path backup = dir.resolve("old").resolve(Path.of(f.path()).getFileName());
                assertTrue(Files.exists(backup), "backup of " + f.path());
                assertArrayEquals(before.get(f.path()), Files.readAllBytes(backup), "backup of " + f.path());
            }
        }
    }
}
