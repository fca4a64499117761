package org.qatwb.model.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every reader of NAS output and input files ({@link ModelTargets}) holds, for mutated and
 * generated input alike: a result or its documented refusal, every message one clean line,
 * allocation within {@link HostileInput#bound}. The inputs are the fuzz benchmark's own
 * ({@link FuzzRun#input}), drawn from a jqwik-chosen RNG seed; the benchmark pushes a million
 * through each reader outside CI.
 */
class HostileInputPropertiesTest {

    @BeforeContainer
    static void allocationIsMeasurable() {
        assertTrue(AllocationMeter.supported(), "this JVM does not count allocated bytes per thread");
        // each reader's classes loaded (and the templates read) before any input is measured
        ModelTargets.all().forEach(t -> t.seeds().forEach(s -> HostileInput.run(t, s)));
    }

    private static void holds(FuzzTarget target, long seed) {
        byte[] input = FuzzRun.input(target, new Random(seed));
        if (HostileInput.run(target, input) instanceof Outcome.Finding f) {
            fail(target.name() + ": " + f.kind() + ": " + f.detail() + "\ninput (" + input.length + " bytes): "
                    + MessageCheck.escaped(new String(Arrays.copyOf(input, Math.min(input.length, 300)), StandardCharsets.ISO_8859_1)),
                    f.cause());
        }
    }

    @Property(tries = 200)
    void anyBytesToEveryReader(@ForAll @Size(max = 2000) byte[] input) {
        for (FuzzTarget t : ModelTargets.all()) {
            if (HostileInput.run(t, input) instanceof Outcome.Finding f) {
                fail(t.name() + ": " + f.kind() + ": " + f.detail(), f.cause());
            }
        }
    }

    @Property(tries = 500)
    void agentOutput(@ForAll long seed) {
        holds(ModelTargets.AGENT_OUTPUT, seed);
    }

    @Property(tries = 500)
    void streamFrames(@ForAll long seed) {
        holds(ModelTargets.STREAM, seed);
    }

    @Property(tries = 600)
    void snapshotAndItsReaders(@ForAll long seed) {
        holds(ModelTargets.SNAPSHOT, seed);
    }

    @Property(tries = 500)
    void persistState(@ForAll long seed) {
        holds(ModelTargets.PERSIST, seed);
    }

    @Property(tries = 500)
    void persistOutcome(@ForAll long seed) {
        holds(ModelTargets.PERSIST_OUTCOME, seed);
    }

    @Property(tries = 500)
    void applyOutcome(@ForAll long seed) {
        holds(ModelTargets.APPLY_OUTCOME, seed);
    }

    @Property(tries = 500)
    void txHistory(@ForAll long seed) {
        holds(ModelTargets.TX_HISTORY, seed);
    }

    @Property(tries = 1000)
    void txRecord(@ForAll long seed) {
        holds(ModelTargets.TX_RECORD, seed);
    }

    @Property(tries = 500)
    void ziaSetOutcome(@ForAll long seed) {
        holds(ModelTargets.ZIA, seed);
    }

    @Property(tries = 1000)
    void fwCounters(@ForAll long seed) {
        holds(ModelTargets.FW_COUNTERS, seed);
    }

    @Property(tries = 1000)
    void kstat(@ForAll long seed) {
        holds(ModelTargets.KSTAT, seed);
    }

    @Property(tries = 1000)
    void interrupts(@ForAll long seed) {
        holds(ModelTargets.INTERRUPTS, seed);
    }

    @Property(tries = 500)
    void irqbalanceFileAndPinInitScript(@ForAll long seed) {
        holds(ModelTargets.IRQBALANCE, seed);
    }

    @Property(tries = 1000)
    void adfStatus(@ForAll long seed) {
        holds(ModelTargets.ADF_STATUS, seed);
    }

    @Property(tries = 1000)
    void qatDefaults(@ForAll long seed) {
        holds(ModelTargets.QAT_DEFAULTS, seed);
    }

    @Property(tries = 1000)
    void vfBlacklist(@ForAll long seed) {
        holds(ModelTargets.BLACKLIST, seed);
    }

    @Property(tries = 500)
    void confDocumentAndLint(@ForAll long seed) {
        holds(ModelTargets.CONF, seed);
    }

    @Property(tries = 1000)
    void json(@ForAll long seed) {
        holds(ModelTargets.JSON, seed);
    }

    @Property(tries = 1000)
    void initScripts(@ForAll long seed) {
        holds(ModelTargets.INIT_SCRIPTS, seed);
    }

    @Property(tries = 500)
    void zfsQatUnit(@ForAll long seed) {
        holds(ModelTargets.UNIT, seed);
    }

    @Property(tries = 1000)
    void zfsPropertyTable(@ForAll long seed) {
        holds(ModelTargets.ZFS_PROPERTIES, seed);
    }

    @Property(tries = 1000)
    void cpuList(@ForAll long seed) {
        holds(ModelTargets.CPU_LIST, seed);
    }

    @Property(tries = 1000)
    void osRelease(@ForAll long seed) {
        holds(ModelTargets.OS_RELEASE, seed);
    }

    @Property(tries = 1000)
    void procUptime(@ForAll long seed) {
        holds(ModelTargets.UPTIME, seed);
    }
}
