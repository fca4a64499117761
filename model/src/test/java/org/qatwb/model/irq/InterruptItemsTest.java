package org.qatwb.model.irq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.testutil.AgentOutputWriter.BOUNDARY;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.StreamFrameReader;
import org.qatwb.model.agent.StreamTick;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.model.testutil.AgentOutputWriter;
import org.qatwb.model.testutil.C62xFixture;

/** The agent's {@code interrupts} and {@code irq_affinity} items in a snapshot and a stream tick. */
class InterruptItemsTest {

    private static NasSnapshot snapshot(AgentOutputWriter w) throws ParseException {
        return NasSnapshotReader.read(AgentOutput.parse(w.done().bytes(), BOUNDARY));
    }

    @Test
    void aSnapshotHasEachQatIrqWithItsDeviceAffinityAndCounts() throws ParseException {
        NasSnapshot s = snapshot(AgentOutputWriter.snapshot().ok("adf_status", C62xFixture.adfStatus())
                .ok("interrupts", IrqCaptures.SRIOV).ok("irq_affinity", IrqCaptures.SRIOV_AFFINITY));

        QatInterrupts q = s.interrupts().orElseThrow();
        assertEquals(5, q.irqs().size());
        QatIrq vf = q.byName("qat_3d:01.01").orElseThrow();
        assertEquals(Optional.of("0000:3d:01.1"), vf.bsf());
        assertEquals(3, vf.effectiveCpu().getAsInt());
        assertEquals("2-3", vf.allowed().orElseThrow().toString());
        assertEquals(Optional.of("0000:3d:00.0"), q.byName("qat0-ae-cluster").orElseThrow().bsf());
        assertTrue(s.warnings().stream().noneMatch(w -> w.startsWith("interrupts") || w.startsWith("irq_affinity")),
                s.warnings().toString());
    }

    @Test
    void anOlderAgentWithoutTheItemsGivesNoInterruptsAndBadOnesAreWarnings() throws ParseException {
        assertTrue(snapshot(AgentOutputWriter.snapshot()).interrupts().isEmpty());

        NasSnapshot bad = snapshot(AgentOutputWriter.snapshot().ok("interrupts", "no header here\n"));
        assertTrue(bad.interrupts().isEmpty());
        assertTrue(bad.warnings().stream().anyMatch(w -> w.startsWith("interrupts: ") && w.contains("header")),
                bad.warnings().toString());

        NasSnapshot odd = snapshot(AgentOutputWriter.snapshot().ok("interrupts", IrqCaptures.SRIOV)
                .ok("irq_affinity", "140 1 1\nrubbish\n"));
        assertEquals(5, odd.interrupts().orElseThrow().irqs().size());
        assertEquals(List.of("irq_affinity: line 2: expected 'IRQ ALLOWED EFFECTIVE': \"rubbish\""), odd.warnings().stream()
                .filter(w -> w.startsWith("irq")).toList());
    }

    @Test
    void aStreamTickCarriesTheCounts() throws ParseException {
        byte[] out = AgentOutputWriter.stream().ok("uptime", "100.00 50.00\n").ok("interrupts", IrqCaptures.SRIOV)
                .tick(1).bytes();
        List<StreamTick> ticks = new StreamFrameReader(BOUNDARY).feed(out);
        StreamSample s = StreamSample.read(ticks.get(0));
        assertEquals(880311, s.interrupts().orElseThrow().byName("qat_3d:01.01").orElseThrow().total());
        assertEquals(List.of(), s.warnings());
    }
}
