package org.qatwb.app.usecase.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.apply.BootCheck;
import org.qatwb.model.apply.TxState;
import org.qatwb.sim.SimEndpoint;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.testing.QatFileSet;
import org.qatwb.ssh.testing.Specs;

/**
 * The apply use case both front ends run, over real SSH to the simulated C62x NAS on the driven
 * clock: staging, a restart confirmed with the patience rule, and a reboot the simulator carries out
 * by itself (its boot runs the boot check the staging armed, as systemd runs the unit).
 */
class ApplyUseCaseTest {

    private static final String VF = "/etc/c6xxvf_dev5.conf";
    private static final Duration LIMIT = Duration.ofSeconds(120);

    /** The simulator, a session to it, and what the use case reported. */
    private record Nas(SimulatedNas sim, NasSession session, AgentClient client, List<ApplyProgress> seen)
            implements AutoCloseable {

        static Nas start() throws Exception {
            return start(SimOptions.driven("c62x"));
        }

        /** A C62x whose ZFS holds no QAT device after boot: a restart can apply a layout there. */
        static Nas startWithNothingHeld() throws Exception {
            return start(SimOptions.driven("c62x").withKeptParams(false));
        }

        static Nas start(SimOptions options) throws Exception {
            SimulatedNas sim = SimulatedNas.start(options);
            SimEndpoint e = sim.endpoint();
            NasSession s = NasSession.connect(Specs.spec(e.host(), e.port(), e.user(), List.of(e.identity()), e.knownHosts(),
                    false, Optional.empty()), Specs.fast(), Optional.empty(), Credentials.none());
            return new Nas(sim, s, new AgentClient(s, false), new CopyOnWriteArrayList<>());
        }

        ApplyUseCase useCase() {
            return new ApplyUseCase(client, seen::add);
        }

        QatFileSet files() {
            return QatFileSet.read(sim.root());
        }

        /** One VF's interrupts on another core: the driver takes it. */
        QatFileSet validEdit() {
            return files().with(VF, t -> t.replaceFirst("Cy0CoreAffinity = \\d+", "Cy0CoreAffinity = 3")
                    .replaceFirst("Dc0CoreAffinity = \\d+", "Dc0CoreAffinity = 3"));
        }

        ApplyRequest request(QatFileSet target, When when) throws Exception {
            Set<String> up = new TreeSet<>();
            for (QatDevice d : client.snapshot().devices().orElseThrow().devices()) {
                up.add(d.bsf());
            }
            return ApplyRequest.of(files().planTo(target, when.mode(), up, Duration.ofSeconds(120)), when, LIMIT);
        }

        List<String> lines(Class<? extends ApplyProgress> kind) {
            return seen.stream().filter(kind::isInstance).map(p -> p instanceof ApplyProgress.Note n ? n.line()
                    : p instanceof ApplyProgress.Waiting w ? w.line() : ((ApplyProgress.Step) p).step().name()).toList();
        }

        @Override
        public void close() {
            session.close();
            sim.close();
        }
    }

    @Test
    void stagingWritesForTheNextBootAndReportsEachStep() throws Exception {
        try (Nas n = Nas.start()) {
            QatFileSet after = n.validEdit();
            ApplyResult r = n.useCase().run(n.request(after, When.STAGE), () -> {
                throw new AssertionError("staging never asks about a reboot");
            });
            assertEquals(Verdict.STAGED, r.verdict(), r.toString());
            assertEquals(TxState.STAGED, r.outcome().state());
            assertFalse(r.rebooted());
            assertEquals(after, n.files());
            assertEquals(r.outcome().steps().stream().map(s -> s.name()).toList(), n.lines(ApplyProgress.Step.class),
                    "every step, in order, as the listener heard it");
            assertTrue(n.lines(ApplyProgress.Step.class).contains("boot_arm"));
        }
    }

    @Test
    void aRestartIsConfirmedOverANewConnectionAndStays() throws Exception {
        try (Nas n = Nas.startWithNothingHeld()) {
            QatFileSet after = n.validEdit();
            ApplyResult r = n.useCase().run(n.request(after, When.RESTART), () -> false);
            assertEquals(Verdict.APPLIED, r.verdict(), r.toString());
            assertEquals(TxState.CONFIRMED, r.outcome().state());
            assertTrue(n.lines(ApplyProgress.Note.class).contains("QAT is up on the new files; confirming over a new connection"),
                    n.seen().toString());
            assertTrue(n.lines(ApplyProgress.Step.class).contains("confirm"), n.seen().toString());
            assertEquals(after, n.files());
        }
    }

    @Test
    void aRestartTheDriverRefusesRollsBack() throws Exception {
        try (Nas n = Nas.startWithNothingHeld()) {
            QatFileSet before = n.files();
            n.sim().faults().failNextRestart("adf_ctl: Failed to start qat_dev0");
            ApplyResult r = n.useCase().run(n.request(n.validEdit(), When.RESTART), () -> false);
            assertEquals(Verdict.NOT_APPLIED, r.verdict(), r.toString());
            assertEquals(TxState.ROLLED_BACK, r.outcome().state());
            assertFalse(r.verdict().written());
            assertEquals(before, n.files());
        }
    }

    /** The patience rule both front ends use: three quarters of the timer, at least 5 s. */
    @Test
    void theConfirmPatienceIsThreeQuartersOfTheTimeout() {
        assertEquals(Duration.ofSeconds(90), ApplyUseCase.patience(Duration.ofSeconds(120)));
        assertEquals(Duration.ofSeconds(5), ApplyUseCase.patience(Duration.ofSeconds(4)));
    }

    @Test
    void aRebootBringsTheNasBackOnTheNewLayoutAndReportsTheBootCheck() throws Exception {
        try (Nas n = Nas.start()) {
            QatFileSet after = n.validEdit();
            long boots = n.sim().boots();
            ApplyResult r = n.useCase().run(n.request(after, When.REBOOT), () -> true);
            assertEquals(Verdict.BOOTED, r.verdict(), r + " " + n.seen());
            assertEquals(TxState.BOOTED, r.outcome().state());
            assertTrue(r.rebooted());
            assertEquals(boots + 1, n.sim().boots(), "the NAS rebooted once");
            assertTrue(r.bootCheck().map(c -> c.outcome() == BootCheck.Outcome.VERIFIED
                    || c.outcome() == BootCheck.Outcome.UNVERIFIED).orElse(false), r.toString());
            List<String> waiting = n.lines(ApplyProgress.Waiting.class);
            assertEquals("waiting for the NAS to go down", waiting.get(0), waiting.toString());
            assertTrue(waiting.get(waiting.size() - 1).startsWith("back after "), waiting.toString());
            assertTrue(n.lines(ApplyProgress.Note.class).stream().anyMatch(l -> l.startsWith("rebooting the NAS (")),
                    n.seen().toString());
            assertEquals(after, n.files());
        }
    }

    @Test
    void aLayoutTheDriverRefusesAtBootIsRolledBackThere() throws Exception {
        try (Nas n = Nas.start()) {
            QatFileSet before = n.files();
            n.sim().faults().refuseVfAtNextBoot();
            ApplyResult r = n.useCase().run(n.request(n.validEdit(), When.REBOOT), () -> true);
            assertEquals(Verdict.ROLLED_BACK_AT_BOOT, r.verdict(), r + " " + n.seen());
            assertEquals(TxState.ROLLED_BACK, r.outcome().state());
            assertTrue(r.bootCheck().map(c -> c.outcome() == BootCheck.Outcome.ROLLED_BACK).orElse(false), r.toString());
            assertFalse(r.verdict().written());
            assertEquals(before, n.files(), "the old files are back");
        }
    }

    @Test
    void noRebootWithoutTheConfirmationTheFilesStayStaged() throws Exception {
        try (Nas n = Nas.start()) {
            long boots = n.sim().boots();
            ApplyResult r = n.useCase().run(n.request(n.validEdit(), When.REBOOT), () -> false);
            assertEquals(Verdict.STAGED, r.verdict(), r.toString());
            assertEquals(boots, n.sim().boots());
            assertTrue(n.lines(ApplyProgress.Note.class).get(0).startsWith("not rebooted: "), n.seen().toString());
        }
    }

    /** A NAS that goes down and stays down: not back within the limit, the files staged for its boot check. */
    @Test
    void aNasThatDoesNotComeBackInTimeIsNotBack() throws Exception {
        try (Nas n = Nas.start()) {
            n.sim().faults().noReturn();
            QatFileSet after = n.validEdit();
            ApplyRequest staged = n.request(after, When.REBOOT);
            ApplyRequest quick = new ApplyRequest(staged.source(), When.REBOOT, staged.confirmTimeout(), Duration.ofSeconds(3));
            ApplyResult r = n.useCase().run(quick, () -> true);
            assertEquals(Verdict.NOT_BACK, r.verdict(), r + " " + n.seen());
            assertEquals(TxState.STAGED, r.outcome().state());
            assertTrue(r.verdict().written());
            assertTrue(r.detail().contains("did not come back within 3 s"), r.detail());
            assertEquals(after, n.files());
        }
    }
}
