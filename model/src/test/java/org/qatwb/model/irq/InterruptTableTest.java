package org.qatwb.model.irq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.adf.AdfStatusParser;
import org.qatwb.model.parse.ParseException;

class InterruptTableTest {

    @Test
    void onlyTheQatLinesOfARealCaptureAreKeptWithTheirPerCpuCounts() throws ParseException {
        InterruptTable t = InterruptTable.parse(IrqCaptures.SRIOV);

        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, t.cpus());
        assertEquals(List.of("qat0-ae-cluster", "qat1-ae-cluster", "qat_3d:01.00", "qat_3d:01.01", "qat_3d:10.02"),
                t.irqs().stream().map(IrqCounts::name).toList());
        IrqCounts vf1 = t.byName("qat_3d:01.01").orElseThrow();
        assertEquals(141, vf1.number());
        assertArrayEquals(new long[] {0, 0, 100, 880211, 0, 0, 0, 0}, vf1.counts());
        assertEquals(880311, vf1.total());
        assertEquals(List.of(), t.warnings());
    }

    @Test
    void theDriversNamesAreReadAsItWritesThemWithTheVfSlotInDecimal() {
        assertEquals(Optional.of(new QatIrqName.Vf(0x3d, 10, 2)), QatIrqName.parse("qat_3d:10.02"));
        assertEquals("3d:0a.2", new QatIrqName.Vf(0x3d, 10, 2).busSlotFunction());
        assertEquals("qat_3d:10.02", QatIrqName.ofVf(0x3d, 10, 2));
        assertEquals(Optional.of(new QatIrqName.Bundle(0, 15)), QatIrqName.parse("qat0-bundle15"));
        assertEquals(Optional.of(new QatIrqName.AeCluster(2)), QatIrqName.parse("qat2-ae-cluster"));
        assertEquals(Optional.empty(), QatIrqName.parse("qat_3d:0a.02"), "the slot is printed with %02d, never hex");
        assertEquals(Optional.empty(), QatIrqName.parse("qat_3d:32.00"), "PCI has 32 slots");
        assertEquals(Optional.empty(), QatIrqName.parse("nvme0q0"));
    }

    @Test
    void aPfWithoutSriovHasOneVectorPerKernelBank() throws ParseException {
        InterruptTable t = InterruptTable.parse(IrqCaptures.PF_BANKS);
        assertEquals(List.of(new QatIrqName.Bundle(0, 0), new QatIrqName.Bundle(0, 1), new QatIrqName.AeCluster(0)),
                t.irqs().stream().map(IrqCounts::kind).toList());
    }

    @Test
    void theSnapshotJoinsAffinityAndTheDeviceOfEachIrq() throws ParseException {
        String adf = "There is 4 QAT acceleration device(s) in the system:\n"
                + " qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:00.0,  #accel: 5 #engines: 10 state: up\n"
                + " qat_dev1 - type: c6xx,  inst_id: 1,  node_id: 1,  bsf: 0000:b1:00.0,  #accel: 5 #engines: 10 state: up\n"
                + " qat_dev3 - type: c6xxvf,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:01.0,  #accel: 1 #engines: 1 state: up\n"
                + " qat_dev4 - type: c6xxvf,  inst_id: 1,  node_id: 0,  bsf: 0000:3d:0a.2,  #accel: 1 #engines: 1 state: up\n";
        List<String> warnings = new ArrayList<>();
        QatInterrupts q = QatInterrupts.of(InterruptTable.parse(IrqCaptures.SRIOV),
                IrqAffinity.parse(IrqCaptures.SRIOV_AFFINITY, warnings), Optional.of(AdfStatusParser.parse(adf)), warnings);

        QatIrq vf = q.byName("qat_3d:01.00").orElseThrow();
        assertEquals(Optional.of("0000:3d:01.0"), vf.bsf());
        assertEquals("1", vf.allowed().orElseThrow().toString());
        assertEquals(1, vf.effectiveCpu().getAsInt());
        assertEquals(51234L, vf.perCpu().get(1));
        assertTrue(vf.vf());
        assertEquals(Optional.of("0000:3d:0a.2"), q.byName("qat_3d:10.02").orElseThrow().bsf(), "slot 10 is 0a");
        assertTrue(q.byName("qat_3d:10.02").orElseThrow().effective().isEmpty(), "'-': no effective_affinity_list");
        assertEquals(Optional.of("0000:b1:00.0"), q.byName("qat1-ae-cluster").orElseThrow().bsf(), "qat_dev<accel_id>");
        assertTrue(q.byName("qat_3d:01.01").orElseThrow().bsf().isEmpty(), "not listed by adf_ctl");
        assertFalse(q.byName("qat_3d:01.01").orElseThrow().effectiveCpu().isEmpty());
        assertEquals(2, q.ofDevice("0000:3d:00.0").size() + q.ofDevice("0000:3d:01.0").size());
        assertEquals(List.of(), q.warnings());
    }

    @Test
    void badLinesAreWarningsAndTheRestStays() throws ParseException {
        InterruptTable t = InterruptTable.parse("  CPU0 CPU1\n 140: 5 qat_3d:01.00\n 141: 1 x qat_3d:01.01\n"
                + " 142: 1 2 IR-PCI-MSI qat_3d:01.02\n 14x: 1 2 qat_3d:01.03\n");
        assertEquals(List.of("qat_3d:01.02"), t.irqs().stream().map(IrqCounts::name).toList());
        assertEquals(3, t.warnings().size());
        assertTrue(t.warnings().get(0).startsWith("line 2: fewer counts"), t.warnings().get(0));
        assertTrue(t.warnings().get(1).startsWith("line 3: not a count in column 2"), t.warnings().get(1));

        List<String> w = new ArrayList<>();
        Map<Integer, IrqAffinity> a = IrqAffinity.parse("140 1 1\n141 x 1\nrubbish\n142 0-3\n143 7-2 2\n", w);
        assertEquals(List.of(140), List.copyOf(a.keySet()));
        assertEquals(4, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("line 2: "), w.get(0));
    }

    @Test
    void aFileWithoutTheCpuHeaderIsRefusedInOneLine() {
        ParseException e = assertThrows(ParseException.class, () -> InterruptTable.parse(" 140: 1 2 qat_3d:01.00\n"));
        assertTrue(e.getMessage().contains("header of /proc/interrupts"), e.getMessage());
        assertThrows(ParseException.class, () -> InterruptTable.parse("CPU1 CPU0\n"), "not ascending");
        assertThrows(ParseException.class, () -> InterruptTable.parse(""));
    }

    @Test
    void hostileCountsAndNumbersAreRefusedNotWrapped() throws ParseException {
        InterruptTable t = InterruptTable.parse("CPU0\n 1: 99999999999 qat_3d:01.00\n 999999999: 1 qat_3d:01.01\n");
        assertEquals(List.of(), t.irqs());
        assertEquals(2, t.warnings().size());
    }
}
