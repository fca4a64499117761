package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatKstat;

/** The demonstration mode `qatwb sim` uses: the wall clock and the profile's workload. */
class RealTimeTest {

    @Test
    void theDemoWorkloadMovesTheCountersOnTheWallClock() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.demo("c62x"))) {
            Duration start = nas.clock().uptime();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            long comp = 0;
            while (comp == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50); // the ticker runs every 100 ms of real time: this test is about that
                String text = Shell.run(nas, "cat \"$QATWB_ROOT\"/proc/spl/kstat/zfs/qat").out();
                comp = QatKstat.of(KstatParser.parse(text)).value(QatCounter.COMP_REQUESTS).orElseThrow();
            }
            assertTrue(comp > 0);
            assertTrue(nas.clock().uptime().compareTo(start) > 0);
        }
    }
}
