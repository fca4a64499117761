package org.qatwb.app.viewmodel.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.qatwb.app.settings.AuthMethod;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.app.tasks.DirectTasks;
import org.qatwb.app.tasks.ThreadPoolTasks;
import org.qatwb.app.usecase.fleet.FleetEntry;
import org.qatwb.app.usecase.fleet.GlanceNas;
import org.qatwb.app.usecase.fleet.NasGlance;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.app.workbench.Tone;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.sim.SimEndpoint;
import org.qatwb.sim.SimOptions;

/**
 * The fleet page's view model over real SSH to simulated NAS: 50 saved NAS read with bounded
 * concurrency and coalesced results, rows kept across refreshes, rates from the second reading.
 */
class FleetViewModelTest {

    private static final BuiltInSimulator SIMS = new BuiltInSimulator(p -> SimOptions.driven(p).withDemoLoad(true));
    private final GlanceNas glance = new GlanceNas(SIMS);
    private final AtomicLong clock = new AtomicLong();
    private final List<FleetEntry> opened = new ArrayList<>();

    @AfterAll
    static void stop() {
        SIMS.close();
    }

    @Test
    void fiftySavedNasAreAllReadNeverMoreThanTheLimitAtOnceAndTheirResultsCoalesced() throws Exception {
        List<SavedConnection> saved = new ArrayList<>();
        String[] profiles = {"c62x", "dh8950", "no-qat"};
        for (int i = 0; i < 30; i++) {
            saved.add(connection("nas-" + i, SIMS.get(profiles[i % 3]).endpoint(), null));
        }
        for (int i = 30; i < 50; i++) {
            saved.add(connection("gone-" + i, SIMS.get("c62x").endpoint(), closedPort()));
        }
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger glanced = new AtomicInteger();
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        try (ThreadPoolTasks tasks = new ThreadPoolTasks(ui::add)) {
            FleetViewModel vm = new FleetViewModel(tasks, e -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    return glance.glance(e);
                } finally {
                    inFlight.decrementAndGet();
                    synchronized (glanced) {
                        glanced.incrementAndGet();
                        glanced.notifyAll();
                    }
                }
            }, opened::add, List.of(), FleetViewModel.DEFAULT_LIMIT, clock::get);
            vm.setSaved(saved);
            vm.refresh();
            assertTrue(vm.refreshingProperty().get());
            assertTrue(vm.rows().stream().allMatch(r -> r.readingProperty().get()), "every row says it is being read");

            // this thread is the UI thread: it runs nothing until every NAS has been read
            synchronized (glanced) {
                while (glanced.get() < 50) {
                    glanced.wait();
                }
            }
            int uiTasks = 0;
            while (vm.refreshingProperty().get()) {
                ui.take().run();
                uiTasks++;
            }

            assertEquals(50, vm.rows().size());
            assertTrue(maxInFlight.get() >= 1 && maxInFlight.get() <= FleetViewModel.DEFAULT_LIMIT,
                    "reads at once: " + maxInFlight.get());
            // one batch of results (two, if the last result came while the first batch ran) and each worker's end
            assertTrue(uiTasks <= FleetViewModel.DEFAULT_LIMIT + 2, "UI updates for 50 results: " + uiTasks);
            for (FleetRowViewModel r : vm.rows()) {
                assertNotNull(r.glanceProperty().get(), r.name() + " has its result");
                assertFalse(r.readingProperty().get());
                if (r.name().startsWith("gone-")) {
                    assertEquals("connection refused", r.reachProperty().get(), r.name());
                    assertEquals(Tone.BAD, r.reachToneProperty().get());
                } else {
                    assertEquals("reachable", r.reachProperty().get(), r.name() + ": " + r.detailProperty().get());
                }
            }
            assertTrue(vm.summaryProperty().get().startsWith("50 NAS · 30 reachable"), vm.summaryProperty().get());
        }
    }

    @Test
    void rowsKeepTheirIdentityAcrossRefreshesAndShowRequestsPerSecondFromTheSecondReading() {
        SimEndpoint c62x = SIMS.get("c62x").endpoint();
        FleetViewModel vm = directViewModel(List.of());
        vm.setSaved(List.of(connection("alpha", c62x, null), connection("beta", SIMS.get("no-qat").endpoint(), null)));
        vm.refresh();
        List<FleetRowViewModel> first = List.copyOf(vm.rows());
        FleetRowViewModel alpha = first.get(0);
        assertEquals("reachable", alpha.reachProperty().get());
        assertEquals(FleetRowViewModel.NONE, alpha.requestsProperty().get(), "no rate from one reading");
        assertNull(alpha.requestsPerSecondProperty().get());
        assertEquals("on", alpha.offloadProperty(ZfsParam.COMPRESS).get());
        assertEquals(Tone.GOOD, alpha.devicesToneProperty().get());
        assertTrue(alpha.devicesProperty().get().matches("(\\d+)/\\1"), alpha.devicesProperty().get());
        assertFalse(alpha.doctorProperty().get().contains("fail"), alpha.doctorProperty().get());
        assertTrue(alpha.detailProperty().get().isEmpty(), "no failing link: " + alpha.detailProperty().get());

        SIMS.get("c62x").advance(Duration.ofSeconds(10)); // the demonstration load runs on the simulator's clock
        vm.refresh();

        assertEquals(first, vm.rows());
        assertSame(alpha, vm.rows().get(0), "the same row, updated in place");
        Double rate = alpha.requestsPerSecondProperty().get();
        assertNotNull(rate, "a rate between the two readings");
        assertTrue(rate > 0, "the load moved the counters: " + rate);
        FleetRowViewModel beta = vm.rows().get(1);
        assertEquals(FleetRowViewModel.NONE, beta.requestsProperty().get(), "no kstat, no rate");
        assertEquals(FleetRowViewModel.NONE, beta.offloadProperty(ZfsParam.COMPRESS).get(), "no parameter");
        assertEquals(Tone.BAD, beta.doctorToneProperty().get());
        assertFalse(beta.detailProperty().get().isEmpty(), "the first failing link");
    }

    @Test
    void theSimulatedNasAreShownWhenNothingIsSavedAndReadOnlyWhileWatched() {
        AtomicInteger reads = new AtomicInteger();
        FleetViewModel vm = new FleetViewModel(new DirectTasks(), e -> {
            reads.incrementAndGet();
            return glance.glance(e);
        }, opened::add, List.of("c62x"), 4, clock::get);
        vm.setSaved(List.of());
        assertTrue(vm.rows().isEmpty(), "nothing decided before the page is shown");

        vm.watch(true);
        assertTrue(vm.simulatedShownProperty().get());
        assertEquals(List.of("sim-c62x"), vm.rows().stream().map(FleetRowViewModel::name).toList());
        assertInstanceOf(NasGlance.Seen.class, vm.rows().get(0).glanceProperty().get());
        assertEquals(1, reads.get());

        vm.watch(false);
        vm.watch(true);
        assertEquals(1, reads.get(), "shown again within " + FleetViewModel.REFRESH_EVERY + ": not read again");
        vm.watch(false);
        clock.addAndGet(FleetViewModel.REFRESH_EVERY.toNanos());
        vm.watch(true);
        assertEquals(2, reads.get(), "an older reading is renewed when the page comes back");

        vm.open(vm.rows().get(0));
        assertEquals(List.of(new FleetEntry("sim-c62x", new NasTarget.Simulated("c62x"), vm.rows().get(0).entry().destination())),
                opened);

        vm.setSimulatedShown(false);
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void aNewlySavedNasIsReadAtOnceAndAForgottenOneLeavesAndTheFilterNarrows() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        FleetViewModel vm = new FleetViewModel(new DirectTasks(), e -> {
            reads.incrementAndGet();
            return glance.glance(e);
        }, opened::add, List.of(), 4, clock::get);
        SavedConnection a = connection("alpha", SIMS.get("c62x").endpoint(), closedPort());
        vm.setSaved(List.of(a));
        vm.watch(true);
        assertEquals(1, reads.get());
        FleetRowViewModel alpha = vm.rows().get(0);

        SavedConnection b = connection("beta", SIMS.get("c62x").endpoint(), null);
        vm.setSaved(List.of(a, b));
        assertEquals(2, reads.get(), "only the new one read");
        assertSame(alpha, vm.rows().get(0));
        assertEquals("reachable", vm.rows().get(1).reachProperty().get());

        vm.setFilter("BET");
        assertEquals(List.of("beta"), vm.shownRows().stream().map(FleetRowViewModel::name).toList());
        vm.setFilter(" ");
        assertEquals(2, vm.shownRows().size());

        vm.setSaved(List.of(b));
        assertEquals(List.of("beta"), vm.rows().stream().map(FleetRowViewModel::name).toList());
    }

    @Test
    void aRefreshAskedForWhileOneRunsIsDoneOnceAfterItAndTheTimerNeverPilesUp() throws IOException {
        HeldTasks held = new HeldTasks();
        AtomicInteger reads = new AtomicInteger();
        FleetViewModel vm = new FleetViewModel(held, e -> {
            reads.incrementAndGet();
            return glance.glance(e);
        }, opened::add, List.of(), 4, clock::get);
        vm.setSaved(List.of(connection("a", SIMS.get("c62x").endpoint(), closedPort()),
                connection("b", SIMS.get("c62x").endpoint(), closedPort())));
        vm.refresh();
        assertEquals(2, held.waiting(), "one worker per NAS, up to the limit");
        vm.tick();
        vm.refresh();
        vm.refresh();
        assertEquals(2, held.waiting(), "nothing more started while the refresh runs");

        held.runAll();
        assertEquals(2, reads.get());
        assertEquals(2, held.waiting(), "the refresh asked for meanwhile, once");
        assertTrue(vm.refreshingProperty().get());
        held.runAll();
        assertEquals(4, reads.get());
        assertEquals(0, held.waiting());
        assertFalse(vm.refreshingProperty().get());
        vm.tick();
        assertEquals(2, held.waiting(), "an idle page's tick reads");
    }

    /** Background work held until the test runs it, on the test's thread (the UI thread as well). */
    private static final class HeldTasks implements org.qatwb.app.tasks.BackgroundTasks {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> done,
                            java.util.function.Consumer<? super Exception> failed) {
            held.add(() -> new DirectTasks().run(work, done, failed));
        }

        @Override
        public java.util.concurrent.Executor ui() {
            return Runnable::run;
        }

        int waiting() {
            return held.size();
        }

        void runAll() {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }

    private FleetViewModel directViewModel(List<String> simulated) {
        return new FleetViewModel(new DirectTasks(), glance::glance, opened::add, simulated, 4, clock::get);
    }

    private static SavedConnection connection(String name, SimEndpoint e, Integer port) {
        return new SavedConnection(name, e.host(), port == null ? e.port() : port, e.user(), AuthMethod.KEY,
                e.identity().toString(), false, e.knownHosts().toString());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
