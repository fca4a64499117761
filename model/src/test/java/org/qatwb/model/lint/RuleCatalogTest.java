package org.qatwb.model.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.lint.LintFixtures.PF_HOST_ONLY;
import static org.qatwb.model.lint.LintFixtures.VF_ZFS;
import static org.qatwb.model.lint.LintFixtures.confFile;
import static org.qatwb.model.lint.LintFixtures.edit;
import static org.qatwb.model.lint.LintFixtures.general;
import static org.qatwb.model.lint.LintFixtures.lint;
import static org.qatwb.model.lint.LintFixtures.section;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.driver.Allocator;
import org.qatwb.model.driver.DeviceConf;
import org.qatwb.model.device.DriverRelease;
import org.qatwb.model.etc.VfBlacklist;
import org.qatwb.model.layout.Baseline;
import org.qatwb.model.layout.HostFileLines;
import org.qatwb.model.layout.DeviceKey;
import org.qatwb.model.layout.Instance;
import org.qatwb.model.layout.InstanceRef;
import org.qatwb.model.testutil.C62xFixture;
import org.qatwb.model.layout.Layout;
import org.qatwb.model.layout.LayoutCompiler;
import org.qatwb.model.layout.LayoutFinding;
import org.qatwb.model.testutil.HostSnapshots;

/** The rule catalog against the public contract of CLI.md, and every rule against a fixture that fires it. */
class RuleCatalogTest {

    /** CLI.md's rule table, copied by hand: a public contract, so a change here must be deliberate. */
    private static final Map<String, String> CLI_TABLE = Map.ofEntries(
            Map.entry("syntax.no-equals", "error"),
            Map.entry("syntax.indented-section", "error"),
            Map.entry("syntax.before-section", "error"),
            Map.entry("syntax.too-long", "error"),
            Map.entry("syntax.tab", "warning"),
            Map.entry("syntax.inline-comment", "warning"),
            Map.entry("syntax.spaces-in-value", "warning"),
            Map.entry("syntax.empty", "error"),
            Map.entry("key.duplicate", "error"),
            Map.entry("section.duplicate", "warning"),
            Map.entry("general.missing", "error"),
            Map.entry("general.config-version", "error"),
            Map.entry("general.services", "error"),
            Map.entry("general.request-size", "error"),
            Map.entry("general.buffer-size", "warning"),
            Map.entry("general.deprecated", "warning"),
            Map.entry("instance.missing-key", "error"),
            Map.entry("instance.orphan-key", "warning"),
            Map.entry("instance.polled", "error"),
            Map.entry("instance.service-disabled", "error"),
            Map.entry("zfs.polled", "error"),
            Map.entry("capacity.exceeded", "error"),
            Map.entry("vf.mixed-sections", "error"),
            Map.entry("affinity.range", "error"));

    @Test
    void everyIdOfTheCliTableExistsWithItsSeverity() {
        assertEquals(24, CLI_TABLE.size());
        CLI_TABLE.forEach((id, severity) -> {
            Rule rule = Rule.byId(id).orElseThrow(() -> new AssertionError("CLI.md rule " + id + " is not in the catalog"));
            assertEquals(severity, rule.severity().id(), () -> "severity of " + id);
        });
    }

    @Test
    void idsAreUniqueAndShapedLikeTheContract() {
        Set<String> seen = new HashSet<>();
        for (Rule r : Rule.values()) {
            assertTrue(seen.add(r.id()), () -> "duplicate id " + r.id());
            assertTrue(r.id().matches("[a-z]+\\.[a-z]+(-[a-z]+)*"), () -> "id shape: " + r.id());
            assertEquals(r, Rule.byId(r.id()).orElseThrow());
        }
        assertTrue(Rule.byId("syntax.nonexistent").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void everyRuleHasASourceAndASummary(Rule rule) {
        assertNotNull(rule.source(), rule.id());
        assertFalse(rule.source().description().isBlank(), rule.id());
        assertNotNull(rule.summary(), rule.id());
        assertFalse(rule.summary().isBlank(), rule.id());
        assertNotNull(rule.severity(), rule.id());
    }

    /** The rules corrected from the driver and OpenZFS source (issue 12) name the file and function that decide. */
    @ParameterizedTest
    @EnumSource(value = Rule.class, names = {"GENERAL_CONFIG_VERSION", "GENERAL_SERVICES", "GENERAL_UNKNOWN_PROFILE",
            "INSTANCE_MISSING_COUNT", "AFFINITY_RANGE", "ZFS_POLLED", "ZFS_ASYM_ONLY", "CAPACITY_EXCEEDED",
            "VF_MIXED_SECTIONS", "SYNTAX_INDENTED_SECTION", "SYNTAX_TAB"})
    void correctedRulesCiteTheirSource(Rule rule) {
        assertTrue(rule.where().matches(".*\\.(c|cpp|h) [a-z_:]+.*"), () -> rule.id() + ": " + rule.where());
    }

    @Test
    void severityIdsAreTheJsonWords() {
        assertEquals(List.of("error", "warning", "info"),
                Arrays.stream(Severity.values()).map(Severity::id).toList());
    }

    /** For every rule, the smallest fixture that fires it: a new rule without one fails this test. */
    private static Map<String, Supplier<List<Finding>>> triggers() {
        Map<String, Supplier<List<Finding>>> t = new LinkedHashMap<>();
        t.put("syntax.bom", () -> ConfLinter.lint(ConfDocument.parse(("\u00EF\u00BB\u00BF" + VF_ZFS)
                .getBytes(StandardCharsets.ISO_8859_1)), LintContext.unknown()));
        t.put("syntax.no-equals", () -> lint(edit(VF_ZFS, "statsGeneral = 1", "statsGeneral 1")));
        t.put("syntax.indented-section", () -> lint(edit(VF_ZFS, "[KERNEL]", " [KERNEL]")));
        t.put("syntax.bad-section", () -> lint(edit(VF_ZFS, "[KERNEL]", "[KERNEL")));
        t.put("syntax.before-section", () -> lint("statsGeneral = 1\n" + VF_ZFS));
        t.put("syntax.too-long", () -> lint(edit(VF_ZFS, "Cy0Name = \"ZFS0\"", "Cy0Name = " + "x".repeat(128))));
        t.put("syntax.tab", () -> lint(edit(VF_ZFS, "statsGeneral = 1", "statsGeneral =\t1")));
        t.put("syntax.inline-comment", () -> lint(edit(VF_ZFS, "statsGeneral = 1", "statsGeneral = 1 # on")));
        t.put("syntax.spaces-in-value", () -> lint(edit(VF_ZFS, "Cy0Name = \"ZFS0\"", "Cy0Name = \"ZFS 0\"")));
        t.put("syntax.spaces-in-key", () -> lint(edit(VF_ZFS, "statsGeneral = 1", "stats General = 1")));
        t.put("syntax.empty", () -> lint(edit(VF_ZFS, "statsGeneral = 1", "statsGeneral =")));
        t.put("key.duplicate", () -> lint(edit(VF_ZFS, "statsGeneral = 1", "statsGeneral = 1\nstatsGeneral = 0")));
        t.put("section.duplicate", () -> lint(VF_ZFS + "[KERNEL]\n"));
        t.put("general.missing", () -> lint(section("KERNEL_QAT", 0, 0, 0)));
        t.put("general.config-version", () -> lint(edit(VF_ZFS, "ConfigVersion = 2", "ConfigVersion = 3")));
        t.put("general.services", () -> lint(edit(VF_ZFS, "ServicesEnabled = cy;dc", "ServicesEnabled = zip")));
        t.put("general.unknown-profile", () -> lint(edit(VF_ZFS, "ConfigVersion = 2", "ConfigVersion = 2\nServicesProfile = FAST"), "c6xx", null));
        t.put("instance.missing-count", () -> lint(edit(VF_ZFS, "NumberCyInstances = 1\n", "")));
        t.put("zfs.asym-only", () -> lint(general("asym") + section("KERNEL_QAT", 1, 0, 0)));
        t.put("general.request-size", () -> lint(edit(VF_ZFS, "DcNumConcurrentRequests = 512", "DcNumConcurrentRequests = 500")));
        t.put("general.buffer-size", () -> lint(edit(VF_ZFS, "InKB = 64", "InKB = 128")));
        t.put("general.deprecated", () -> lint(edit(VF_ZFS, "statsGeneral = 1", "KptEnabled = 0")));
        t.put("value.not-number", () -> lint(edit(VF_ZFS, "Cy0IsPolled = 0", "Cy0IsPolled = no")));
        t.put("instance.missing-key", () -> lint(edit(VF_ZFS, "Dc0Name = \"ZFS0\"\n", "")));
        t.put("instance.orphan-key", () -> lint(VF_ZFS + "Dc1Name = \"ZFS1\"\n"));
        t.put("instance.polled", () -> lint(general("dc") + section("SSL", 0, 1, 0)));
        t.put("instance.service-disabled", () -> lint(edit(VF_ZFS, "ServicesEnabled = cy;dc", "ServicesEnabled = cy")));
        t.put("zfs.polled", () -> lint(edit(VF_ZFS, "Cy0IsPolled = 0", "Cy0IsPolled = 1")));
        t.put("capacity.exceeded", () -> lint(general("cy;dc") + section("KERNEL_QAT", 2, 1, 0), "c6xxvf", null));
        t.put("vf.mixed-sections", () -> lint(VF_ZFS + section("SSL", 0, 1, 1).replace("[SSL]\n", "[SSL]\nNumProcesses = 1\n"),
                "c6xxvf", null));
        t.put("affinity.range", () -> lint(C62xFixture.vf(1), "c6xxvf", 1));
        t.put("vf.services-subset", () -> DeviceSetLinter.lint(List.of(
                        confFile("c6xx_dev0.conf", edit(PF_HOST_ONLY, "= cy;dc", "= dc"), null),
                        confFile("c6xxvf_dev0.conf", VF_ZFS, null)))
                .get(1).findings());
        // a caller that knows what the PF sends (here: only compression) without the PF's file in the set
        t.put("driver.refused", () -> DeviceSetLinter.lint(List.of(new ConfFile("c6xxvf_dev0.conf", ConfDocument.parse(VF_ZFS),
                LintFixtures.ctx("c6xxvf", null).withPfOffer(Optional.of(Allocator.offer(new DeviceConf("c6xx_dev0.conf",
                        DeviceRef.of("c6xx"), 0, ConfDocument.parse(edit(PF_HOST_ONLY, "= cy;dc", "= dc")), Optional.empty()),
                        DriverRelease.NEWEST))), java.util.OptionalInt.of(0)))).get(0).findings());
        t.put("pf.instances-with-vfs", () -> DeviceSetLinter.lint(List.of(
                        confFile("c6xx_dev0.conf", general("cy;dc") + section("SSL", 1, 0, 1), null),
                        confFile("c6xxvf_dev0.conf", VF_ZFS, null)))
                .get(0).findings());
        t.put("zfs.instance-cap", () -> DeviceSetLinter.lint(List.of(
                confFile("c6xxvf_dev0.conf", general("dc") + section("KERNEL_QAT", 0, 49, 0), null))).get(0).findings());
        t.put("host.sriov", () -> layoutFindings(HostSnapshots.c62x().defaultQat("ENABLE_KAPI=1\n"), l -> l));
        t.put("host.kapi", () -> layoutFindings(HostSnapshots.c62x().defaultQat("SRIOV_ENABLE=1\n"), l -> l));
        t.put("host.vf-blacklisted", () -> layoutFindings(HostSnapshots.c62x().blacklist("blacklist qat_c62xvf\n"), l -> l));
        t.put("layout.vf-without-conf", () -> layoutFindings(HostSnapshots.host().defaultQat("SRIOV_ENABLE=1\n")
                .conf("c6xx_dev0.conf", PF_HOST_ONLY), l -> l));
        // c6xxvf_dev0 is on NUMA node 0 of the two-node C62x host; core 14 is node 1's
        t.put("affinity.remote-node", () -> layoutFindings(HostSnapshots.c62x(), l -> l.withAffinity(
                new InstanceRef(DeviceKey.parse("c6xxvf_dev0"), "KERNEL_QAT", InstanceKind.CY, 0), 14)));
        t.put("layout.cannot-write", () -> layoutFindings(HostSnapshots.c62x(), l -> l.withInstance(
                new InstanceRef(DeviceKey.parse("c6xxvf_dev0"), "KERNEL_QAT", InstanceKind.CY, 0), new Instance("a b", "0", "0"))));
        t.put("lint.too-many-findings", () -> lint("a\n".repeat(Findings.MAX + 5)));
        // no edit of a layout reaches it (the model refuses such input first): the guard itself, on a stray line
        t.put("layout.host-file-line", () -> HostFileLines.unintended(VfBlacklist.PATH, Optional.of(""),
                "blacklist qat_c62xvf\ninstall e1000e /bin/sh\n"));
        return t;
    }

    /** The findings of a host's layout after an edit, compiled and validated. */
    private static List<Finding> layoutFindings(HostSnapshots host, UnaryOperator<Layout> edit) {
        Baseline base = Baseline.of(host.snapshot());
        return LayoutCompiler.compile(base, edit.apply(base.layout())).findings().stream()
                .map(LayoutFinding::finding).toList();
    }

    @Test
    void everyRuleOfTheCatalogHasATriggeringFixture() {
        Map<String, Supplier<List<Finding>>> triggers = triggers();
        Set<String> ids = Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ids, new TreeSet<>(triggers.keySet()), "a fixture for every rule, and no fixture for a missing rule");
        triggers.forEach((id, fixture) -> {
            List<Finding> fs = fixture.get();
            assertFalse(LintFixtures.withRule(fs, id).isEmpty(), () -> id + " did not fire:\n" + LintFixtures.describe(fs));
            LintFixtures.withRule(fs, id).forEach(f -> assertFalse(f.message().isBlank(), id));
        });
    }
}
