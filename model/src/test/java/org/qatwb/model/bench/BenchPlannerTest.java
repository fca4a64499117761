package org.qatwb.model.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.zfs.ZfsParam;

class BenchPlannerTest {

    private static final String ID = "20261208T020000Z-1a2b3c4d";
    private static final long GIB = BenchRequest.GIB;
    private static final Map<ZfsParam, Integer> PARAMS = Map.of(ZfsParam.COMPRESS, 0, ZfsParam.CHECKSUM, 1, ZfsParam.ENCRYPT, 1);

    private static BenchProbe probe(List<PoolSpace> pools, Map<ZfsParam, Integer> params, Optional<String> notRoot,
            Optional<String> fio) {
        return new BenchProbe(false, notRoot, pools, params, true, fio, List.of(), List.of());
    }

    private static BenchProbe probe(PoolSpace... pools) {
        return probe(List.of(pools), PARAMS, Optional.empty(), Optional.of("fio-3.33"));
    }

    private static PoolSpace pool(String name, long available) {
        return new PoolSpace(name, available * 2, available, available, "ONLINE");
    }

    private static BenchRequest request(String pool, long size) {
        return new BenchRequest(Optional.ofNullable(pool), size, 50, false);
    }

    @Test
    void theDefaultPoolIsTheOneWithMostAvailable() throws BenchRefusal {
        BenchPlan plan = BenchPlanner.plan(probe(pool("boot", 100 * GIB), pool("tank", 900 * GIB)), BenchRequest.defaults(), ID);
        assertEquals("tank", plan.pool());
        assertEquals("tank/qatwb-bench-" + ID, plan.dataset());
        assertEquals(ID, BenchPlanner.id(plan));
        assertEquals(BenchTool.FIO, plan.tool());
        assertEquals(PARAMS, plan.paramsBefore());
        assertTrue(plan.steps().get(0).contains("compression=gzip, recordsize=128K, checksum=sha256, primarycache=metadata"),
                plan.steps().get(0));
        assertTrue(plan.steps().get(plan.steps().size() - 1).contains("compress=0 checksum=1 encrypt=1"));
        assertTrue(plan.estimate().toSeconds() > 15, "2 GiB twice takes more than the overhead");
    }

    @Test
    void lessThanThreeTimesTheSizeAvailableIsRefused() {
        BenchRefusal r = assertThrows(BenchRefusal.class,
                () -> BenchPlanner.plan(probe(pool("tank", 6 * GIB - 1)), request("tank", 2 * GIB), ID));
        assertTrue(r.getMessage().contains("under 3 times the size (6 GiB)"), r.getMessage());
        assertThrows(BenchRefusal.class, () -> BenchPlanner.plan(probe(pool("tank", 5 * GIB)), request(null, 2 * GIB), ID));
        assertEquals("tank", assertDoesNotRefuse(probe(pool("tank", 6 * GIB)), request(null, 2 * GIB)).pool());
    }

    @Test
    void aPoolThatDoesNotExistIsRefusedWithThePoolsThereAre() {
        BenchRefusal r = assertThrows(BenchRefusal.class,
                () -> BenchPlanner.plan(probe(pool("tank", 900 * GIB), pool("boot", GIB)), request("nope", GIB), ID));
        assertEquals("no pool nope on this NAS (pools: tank, boot)", r.getMessage());
    }

    @Test
    void zfsWithoutQatParametersIsRefused() {
        BenchRefusal r = assertThrows(BenchRefusal.class, () -> BenchPlanner.plan(
                probe(List.of(pool("tank", 900 * GIB)), Map.of(), Optional.empty(), Optional.empty()), BenchRequest.defaults(), ID));
        assertTrue(r.getMessage().startsWith("ZFS has no QAT parameters"), r.getMessage());
    }

    @Test
    void withoutRootTheAgentsReasonIsTheRefusal() {
        BenchRefusal r = assertThrows(BenchRefusal.class, () -> BenchPlanner.plan(probe(List.of(pool("tank", 900 * GIB)), PARAMS,
                Optional.of("the benchmark needs root: connect as root, or use --sudo"), Optional.empty()), BenchRequest.defaults(), ID));
        assertEquals("the benchmark needs root: connect as root, or use --sudo", r.getMessage());
    }

    @Test
    void withoutFioTheDdPathIsPlannedWithItsPatternStep() {
        BenchPlan plan = assertDoesNotRefuse(probe(List.of(pool("tank", 900 * GIB)), PARAMS, Optional.empty(), Optional.empty()),
                BenchRequest.defaults());
        assertEquals(BenchTool.DD, plan.tool());
        assertTrue(plan.steps().get(1).startsWith("make the data set's pattern"));
        assertTrue(plan.estimate().compareTo(BenchPlanner.estimate(BenchRequest.defaults(), BenchTool.FIO)) > 0,
                "the dd path hashes its data set before the write");
    }

    @Test
    void aSizeThatIsNotWholeMiBIsRefused() {
        assertThrows(BenchRefusal.class, () -> BenchPlanner.plan(probe(pool("tank", 900 * GIB)), request(null, GIB + 1), ID));
    }

    @Test
    void aRunningBenchmarkIsRefused() {
        BenchProbe busy = new BenchProbe(false, Optional.empty(), List.of(pool("tank", 900 * GIB)), PARAMS, true, Optional.empty(),
                List.of(), List.of("20261208T010000Z-00000000"));
        BenchRefusal r = assertThrows(BenchRefusal.class, () -> BenchPlanner.plan(busy, BenchRequest.defaults(), ID));
        assertTrue(r.getMessage().contains("one at a time"));
    }

    @Test
    void bytesReadForAPerson() {
        assertEquals("2 GiB", BenchPlanner.bytes(2 * GIB));
        assertEquals("1.5 KiB", BenchPlanner.bytes(1536));
        assertEquals("12 bytes", BenchPlanner.bytes(12));
        assertFalse(BenchPlanner.bytes(10L << 40).contains("GiB"));
    }

    private static BenchPlan assertDoesNotRefuse(BenchProbe probe, BenchRequest request) {
        try {
            return BenchPlanner.plan(probe, request, ID);
        } catch (BenchRefusal r) {
            throw new AssertionError("refused: " + r.getMessage(), r);
        }
    }
}
