package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.app.viewmodel.NasViewModelTest.waitFor;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qatwb.model.history.KstatRowSeries;
import org.qatwb.model.history.OffloadHistory;
import org.qatwb.model.history.Series;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.sim.SimulatedNas;

/**
 * Issue 16, section 4, over real SSH to the simulated NAS: the {@code broken} profile's zfs.ko is a
 * hypothetical fork (the simulator's {@code ForkExtras}: TheTDD/zfs's extra rows and parameters).
 */
class ZfsForkViewModelTest {

    @RegisterExtension
    final TestNas sims = TestNas.demo();

    @Test
    void theDashboardListsTheParametersQatwbDoesNotKnowAsTheNasHasThem() {
        NasViewModel broken = sims.connect("broken");
        assertEquals(List.of(new OffloadViewModel.OtherParam("zfs_qat_disable_compression", "0"),
                        new OffloadViewModel.OtherParam("zfs_qat_disable_decompression", "0"),
                        new OffloadViewModel.OtherParam("zfs_qat_init_failure_threshold", "100")),
                broken.offload().otherParamsProperty().get());
        assertEquals("", broken.offload().otherParamsNoteProperty().get());
        for (ZfsParam p : ZfsParam.values()) {
            assertTrue(broken.offload().paramSwitch(p).getState() != ParamState.ABSENT, "the known three keep their switches");
        }

        NasViewModel c62x = sims.connect("c62x");
        assertEquals(List.of(), c62x.offload().otherParamsProperty().get(), "OpenZFS's three only: nothing else to list");
    }

    @Test
    void everyRowOfTheForksKstatIsCharted() throws Exception {
        NasViewModel vm = sims.connect("broken");
        SimulatedNas nas = sims.get("broken");
        OffloadHistory h = vm.charts().history();
        KstatRowSeries initFailed = new KstatRowSeries("init_failed");
        assertTrue(waitFor(() -> {
            nas.advance(Duration.ofSeconds(1));
            return h.size() >= 3 && !Float.isNaN(h.last(initFailed));
        }), "init_failed per second in the history: " + h.series());
        List<Series> rows = h.series().stream().filter(s -> s instanceof KstatRowSeries).toList();
        assertEquals(21, rows.size(), rows.toString());
        assertEquals(0f, h.last(initFailed), "recorded: nothing failed to initialise in that second");
        ChartSpec chart = vm.charts().charts().stream().filter(c -> c.id().equals("kstat-rows")).findFirst().orElseThrow();
        assertEquals(rows, chart.series());
        assertTrue(chart.title().contains("not known to qatwb"), chart.title());
    }
}
