package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsParam;

/**
 * Beyond the chain, the kernel log (DOMAIN.md section 8): {@code kernel.requests-pending} (OpenZFS
 * issue #14463) and {@code kernel.driver-errors} (the driver's messages, explained).
 */
final class KernelLogChecks {

    private KernelLogChecks() {
    }

    static CheckResult requestsPending(CheckContext c) {
        Check self = Check.KERNEL_REQUESTS_PENDING;
        Optional<CheckResult> unread = unreadableLog(c, self);
        if (unread.isPresent()) {
            return unread.get();
        }
        NasSnapshot s = c.snapshot();
        List<String> seen = KernelLogFacts.requestsPending(s.kernelLog());
        if (seen.isEmpty()) {
            return CheckResult.pass(self, "no 'requests pending' message in the kernel log");
        }
        String times = seen.size() + " time(s), last " + Snippet.quote(seen.get(seen.size() - 1));
        List<ZfsParam> cyOn = ZfsChecks.CY_PARAMS.stream().filter(p -> s.param(p).orElse(1) == 0).toList();
        String issue = "OpenZFS frees a checksum or encryption session while the driver still counts a callback"
                + " (issue #14463, no upstream fix; use-after-free under load, panics reported)";
        if (!cyOn.isEmpty()) {
            List<Fix> fixes = new ArrayList<>();
            cyOn.forEach(p -> fixes.add(new Fix.ParamFix(p, 1)));
            return new CheckResult(self, CheckStatus.WARN, "the kernel log has the requests-pending message " + times
                    + ": " + issue + "; mitigation: compression only, " + ZfsChecks.names(cyOn) + " offload off", fixes,
                    seen);
        }
        if (s.param(ZfsParam.COMPRESS).orElse(1) == 0) {
            return CheckResult.pass(self, "the requests-pending message was logged " + times + ", and the mitigation is"
                    + " in place: compression only, checksum and encryption offload off").withDetails(seen);
        }
        return new CheckResult(self, CheckStatus.WARN, "the kernel log has the requests-pending message " + times + ": "
                + issue + "; when turning offload on, turn on compression only", List.of(new Fix.CommandFix(
                List.of("qatwb params CONNECTION --compress on --checksum off --encrypt off --keep-after-reboot"),
                "compression is not affected by the issue; keep checksum and encryption in software")), seen);
    }

    /**
     * The driver's messages, each looked for only where it is written (DOMAIN.md section 8): the
     * kernel's in the kernel log, adf_ctl's and qat_service's in qat.service's journal.
     */
    static CheckResult driverErrors(CheckContext c) {
        Check self = Check.KERNEL_DRIVER_ERRORS;
        NasSnapshot s = c.snapshot();
        Optional<CheckResult> unread = unreadableLog(c, self);
        Optional<String> journalUnread = KernelLogFacts.journalUnreadable(c);
        if (unread.isPresent() && journalUnread.isPresent()) {
            return unread.get();
        }
        Map<DriverMessage, List<String>> seen = new LinkedHashMap<>();
        collect(DriverMessage.Origin.KERNEL, s.kernelLog(), seen);
        collect(DriverMessage.Origin.SERVICE, s.serviceJournal(), seen);
        List<String> notes = new ArrayList<>();
        unread.ifPresent(u -> notes.add("the kernel log could not be read: connect as root or with --sudo"));
        journalUnread.ifPresent(notes::add);
        String partly = notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
        if (seen.isEmpty()) {
            return CheckResult.pass(self, "no QAT driver error in the kernel log"
                    + (c.absent(KernelLogFacts.JOURNAL_ITEM) ? "" : " or qat.service's journal") + partly);
        }
        List<String> details = new ArrayList<>();
        List<String> remedies = new ArrayList<>();
        seen.forEach((m, lines) -> {
            details.add(lines.size() + "x " + m.origin().place() + ": " + quoteLast(m, lines)
                    + ": " + m.meaning() + m.remedy().map(r -> "; " + r).orElse(""));
            m.remedy().filter(r -> !remedies.contains(r)).ifPresent(remedies::add);
        });
        List<DriverMessage> problems = seen.keySet().stream().filter(DriverMessage::problem).toList();
        String summary = seen.entrySet().stream().map(e -> e.getValue().size() + "x " + quoteLast(e.getKey(), e.getValue())
                        + " (" + e.getKey().origin().place() + ": "
                        + e.getKey().meaning() + ")")
                .collect(Collectors.joining("; "));
        if (problems.isEmpty()) {
            return CheckResult.pass(self, "no driver error; explained: " + summary + partly).withDetails(details);
        }
        return CheckResult.warn(self, problems.size() + " kind(s) of driver error (from this or an earlier start): "
                        + summary + partly,
                Restart.qat(s, String.join("; ", remedies))).withDetails(details);
    }

    /**
     * The last line quoted, said to be the last when the lines differ: ten "Failed to configure
     * qat_devN" lines may name ten devices, not ten times the one quoted.
     */
    private static String quoteLast(DriverMessage m, List<String> lines) {
        String last = lines.get(lines.size() - 1);
        boolean same = lines.stream().allMatch(l -> m.words(l).equals(m.words(last)));
        return (same ? "" : "the last: ") + Snippet.quote(last);
    }

    private static void collect(DriverMessage.Origin origin, List<String> lines, Map<DriverMessage, List<String>> seen) {
        for (String line : lines) {
            DriverMessage.of(origin, line).ifPresent(m -> seen.computeIfAbsent(m, x -> new ArrayList<>()).add(line));
        }
    }

    /** A skip when the kernel log could not be read (dmesg_restrict without root or sudo). */
    private static Optional<CheckResult> unreadableLog(CheckContext c, Check self) {
        if (!c.snapshot().kernelLog().isEmpty()) {
            return Optional.empty();
        }
        return c.unreadable("kernel_log").map(w -> CheckResult.skip(self, "the kernel log could not be read (" + w
                + "): connect as root or with --sudo"));
    }
}
