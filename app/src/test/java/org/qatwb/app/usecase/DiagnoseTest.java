package org.qatwb.app.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.qatwb.model.doctor.Check;
import org.qatwb.model.doctor.CheckStatus;
import org.qatwb.model.doctor.Observation;
import org.qatwb.sim.SimOptions;

/** The doctor over real SSH on the simulated NAS: one snapshot, then the counters watched on the NAS's clock. */
class DiagnoseTest {

    @Test
    void aHealthyC62xUnderLoadIsSeenOffloading() throws Exception {
        try (SimNas nas = SimNas.start(SimOptions.driven("c62x"))) {
            nas.sim().workload().set("tank/backup", 1, 0);
            List<String> said = new CopyOnWriteArrayList<>();
            Diagnose.Diagnosis d = nas.whileTimePasses(() -> new Diagnose(nas.agent()).run(2, WatchCounters.GRACE, said::add));
            assertEquals(List.of(Diagnose.watchingLine(2)), said);
            Observation o = d.observation().orElseThrow();
            assertTrue(o instanceof Observation.Counted c && c.seconds() >= 2, o.toString());
            assertEquals(CheckStatus.PASS, d.report().result(Check.ZFS_OFFLOAD_ACTIVE).orElseThrow().status(),
                    d.report().result(Check.ZFS_OFFLOAD_ACTIVE).toString());
        }
    }

    @Test
    void withNothingToWatchOrZeroSecondsTheCountersAreNotWatched() throws Exception {
        try (SimNas nas = SimNas.start(SimOptions.driven("broken"))) {
            Diagnose.Diagnosis d = new Diagnose(nas.agent()).run(5, WatchCounters.GRACE, line -> {
                throw new AssertionError("offload is off: nothing to watch, nothing said");
            });
            assertTrue(d.observation().isEmpty());
            assertTrue(d.report().failed());
            assertEquals(CheckStatus.SKIP, d.report().result(Check.ZFS_OFFLOAD_ACTIVE).orElseThrow().status());
        }
        try (SimNas nas = SimNas.start(SimOptions.driven("c62x"))) {
            Diagnose.Diagnosis d = new Diagnose(nas.agent()).run(0, WatchCounters.GRACE, line -> {
                throw new AssertionError("0 s: never watched");
            });
            assertTrue(d.observation().isEmpty());
        }
    }
}
