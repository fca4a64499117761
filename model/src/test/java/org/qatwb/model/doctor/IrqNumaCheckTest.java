package org.qatwb.model.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** qat.irq-numa on the C62x host (card on node 0 of 0-13,28-41 / 14-27,42-55): local, remote, unknown. */
class IrqNumaCheckTest {

    static final String HEADER = "  " + String.join(" ",
            java.util.stream.IntStream.range(0, 56).mapToObj(i -> "CPU" + i).toList()) + "\n";

    /** A line with {@code count} interrupts on CPU {@code cpu}. */
    static String line(int irq, String name, int cpu, long count) {
        StringBuilder b = new StringBuilder(" " + irq + ":");
        for (int c = 0; c < 56; c++) {
            b.append(' ').append(c == cpu ? count : 0);
        }
        return b.append("  IR-PCI-MSI 1-edge      ").append(name).append('\n').toString();
    }

    private static CheckResult check(String interrupts, String affinity) {
        return Host.c62x().ok("interrupts", interrupts).ok("irq_affinity", affinity).check(Check.QAT_IRQ_NUMA);
    }

    @Test
    void interruptsOnTheCardsNodePass() {
        CheckResult r = check(HEADER + line(131, "qat0-ae-cluster", 20, 5) + line(140, "qat_3d:01.00", 3, 900)
                + line(141, "qat_3d:01.01", 30, 10), "131 20 20\n140 3 3\n141 30 30\n");
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertTrue(r.message().contains("the 2 QAT completion"), "the AE vector carries no completions: " + r.message());
    }

    @Test
    void aVfDeliveredToTheOtherNodeIsAWarningNamingIrqDeviceAndTheCoreToUse() {
        CheckResult r = check(HEADER + line(140, "qat_3d:01.00", 3, 900) + line(150, "qat_3d:02.01", 17, 900),
                "140 3 3\n150 17 17\n");
        assertEquals(CheckStatus.WARN, r.status(), r.message());
        assertTrue(r.message().startsWith("1 of 2 QAT completion interrupt(s) land on another NUMA node"), r.message());
        assertTrue(r.message().contains("qat_3d:02.01 (IRQ 150, 0000:3d:02.1 on node 0): delivered to CPU 17"), r.message());
        assertTrue(r.message().contains("e.g. 0"), "the least used CPU of node 0: " + r.message());
        Fix.CommandFix fix = (Fix.CommandFix) r.fixes().get(0);
        assertEquals(List.of("qatwb irq pin CONNECTION 0000:3d:02.1 0"), fix.commands());
    }

    @Test
    void withoutEffectiveAffinityTheAllowedCpusThenTheCountsDecide() {
        CheckResult allowed = check(HEADER + line(150, "qat_3d:02.01", 3, 900), "150 14-27 -\n");
        assertEquals(CheckStatus.WARN, allowed.status(), allowed.message());
        assertTrue(allowed.message().contains("allowed only on CPUs 14-27"), allowed.message());

        CheckResult counts = check(HEADER + line(150, "qat_3d:02.01", 20, 900), "150 - -\n");
        assertEquals(CheckStatus.WARN, counts.status(), counts.message());
        assertTrue(counts.message().contains("900 of 900 interrupts counted on other CPUs"), counts.message());
    }

    @Test
    void withoutTheItemItSkipsAndOnOneNodeItPasses() {
        assertEquals(CheckStatus.SKIP, Host.c62x().without("interrupts").check(Check.QAT_IRQ_NUMA).status());
        CheckResult one = Host.c62x().ok("cpu_nodes", "0 0-55\n").ok("interrupts", HEADER + line(150, "qat_3d:02.01", 20, 9))
                .check(Check.QAT_IRQ_NUMA);
        assertEquals(CheckStatus.PASS, one.status(), one.message());
    }
}
