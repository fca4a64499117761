package org.qatwb.model.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.device.DriverRelease;
import org.qatwb.model.testutil.C62xFixture;

/** Fixtures and assertions shared by the rule tests: conf texts written for these tests, not corpus copies. */
final class LintFixtures {

    private LintFixtures() {
    }

    /**
     * A VF conf as a ZFS host wants it: kernel API only, one Cy and one Dc instance, interrupt mode.
     * Every rule test starts from this (clean) text and breaks one thing.
     */
    static final String VF_ZFS = C62xFixture.vf(0);

    /** A PF that only hosts VFs: services on, zero instances everywhere. */
    static final String PF_HOST_ONLY = C62xFixture.pf();

    /** The [GENERAL] section alone, for fixtures that build their instance sections themselves. */
    static String general(String services) {
        return "[GENERAL]\nServicesEnabled = " + services + "\nConfigVersion = 2\n\n";
    }

    /**
     * A section with {@code cy} Cy and {@code dc} Dc instances, every one with {@code polled},
     * cores counted up from 0.
     */
    static String section(String name, int cy, int dc, int polled) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(name).append("]\n");
        sb.append("NumberCyInstances = ").append(cy).append('\n');
        sb.append("NumberDcInstances = ").append(dc).append('\n');
        for (int i = 0; i < cy; i++) {
            sb.append("Cy").append(i).append("Name = \"C").append(i).append("\"\n");
            sb.append("Cy").append(i).append("IsPolled = ").append(polled).append('\n');
            sb.append("Cy").append(i).append("CoreAffinity = ").append(i).append('\n');
        }
        for (int i = 0; i < dc; i++) {
            sb.append("Dc").append(i).append("Name = \"D").append(i).append("\"\n");
            sb.append("Dc").append(i).append("IsPolled = ").append(polled).append('\n');
            sb.append("Dc").append(i).append("CoreAffinity = ").append(i).append('\n');
        }
        return sb.append('\n').toString();
    }

    /** A conf file of a device set, its device and inst_id read from its name as the CLI does. */
    static ConfFile confFile(String name, String text, Integer cores) {
        Optional<DeviceFileName> named = DeviceFileName.of(name);
        assertTrue(named.isPresent(), () -> name + " is not a device file name");
        return confFile(name, ConfDocument.parse(text), cores);
    }

    static ConfFile confFile(String name, ConfDocument doc, Integer cores) {
        DeviceFileName named = DeviceFileName.of(name).orElseThrow();
        return new ConfFile(name, doc, ctx(named.device().type(), cores), OptionalInt.of(named.instId()));
    }

    /**
     * A full C62x host laid out for ZFS: 3 PFs ({@code c6xx_dev0..2}) that only host VFs, then 48 VFs
     * ({@code c6xxvf_dev0..47}), each with one interrupt-mode Cy and Dc instance in [KERNEL_QAT], the
     * 96 instances spread over 56 cores.
     */
    static List<ConfFile> c62xZfsSet(int cores) {
        List<ConfFile> set = new java.util.ArrayList<>();
        C62xFixture.confFiles().forEach((name, text) -> set.add(confFile(name, text, cores)));
        return set;
    }

    static LintContext ctx(String device, Integer cores) {
        return new LintContext(device == null ? Optional.empty() : Optional.of(DeviceRef.of(device)),
                cores == null ? OptionalInt.empty() : OptionalInt.of(cores));
    }

    /** Lints text (one char per byte) for a device type, or an unknown device when null. */
    static List<Finding> lint(String text, String device, Integer cores) {
        return ConfLinter.lint(ConfDocument.parse(text), ctx(device, cores));
    }

    /** Lints text read as driver 4.8 reads it (no trimming; tabs kept), for an unknown device. */
    static List<Finding> lint48(String text) {
        return ConfLinter.lint(ConfDocument.parse(text, DriverRelease.R4_8), ctx(null, null).withRelease(DriverRelease.R4_8));
    }

    /** Lints text for an unknown device with an unknown core count: only the device-free rules run. */
    static List<Finding> lint(String text) {
        return lint(text, null, null);
    }

    static List<Finding> withRule(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.rule().id().equals(ruleId)).toList();
    }

    /** The one finding of a rule; fails (listing all findings) when there is none or more than one. */
    static Finding single(List<Finding> findings, String ruleId) {
        List<Finding> hits = withRule(findings, ruleId);
        assertEquals(1, hits.size(), () -> "expected exactly one " + ruleId + " in:\n" + describe(findings));
        return hits.get(0);
    }

    static void assertNone(List<Finding> findings, String ruleId) {
        assertTrue(withRule(findings, ruleId).isEmpty(), () -> "expected no " + ruleId + " in:\n" + describe(findings));
    }

    static void assertClean(List<Finding> findings) {
        assertTrue(findings.isEmpty(), () -> "expected no findings, got:\n" + describe(findings));
    }

    /** Checks a finding's contract fields: rule id, severity, line, section and key. */
    static void assertFinding(Finding f, String ruleId, Severity severity, int line, String section, String key) {
        assertEquals(ruleId, f.rule().id(), "rule");
        assertEquals(severity, f.severity(), () -> "severity of " + ruleId);
        assertEquals(line, f.line(), () -> "line of " + ruleId + ": " + f.message());
        assertEquals(section, f.section(), () -> "section of " + ruleId);
        assertEquals(key, f.key(), () -> "key of " + ruleId);
    }

    /** The message names what is wrong and how to fix it: each part must appear in it. */
    static void assertMessage(Finding f, String... parts) {
        for (String p : parts) {
            assertTrue(f.message().contains(p), () -> f.rule().id() + " message lacks '" + p + "': " + f.message());
        }
    }

    /** 1-based number of the first line of {@code text} equal to {@code line}: an oracle independent of the parser. */
    static int lineOf(String text, String line) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].replace("\r", "").equals(line)) {
                return i + 1;
            }
        }
        return fail("fixture has no line '" + line + "'");
    }

    /** Replaces the one occurrence of {@code from}; fails when the fixture does not contain it exactly once. */
    static String edit(String text, String from, String to) {
        int at = text.indexOf(from);
        assertTrue(at >= 0 && text.indexOf(from, at + 1) < 0, () -> "fixture must contain '" + from + "' once");
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    static String describe(List<Finding> findings) {
        return findings.stream().map(f -> "  " + f.line() + " " + f.rule().id() + " [" + f.section() + "/" + f.key()
                + "] " + f.message()).collect(Collectors.joining("\n"));
    }
}
