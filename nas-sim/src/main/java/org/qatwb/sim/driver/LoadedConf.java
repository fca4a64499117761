package org.qatwb.sim.driver;

import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfGrammar;
import org.qatwb.model.conf.ConfSection;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.lint.SectionKind;

/**
 * What a device that came up offers the kernel QAT API: its {@code [KERNEL_QAT]} instances.
 *
 * @param cy          Cy instances declared
 * @param dc          Dc instances declared
 * @param cyInterrupt Cy instances with {@code IsPolled = 0}
 * @param dcInterrupt Dc instances with {@code IsPolled = 0}
 */
public record LoadedConf(int cy, int dc, int cyInterrupt, int dcInterrupt) {

    public static final LoadedConf NONE = new LoadedConf(0, 0, 0, 0);

    /** Reads the kernel-API instances out of a conf the driver accepted. */
    public static LoadedConf of(ConfDocument doc) {
        ConfSection kq = doc.section(SectionKind.KERNEL_QAT_NAME).orElse(null);
        if (kq == null) {
            return NONE;
        }
        int cy = Math.max(0, kq.instanceCount(InstanceKind.CY));
        int dc = Math.max(0, kq.instanceCount(InstanceKind.DC));
        return new LoadedConf(cy, dc, interrupt(kq, InstanceKind.CY, cy), interrupt(kq, InstanceKind.DC, dc));
    }

    private static int interrupt(ConfSection s, InstanceKind kind, int count) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            long polled = s.value(kind.key(i, "IsPolled")).map(ConfGrammar::number).orElse(-1L);
            if (polled == 0) {
                n++;
            }
        }
        return n;
    }

    public int instances(InstanceKind kind) {
        return kind == InstanceKind.CY ? cy : dc;
    }

    public int interrupt(InstanceKind kind) {
        return kind == InstanceKind.CY ? cyInterrupt : dcInterrupt;
    }
}
