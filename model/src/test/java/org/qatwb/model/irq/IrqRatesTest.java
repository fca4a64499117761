package org.qatwb.model.irq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qatwb.model.parse.ParseException;

class IrqRatesTest {

    private static final long SECOND = 1_000_000_000L;

    private static InterruptTable table(String... lines) throws ParseException {
        return InterruptTable.parse("CPU0 CPU1 CPU2 CPU3\n" + String.join("\n", lines) + "\n");
    }

    @Test
    void ratesPerCpuAreTheCountDeltasOverTheTimeBetween() throws ParseException {
        InterruptTable a = table(" 140: 0 100 0 0 x qat_3d:01.00", " 141: 0 0 0 50 x qat_3d:01.01");
        InterruptTable b = table(" 140: 0 300 0 0 x qat_3d:01.00", " 141: 0 0 20 90 x qat_3d:01.01");

        IrqRates r = IrqRates.between(10 * SECOND, a, 12 * SECOND, b).orElseThrow();

        assertEquals(2.0, r.seconds());
        assertEquals(0.0, r.perCpu().get(0));
        assertEquals(100.0, r.perCpu().get(1));
        assertEquals(10.0, r.perCpu().get(2));
        assertEquals(20.0, r.perCpu().get(3));
        assertEquals(30.0, r.perIrq().get("qat_3d:01.01"));
        assertEquals(0, r.gaps());
    }

    @Test
    void irqsAreMatchedByNameAcrossARenumberingAndACountThatWentDownIsAGap() throws ParseException {
        InterruptTable a = table(" 140: 0 100 0 0 x qat_3d:01.00", " 141: 0 0 0 50 x qat_3d:01.01");
        // the driver was reloaded: new numbers, counts from zero for one of them
        InterruptTable b = table(" 160: 0 0 5 0 x qat_3d:01.00", " 161: 0 0 0 60 x qat_3d:01.01");

        IrqRates r = IrqRates.between(0, a, SECOND, b).orElseThrow();

        assertEquals(1, r.gaps());
        assertEquals(10.0, r.perCpu().get(3));
        assertEquals(0.0, r.perCpu().get(2), "the reset IRQ adds nothing, not a negative rate");
        assertTrue(r.perIrq().containsKey("qat_3d:01.01"));
    }

    @Test
    void noTimePassingGivesNoRates() throws ParseException {
        InterruptTable a = table(" 140: 0 1 0 0 x qat_3d:01.00");
        assertTrue(IrqRates.between(SECOND, a, SECOND, a).isEmpty());
    }
}
