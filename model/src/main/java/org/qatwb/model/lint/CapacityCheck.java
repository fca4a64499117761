package org.qatwb.model.lint;

import java.util.Optional;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfLine;
import org.qatwb.model.conf.ConfSection;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.driver.Allocator;
import org.qatwb.model.driver.DeviceConf;
import org.qatwb.model.driver.DeviceVerdict;
import org.qatwb.model.driver.PfOffer;
import org.qatwb.model.driver.RingMap;

/**
 * What fits on the device, as the driver's ring allocator decides it: the file is placed by
 * {@link Allocator} (model.driver, docs/driver/allocator.md), and a refusal in the placement of an
 * instance becomes {@code vf.mixed-sections} (sections that cannot share a VF's one bank) or
 * {@code capacity.exceeded} (every other ring refusal).
 *
 * <p>Only placement refusals are reported here. The allocator stops at the first refusal of any
 * kind; the ones about the file itself (no {@code [GENERAL]}, ServicesEnabled, missing counts,
 * names, IsPolled or CoreAffinity, instances of a service not enabled) and user instances in
 * interrupt mode are the general, instance and syntax rules' findings, so they are not repeated:
 * once those are fixed, the placement is judged.
 *
 * <p>A VF's ring map is its PF's (allocator.md section 3): {@link LintContext#pfOffer()} when the
 * device set has the PF, which is the default {@code cy;dc} map when the PF's own file never got
 * past adf_ctl or the service lookup (allocator.md section 10.2); otherwise the VF's own
 * {@code ServicesEnabled} stands for it (a VF offers a subset of its PF's services,
 * {@code vf.services-subset}, and the layouts write both alike).
 */
final class CapacityCheck implements FileCheck {

    @Override
    public void check(ConfDocument doc, LintContext ctx, Findings out) {
        Optional<DeviceRef> device = ctx.device();
        if (device.isEmpty() || device.get().banks() == 0) {
            return; // unknown device, or Gen 4 whose ring model differs: nothing reliable to say
        }
        DeviceRef dev = device.get();
        DeviceVerdict v = Allocator.place(new DeviceConf(dev.type(), dev, 0, doc, Optional.empty()), offer(doc, ctx),
                ctx.release());
        if (!(v instanceof DeviceVerdict.Refused r)) {
            return;
        }
        Optional<ConfSection> section = r.section().flatMap(doc::section);
        if (section.isEmpty() || r.key().isEmpty()) {
            return; // a refusal of the file, not of a placement
        }
        ConfSection s = section.get();
        String key = r.key().get();
        String log = r.instance().map(name -> "; the driver logs 'Don't have enough rings for instance " + name
                + "' and the device stays down").orElse("");
        switch (r.cause()) {
            case SECTIONS_SHARE_BANK -> out.add(Rule.VF_MIXED_SECTIONS, s.firstHeader().number(), s.name(), null,
                    r.why() + log);
            case BANK_CORE -> out.add(Rule.CAPACITY_EXCEEDED, line(s, key + "CoreAffinity"), s.name(),
                    key + "CoreAffinity", r.why() + log);
            case BANK_POLLING -> out.add(Rule.CAPACITY_EXCEEDED, line(s, key + "IsPolled"), s.name(), key + "IsPolled",
                    r.why() + log);
            case NO_RINGS -> {
                InstanceKind kind = key.startsWith(InstanceKind.CY.prefix()) ? InstanceKind.CY : InstanceKind.DC;
                out.add(Rule.CAPACITY_EXCEEDED, Instances.countLine(s, kind), s.name(), kind.countKey(), r.why() + log);
            }
            case FILE, USER_POLLING -> {
                // reported by the general and instance rules (see above)
            }
        }
    }

    /** What the VF's PF sends it (see above); for a PF, ignored by the allocator. */
    static PfOffer offer(ConfDocument doc, LintContext ctx) {
        if (ctx.pfOffer().isPresent()) {
            return ctx.pfOffer().get();
        }
        RingMap own = doc.value(SectionKind.GENERAL_NAME, "ServicesEnabled").flatMap(RingMap::of).orElse(RingMap.DEFAULT);
        return new PfOffer(own, PfOffer.FRESH.caps());
    }

    private static int line(ConfSection s, String key) {
        return s.entry(key).map(ConfLine.Entry::number).orElse(s.firstHeader().number());
    }
}
