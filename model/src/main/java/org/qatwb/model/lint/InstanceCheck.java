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
import org.qatwb.model.device.DriverRelease;
import org.qatwb.model.driver.KernelValues;
import org.qatwb.model.driver.RingMap;

/** Instance declarations: counts, the three keys of each instance, polling mode, services, affinity. */
final class InstanceCheck implements FileCheck {

    /** Keys outside [GENERAL] the kernel reads with adf_cfg_set_value (kstrtoul), not adf_ctl's typing. */
    private static final Set<String> KERNEL_READ = Set.of("NumberCyInstances", "NumberDcInstances");
    private static final Set<String> NUMERIC = Set.of(
            "NumberCyInstances", "NumberDcInstances", "NumProcesses", "LimitDevAccess");
    /** Instances with missing keys reported one by one; the rest are summed up in one finding. */
    private static final int MAX_MISSING_REPORTED = 8;
    private static final String[] INSTANCE_KEYS = {"Name", "IsPolled", "CoreAffinity"};
    private static final Set<String> INSTANCE_SUFFIXES = Set.of(INSTANCE_KEYS);

    @Override
    public void check(ConfDocument doc, LintContext ctx, Findings out) {
        Optional<String> services = doc.value(SectionKind.GENERAL_NAME, "ServicesEnabled");
        Optional<RingMap> map = DriverReads.map(doc, ctx);
        for (ConfSection s : doc.sections()) {
            numbers(s, map, out);
            if (SectionKind.of(s.name()) == SectionKind.GENERAL) {
                continue;
            }
            if (services.isPresent() && DriverReads.processed(s)) {
                missingCounts(s, map, out);
            }
            for (InstanceKind kind : InstanceKind.values()) {
                long read = s.value(kind.countKey()).isEmpty() ? 0 : DriverReads.count(s, kind);
                if (read < 0) {
                    continue; // reported by numbers()
                }
                int count = (int) Math.min(read, ConfSection.MAX_INSTANCE_COUNT);
                instances(s, kind, count, ctx, DriverReads.reads(s, kind, map), out);
                orphans(s, kind, count, out);
                if (count > 0 && services.isPresent()) {
                    serviceEnabled(s, kind, count, services.get(), ctx, out);
                    asymOnly(s, kind, count, services.get(), ctx, out);
                }
            }
        }
    }

    /**
     * Values that must be numbers. The kernel reads counts and IsPolled with kstrtoul (base 10,
     * then 16: {@code +1} and {@code a} are numbers, allocator.md section 10.4) and CoreAffinity as
     * a kstrtoul list ({@code 2,3} and {@code 1-3} too, in kernel sections as well); it refuses the
     * device only for a value it reads, and reads NumProcesses and LimitDevAccess as 0 when they
     * are not numbers ({@code adf_cfg_process_user_section}).
     */
    private static void numbers(ConfSection s, Optional<RingMap> map, Findings out) {
        boolean general = SectionKind.of(s.name()) == SectionKind.GENERAL;
        for (ConfLine.Entry e : s.effective().values()) {
            String k = e.key();
            if (general) {
                // instance counts are read in the sections that hold instances, never in [GENERAL]
                if (k.startsWith("stats") && ConfGrammar.number(e.value()) < 0) {
                    out.add(Rule.VALUE_NOT_NUMBER, e.number(), s.name(), k, k + " = " + e.value() + " is not a number"
                            + " to the driver, which refuses the device; write a decimal number");
                }
                continue;
            }
            if (NUMERIC.contains(k) && !KERNEL_READ.contains(k)) {
                if (KernelValues.number(e.value()).isEmpty()) {
                    out.add(Rule.VALUE_NOT_NUMBER, Severity.WARNING, e.number(), s.name(), k, k + " = " + e.value()
                            + " is not a number: the driver reads it as 0" + (k.equals("NumProcesses") ? ", so [" + s.name()
                            + "] gets no process and none of its instances exist" : "") + "; write a decimal number");
                }
                continue;
            }
            Optional<InstanceKind> kind = kindOf(k);
            boolean count = KERNEL_READ.contains(k);
            boolean polled = isInstanceKey(k, "IsPolled");
            boolean affinity = isInstanceKey(k, "CoreAffinity");
            if (kind.isEmpty() || !(count || polled || affinity)) {
                continue;
            }
            boolean unreadable = affinity ? KernelValues.core(e.value(), 0).isEmpty()
                    : KernelValues.number(e.value()).isEmpty();
            if (!unreadable) {
                continue;
            }
            String what = k + " = " + e.value() + " is not " + (affinity ? "a core, a list of cores or a range" : "a number")
                    + " to the driver";
            String fix = affinity ? "write e.g. 3" + (SectionKind.of(s.name()).kernel() ? "" : " or 0-7") : "write a decimal number";
            boolean read = DriverReads.reads(s, kind.get(), map)
                    && (count || kind.get().indexOf(k) < DriverReads.count(s, kind.get()));
            if (read) {
                out.add(Rule.VALUE_NOT_NUMBER, e.number(), s.name(), k, what + ", which refuses the device; " + fix);
            } else {
                out.add(Rule.VALUE_NOT_NUMBER, Severity.WARNING, e.number(), s.name(), k, what + "; it does not read it"
                        + " here (" + (count ? unread(s, kind.get()) : "no instance of this index is created") + "), " + fix);
            }
        }
    }

    private static Optional<InstanceKind> kindOf(String key) {
        for (InstanceKind kind : InstanceKind.values()) {
            if (key.equals(kind.countKey()) || kind.indexOf(key) >= 0) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static boolean isInstanceKey(String key, String suffix) {
        for (InstanceKind kind : InstanceKind.values()) {
            if (kind.indexOf(key) >= 0 && kind.suffixOf(key).equals(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code read}: whether the driver reads these instances at all ({@link DriverReads}). */
    private static void instances(ConfSection s, InstanceKind kind, int count, LintContext ctx, boolean read,
            Findings out) {
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
                String what = String.join(", ", missing) + (missing.size() > 1 ? " are" : " is") + " missing but "
                        + kind.countKey() + " = " + count + " declares instance " + n;
                String fix = "add " + (missing.size() > 1 ? "them" : "it") + " or lower the count";
                if (read) {
                    out.add(Rule.INSTANCE_MISSING_KEY, Instances.countLine(s, kind), s.name(), missing.get(0),
                            what + ": the driver fails to configure the device; " + fix);
                } else {
                    out.add(Rule.INSTANCE_MISSING_KEY, Severity.WARNING, Instances.countLine(s, kind), s.name(),
                            missing.get(0), what + ": the driver does not read these instances here (" + unread(s, kind)
                            + "), so the device comes up without them; " + fix);
                }
            }
            Optional<ConfLine.Entry> polled = Optional.ofNullable(eff.get(kind.key(n, "IsPolled")));
            long p = polled.flatMap(e -> DriverReads.boxed(KernelValues.number(e.value()))).orElse(-1L);
            if (polled.isPresent() && p >= 0) {
                ConfLine.Entry e = polled.get();
                if (sk.kernel() && p != 0 && p != 1) {
                    kernelPolled(s, e, out);
                } else if (!sk.kernel() && p != 1 && p != 2) {
                    if (read) {
                        out.add(Rule.INSTANCE_POLLED, e.number(), s.name(), e.key(), e.key() + " = " + p + " in user"
                                + " section [" + s.name() + "]: the driver refuses it ('User instance ... needs to be"
                                + " configured with IsPolled 1 or 2'); write 1 (poll) or 2 (epoll)");
                    } else {
                        out.add(Rule.INSTANCE_POLLED, Severity.WARNING, e.number(), s.name(), e.key(), e.key() + " = " + p
                                + " in user section [" + s.name() + "]: user instances must be polled (1) or epolled"
                                + " (2); the driver does not read this one here (" + unread(s, kind) + ")");
                    }
                }
                if (sk == SectionKind.KERNEL_QAT && p != 0 && zfsDevice) {
                    out.add(Rule.ZFS_POLLED, e.number(), s.name(), e.key(), e.key() + " = " + p + ": ZFS never polls"
                            + " its QAT instances, so a ZFS thread that sends a request to this one blocks forever"
                            + " (no timeout since ZFS 0.8.2; no failure counter grows); write " + e.key() + " = 0");
                }
            }
            Optional<ConfLine.Entry> affinity = Optional.ofNullable(eff.get(kind.key(n, "CoreAffinity")));
            if (affinity.isPresent() && ctx.cores().isPresent()) {
                // a kernel instance takes the list's first core (process 0); a user section's processes take them all
                long core = sk.kernel() ? KernelValues.core(affinity.get().value(), 0).orElse(-1)
                        : Instances.highestCore(affinity.get().value(), false);
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
            out.add(Rule.INSTANCE_MISSING_KEY, read ? Severity.ERROR : Severity.WARNING, Instances.countLine(s, kind),
                    s.name(), kind.countKey(), unreported + " more " + kind.prefix() + " instance(s) of the " + count
                    + " that " + kind.countKey() + " declares also lack keys: " + (read
                            ? "the driver fails to configure the device" : "the driver does not read them here ("
                                    + unread(s, kind) + ")") + "; lower the count to the instances that are written out");
        }
    }

    /**
     * The kernel driver reads the count of every service the ring map holds, in every kernel
     * section and in every user section it gives a process, and fails the device when it is
     * missing; an unmapped service's count is never read. Found for user sections by the
     * differential test against the simulated driver (allocator.md section 10).
     */
    private static void missingCounts(ConfSection s, Optional<RingMap> map, Findings out) {
        if (map.isEmpty()) {
            return; // no map the driver knows: general.services says so
        }
        for (InstanceKind kind : InstanceKind.values()) {
            if (DriverReads.mapped(map, kind) && s.value(kind.countKey()).isEmpty()) {
                out.add(Rule.INSTANCE_MISSING_COUNT, s.firstHeader().number(), s.name(), kind.countKey(), "["
                        + s.name() + "] has no " + kind.countKey() + " but the device's ring map (" + map.get().services()
                        + ") holds " + (kind == InstanceKind.CY ? "crypto" : "compression") + " rings: the driver"
                        + " does not read it as 0, it logs 'Failed to config device' and the device stays down; add "
                        + kind.countKey() + " = 0 (or the instances you want)");
            }
        }
    }

    /**
     * IsPolled in a kernel section other than 0 or 1. The allocator takes any value but 1 as
     * interrupt mode (allocator.md section 8.3), and nothing reads [KERNEL]'s value again
     * (qat_common/qat_crypto.c); but [KERNEL_QAT]'s instances are started by the kernel QAT API,
     * whose SalCtr_InstInit (lookaside/access_layer/src/common/ctrl/sal_crypto.c, and its twin in
     * sal_compression.c) reads the value as an 8-bit number and fails the device's start for 2
     * (epoll: "IsPolled 2 is not supported for kernel instance ...").
     */
    private static void kernelPolled(ConfSection s, ConfLine.Entry e, Findings out) {
        boolean sal = SectionKind.of(s.name()) == SectionKind.KERNEL_QAT && salByte(e.value()) == 2;
        if (sal) {
            out.add(Rule.INSTANCE_POLLED, e.number(), s.name(), e.key(), e.key() + " = " + e.value() + " in [KERNEL_QAT]: the"
                    + " kernel QAT API refuses epoll for kernel instances ('IsPolled 2 is not supported for kernel"
                    + " instance') and the device fails to start; write 0 for ZFS");
        } else {
            out.add(Rule.INSTANCE_POLLED, Severity.WARNING, e.number(), s.name(), e.key(), e.key() + " = " + e.value()
                    + " in a kernel section: the driver takes it as interrupt mode, but only 0 (interrupt) and 1 (poll)"
                    + " are meant here (Intel's guide); write 0 for ZFS");
        }
    }

    /**
     * The kernel QAT API's reading of IsPolled: {@code Sal_Strtoul} (sal_string_parse.c) is
     * {@code simple_strtoull(cp, NULL, 10)}, the leading decimal digits with no sign and silent
     * wrap-around, cast to {@code Cpa8U}: {@code 258} is 2, {@code 0x2} and {@code +2} are 0.
     */
    private static int salByte(String value) {
        int v = 0;
        for (int i = 0; i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9'; i++) {
            v = (v * 10 + value.charAt(i) - '0') & 0xff; // 256 divides 2^64: the wrap-around keeps the low byte
        }
        return v;
    }

    /** Why the driver does not read a section's instances of a kind, for messages. */
    private static String unread(ConfSection s, InstanceKind kind) {
        return DriverReads.processed(s) ? "the device's ring map has no " + (kind == InstanceKind.CY ? "crypto" : "compression")
                + " rings" : "NumProcesses gives [" + s.name() + "] no process";
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

    /**
     * Instances of a kind the file's own ServicesEnabled leaves out. Drivers 4.24 and 4.28 refuse
     * the device when they process the section ("NumDcInstances > 0, when DC is not enabled",
     * adf_cfg_create_rings_entries_for_cy_inst / _for_dc_inst in qat_common/adf_cfg_section.c);
     * 4.8 has no such check and never places them, and a user section without processes is
     * never read (allocator.md step D1, found by the differential test for 4.8).
     */
    private static void serviceEnabled(ConfSection s, InstanceKind kind, int count, String services, LintContext ctx,
            Findings out) {
        boolean allowed = kind == InstanceKind.CY ? Services.allowsCy(services) : Services.allowsDc(services);
        if (allowed) {
            return;
        }
        String what = count + " " + kind.prefix() + " instance(s) in [" + s.name() + "] but ServicesEnabled = " + services
                + (kind == InstanceKind.CY ? " has no cy, sym or asym" : " has no dc");
        String fix = "enable the service or set " + kind.countKey() + " = 0";
        if (ctx.release() == DriverRelease.R4_8) {
            out.add(Rule.INSTANCE_SERVICE_DISABLED, Severity.WARNING, Instances.countLine(s, kind), s.name(),
                    kind.countKey(), what + ": driver 4.8 never creates them (4.24 and later refuse the device); " + fix);
        } else if (!DriverReads.processed(s)) {
            out.add(Rule.INSTANCE_SERVICE_DISABLED, Severity.WARNING, Instances.countLine(s, kind), s.name(),
                    kind.countKey(), what + ": the driver does not read them while NumProcesses gives [" + s.name()
                            + "] no process; " + fix);
        } else {
            out.add(Rule.INSTANCE_SERVICE_DISABLED, Instances.countLine(s, kind), s.name(), kind.countKey(), what
                    + ": the driver refuses the device; " + fix);
        }
    }
}
