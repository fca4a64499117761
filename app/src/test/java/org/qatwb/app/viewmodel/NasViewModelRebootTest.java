package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qatwb.app.usecase.apply.ApplyRequest;
import org.qatwb.app.usecase.apply.ApplyResult;
import org.qatwb.app.usecase.apply.Verdict;
import org.qatwb.app.usecase.apply.When;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.apply.BootCheck;
import org.qatwb.model.history.EventKind;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.testing.QatFileSet;

/**
 * "Apply and reboot" in the window, on the synchronous executor over real SSH to the simulated C62x
 * NAS, which reboots when asked and runs the boot check at boot: the progress in the activity line,
 * the final notice from the boot check, the NAS read again, and the live stream back after the reboot.
 */
class NasViewModelRebootTest {

    private static final String VF = "/etc/c6xxvf_dev5.conf";

    @RegisterExtension
    final TestNas sims = TestNas.demo();
    private NasViewModel vm;
    private SimulatedNas sim;
    private final List<String> activity = new CopyOnWriteArrayList<>();

    private void open() {
        vm = sims.connect("c62x");
        sim = sims.get("c62x");
        vm.activityProperty().addListener((o, a, b) -> activity.add(b));
    }

    /** One VF's interrupts on another core, applied {@code when}. */
    private ApplyRequest edit(When when) {
        QatFileSet now = QatFileSet.read(sim.root());
        QatFileSet after = now.with(VF, t -> t.replaceFirst("Cy0CoreAffinity = \\d+", "Cy0CoreAffinity = 3")
                .replaceFirst("Dc0CoreAffinity = \\d+", "Dc0CoreAffinity = 3"));
        Set<String> up = new TreeSet<>();
        for (QatDevice d : vm.snapshotProperty().get().devices().orElseThrow().devices()) {
            up.add(d.bsf());
        }
        return ApplyRequest.of(now.planTo(after, when.mode(), up, Duration.ofSeconds(120)), when, Duration.ofSeconds(120));
    }

    private Notice last() {
        return vm.notices().get(vm.notices().size() - 1);
    }

    @Test
    void applyAndRebootShowsItsProgressThenWhatTheBootCheckFoundAndTheStreamComesBack() throws Exception {
        open();
        long boots = sim.boots();
        AtomicReference<ApplyResult> got = new AtomicReference<>();

        vm.transactions().apply(edit(When.REBOOT));
        got.set(java.util.Optional.ofNullable(vm.transactions().resultProperty().get()).map(a -> a.result()).orElse(null));

        assertNotNull(got.get(), vm.notices().toString());
        assertEquals(Verdict.BOOTED, got.get().verdict(), got.get().toString());
        assertEquals(boots + 1, sim.boots(), "the NAS rebooted once");
        assertEquals("The NAS rebooted into the new layout", last().title(), last().message());
        assertEquals(Notice.Level.INFO, last().level());
        assertTrue(activity.contains("Rebooting the NAS: waiting for the NAS to go down"), activity.toString());
        assertTrue(activity.stream().anyMatch(a -> a.startsWith("Rebooting the NAS: back after ")), activity.toString());
        assertTrue(activity.stream().anyMatch(a -> a.startsWith("Rebooting the NAS (")), activity.toString());
        // the live stream reconnects after the reboot on its own thread and may read the NAS once more
        // (the boot notices): wait for that, bounded, rather than for a moment
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!vm.activityProperty().get().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals("", vm.activityProperty().get(), "nothing in flight once it is over");
        assertTrue(vm.snapshotProperty().get().lastBootCheck().map(c -> c.outcome() == BootCheck.Outcome.VERIFIED
                || c.outcome() == BootCheck.Outcome.UNVERIFIED).orElse(false), "the NAS read again after the reboot");
        assertTrue(vm.snapshotProperty().get().pendingLayout().isEmpty(), "nothing left for the next boot");
        assertTrue(vm.charts().history().events().stream().anyMatch(e -> e.kind() == EventKind.RESTART
                && e.label().equals("NAS rebooted")));
        // the live stream lost its connection to the reboot and makes it again by itself
        assertTrue(NasViewModelTest.waitFor(() -> vm.linkProperty().get() == LinkState.CONNECTED
                && vm.charts().history().events().stream().anyMatch(e -> e.kind() == EventKind.RECONNECT)),
                vm.linkProperty().get() + " " + vm.linkDetailProperty().get());
        assertFalse(vm.notices().stream().anyMatch(n -> n.title().equals("Layout verified at boot")
                || n.title().equals("Layout running since the last boot")), "the apply's own notice says it, once");
    }

    @Test
    void aLayoutTheDriverRefusesAtBootEndsInAnErrorWithTheBootChecksWords() throws Exception {
        open();
        sim.faults().refuseVfAtNextBoot();
        AtomicReference<ApplyResult> got = new AtomicReference<>();

        vm.transactions().apply(edit(When.REBOOT));
        got.set(java.util.Optional.ofNullable(vm.transactions().resultProperty().get()).map(a -> a.result()).orElse(null));

        assertEquals(Verdict.ROLLED_BACK_AT_BOOT, got.get().verdict(), got.get().toString());
        assertEquals("Rolled back at boot", last().title(), last().message());
        assertEquals(Notice.Level.ERROR, last().level());
        String words = got.get().bootCheck().orElseThrow().message();
        assertFalse(words.isBlank());
        assertTrue(last().message().contains(words), last().message());
    }

    /** A reboot the workbench did not start: once the stream is back, the boot check's outcome is said as on connect. */
    @Test
    void aRebootFromElsewhereShowsTheBootNoticesOnceTheStreamIsBack() throws Exception {
        open();
        AtomicReference<ApplyResult> got = new AtomicReference<>();
        vm.transactions().apply(edit(When.STAGE));
        got.set(java.util.Optional.ofNullable(vm.transactions().resultProperty().get()).map(a -> a.result()).orElse(null));
        assertEquals(Verdict.STAGED, got.get().verdict());

        sim.reboot();

        assertTrue(NasViewModelTest.waitFor(() -> vm.notices().stream().anyMatch(n -> n.title().equals("Layout verified at boot")
                || n.title().equals("Layout running since the last boot"))), vm.notices().toString());
    }
}
