package org.qatwb.model.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfGrammar;
import org.qatwb.model.conf.ConfLine;
import org.qatwb.model.conf.ConfSection;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.device.DeviceRef;

/** Instance declarations: counts, the three keys of each instance, polling mode, services, affinity. */
final class InstanceCheck implements FileCheck {

    private static final Set<String> NUMERIC = Set.of(
            "NumberCyInstances", "NumberDcInstances", "NumProcesses", "LimitDevAccess");
    /** Instances with missing keys reported one by one; the rest are summed up in one finding. */
    private static final int MAX_MISSING_REPORTED = 8;
    private static final String[] INSTANCE_KEYS = {"Name", "IsPolled", "CoreAffinity"};
    private static final Set<String> INSTANCE_SUFFIXES = Set.of(INSTANCE_KEYS);

    @Override
    public void check(ConfDocument doc, LintContext ctx, Findings out) {
        Optional<String> services = doc.value(SectionKind.GENERAL_NAME, "ServicesEnabled");
        for (ConfSection s : doc.sections()) {
            numbers(s, out);
            if (SectionKind.of(s.name()) == SectionKind.GENERAL) {
                continue;
            }
            if (SectionKind.of(s.name()).kernel() && services.isPresent()) {
                missingCounts(s, services.get(), out);
            }
            for (InstanceKind kind : InstanceKind.values()) {
                int count = s.instanceCount(kind);
                if (count < 0) {
                    continue; // reported by numbers()
                }
                instances(s, kind, count, ctx, out);
                orphans(s, kind, count, out);
                if (count > 0 && services.isPresent()) {
                    serviceEnabled(s, kind, count, services.get(), out);
                    asymOnly(s, kind, count, services.get(), ctx, out);
                }
            }
        }
    }

    private static void numbers(ConfSection s, Findings out) {
        boolean general = SectionKind.of(s.name()) == SectionKind.GENERAL;
        for (ConfLine.Entry e : s.effective().values()) {
            String k = e.key();
            boolean numeric = NUMERIC.contains(k) || (general && k.startsWith("stats"))
                    || (!general && isInstanceKey(k, "IsPolled"));
            if (numeric && ConfGrammar.number(e.value()) < 0) {
                out.add(Rule.VALUE_NOT_NUMBER, e.number(), s.name(), k, k + " = " + e.value() + " is not a number to the"
                        + " driver, which refuses the device; write a decimal number");
            }
            boolean kernel = SectionKind.of(s.name()).kernel();
            if (!general && isInstanceKey(k, "CoreAffinity") && Instances.highestCore(e.value(), kernel) < 0) {
                out.add(Rule.VALUE_NOT_NUMBER, e.number(), s.name(), k, k + " = " + e.value() + " is not "
                        + (kernel ? "a core number" : "a core, a list of cores or a range") + " to the driver, which"
                        + " refuses the device; write " + (kernel ? "one core number" : "e.g. 3 or 0-7"));
            }
        }
    }

    private static boolean isInstanceKey(String key, String suffix) {
        for (InstanceKind kind : InstanceKind.values()) {
            if (kind.indexOf(key) >= 0 && kind.suffixOf(key).equals(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static void instances(ConfSection s, InstanceKind kind, int count, LintContext ctx, Findings out) {
        SectionKind sk = SectionKind.of(s.name());
        boolean zfsDevice = ctx.device().flatMap(DeviceRef::model).map(DeviceModel::kernelApi).orElse(true);
        Map<String, ConfLine.Entry> eff = s.effective();
        int lastWritten = -1;
        for (String key : eff.keySet()) {
            lastWritten = Math.max(lastWritten, kind.indexOf(key));
        }
        int incomplete = 0;
        int unreported = 0;
        for (int n = 0; n < count; n++) {
            if (n > lastWritten && incomplete >= MAX_MISSING_REPORTED) {
                unreported += count - n; // no key of these instances is written at all
                break;
            }
            List<String> missing = new ArrayList<>();
            for (String suffix : INSTANCE_KEYS) {
                if (!eff.containsKey(kind.key(n, suffix))) {
                    missing.add(kind.key(n, suffix));
                }
            }
            if (!missing.isEmpty() && ++incomplete > MAX_MISSING_REPORTED) {
                unreported++;
            } else if (!missing.isEmpty()) {
                out.add(Rule.INSTANCE_MISSING_KEY, Instances.countLine(s, kind), s.name(), missing.get(0),
                        String.join(", ", missing) + (missing.size() > 1 ? " are" : " is") + " missing but "
                                + kind.countKey() + " = " + count + " declares instance " + n + ": the driver fails to"
                                + " configure the device; add " + (missing.size() > 1 ? "them" : "it")
                                + " or lower the count");
            }
            Optional<ConfLine.Entry> polled = Optional.ofNullable(eff.get(kind.key(n, "IsPolled")));
            long p = polled.map(e -> ConfGrammar.number(e.value())).orElse(-1L);
            if (polled.isPresent() && p >= 0) {
                ConfLine.Entry e = polled.get();
                if (sk.kernel() && p != 0 && p != 1) {
                    out.add(Rule.INSTANCE_POLLED, e.number(), s.name(), e.key(), e.key() + " = " + p + " in a kernel"
                            + " section: the driver accepts only 0 (interrupt) or 1 (poll); write 0 for ZFS");
                } else if (!sk.kernel() && p != 1 && p != 2) {
                    out.add(Rule.INSTANCE_POLLED, e.number(), s.name(), e.key(), e.key() + " = " + p + " in user section"
                            + " [" + s.name() + "]: the driver refuses it ('User instance ... needs to be configured with"
                            + " IsPolled 1 or 2'); write 1 (poll) or 2 (epoll)");
                }
                if (sk == SectionKind.KERNEL_QAT && p != 0 && zfsDevice) {
                    out.add(Rule.ZFS_POLLED, e.number(), s.name(), e.key(), e.key() + " = " + p + ": ZFS never polls"
                            + " its QAT instances, so a ZFS thread that sends a request to this one blocks forever"
                            + " (no timeout since ZFS 0.8.2; no failure counter grows); write " + e.key() + " = 0");
                }
            }
            Optional<ConfLine.Entry> affinity = Optional.ofNullable(eff.get(kind.key(n, "CoreAffinity")));
            if (affinity.isPresent() && ctx.cores().isPresent()) {
                long core = Instances.highestCore(affinity.get().value(), sk.kernel());
                int cores = ctx.cores().getAsInt();
                if (core >= cores) {
                    out.add(Rule.AFFINITY_RANGE, affinity.get().number(), s.name(), affinity.get().key(),
                            affinity.get().key() + " = " + affinity.get().value() + " names core " + core
                                    + " but the NAS has cores 0.." + (cores - 1)
                                    + ": the driver accepts it, but Linux cannot move the interrupt to a core that is"
                                    + " not there, so it stays where the driver first spread it and this CoreAffinity"
                                    + " has no effect; pick a core below " + cores);
                }
            }
        }
        if (unreported > 0) {
            out.add(Rule.INSTANCE_MISSING_KEY, Instances.countLine(s, kind), s.name(), kind.countKey(), unreported
                    + " more " + kind.prefix() + " instance(s) of the " + count + " that " + kind.countKey()
                    + " declares also lack keys: the driver fails to configure the device; lower the count to the"
                    + " instances that are written out");
        }
    }

    /**
     * The kernel driver reads the count of every service the ring map holds, in every kernel
     * section, and fails the device when it is missing; an unmapped service's count defaults to 0.
     */
    private static void missingCounts(ConfSection s, String services, Findings out) {
        for (InstanceKind kind : InstanceKind.values()) {
            boolean mapped = kind == InstanceKind.CY ? Services.allowsCy(services) : Services.allowsDc(services);
            if (mapped && s.value(kind.countKey()).isEmpty()) {
                out.add(Rule.INSTANCE_MISSING_COUNT, s.firstHeader().number(), s.name(), kind.countKey(), "["
                        + s.name() + "] has no " + kind.countKey() + " but ServicesEnabled = " + services
                        + " maps " + (kind == InstanceKind.CY ? "crypto" : "compression") + " rings: the driver"
                        + " does not read it as 0, it logs 'Failed to config device' and the device stays down; add "
                        + kind.countKey() + " = 0 (or the instances you want)");
            }
        }
    }

    /**
     * cpaCyGetNumInstances counts asym-only instances, so ZFS takes them for its symmetric work
     * (encryption, checksums) and every such request fails over to software.
     */
    private static void asymOnly(ConfSection s, InstanceKind kind, int count, String services, LintContext ctx,
            Findings out) {
        boolean zfsDevice = ctx.device().flatMap(DeviceRef::model).map(DeviceModel::kernelApi).orElse(true);
        Set<String> enabled = Services.expand(services);
        if (kind == InstanceKind.CY && SectionKind.of(s.name()) == SectionKind.KERNEL_QAT && zfsDevice
                && enabled.contains("asym") && !enabled.contains("sym")) {
            out.add(Rule.ZFS_ASYM_ONLY, Instances.countLine(s, kind), s.name(), kind.countKey(), count + " Cy instance(s)"
                    + " in [KERNEL_QAT] but ServicesEnabled = " + services + " has no sym: ZFS takes them for encryption"
                    + " and checksums, which fail there and fall back to software; enable cy or sym (e.g. "
                    + (Services.allowsDc(services) ? "cy;dc" : "cy") + ") or set NumberCyInstances = 0");
        }
    }

    private static void orphans(ConfSection s, InstanceKind kind, int count, Findings out) {
        for (ConfLine.Entry e : s.effective().values()) {
            int n = kind.indexOf(e.key());
            if (n >= count && INSTANCE_SUFFIXES.contains(kind.suffixOf(e.key()))) {
                out.add(Rule.INSTANCE_ORPHAN_KEY, e.number(), s.name(), e.key(), e.key() + " belongs to instance " + n
                        + " but " + kind.countKey() + " = " + count + ": the driver ignores it; raise the count or"
                        + " remove the line");
            }
        }
    }

    private static void serviceEnabled(ConfSection s, InstanceKind kind, int count, String services, Findings out) {
        boolean allowed = kind == InstanceKind.CY ? Services.allowsCy(services) : Services.allowsDc(services);
        if (!allowed) {
            out.add(Rule.INSTANCE_SERVICE_DISABLED, Instances.countLine(s, kind), s.name(), kind.countKey(), count + " "
                    + kind.prefix() + " instance(s) in [" + s.name() + "] but ServicesEnabled = " + services
                    + (kind == InstanceKind.CY ? " has no cy, sym or asym" : " has no dc")
                    + ": the driver refuses the device; enable the service or set " + kind.countKey() + " = 0");
        }
    }
}
