package org.qatwb.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.HashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.driver.Allocator;
import org.qatwb.model.driver.DeviceConf;
import org.qatwb.model.driver.DeviceVerdict;
import org.qatwb.model.device.DriverRelease;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.lint.Rule;
import org.qatwb.model.lint.Severity;
import org.qatwb.model.testutil.HostSnapshots;

class PresetTest {

    private static final Set<Integer> C62X_NODE0 = IntStream.concat(IntStream.rangeClosed(0, 13), IntStream.rangeClosed(28, 41))
            .boxed().collect(Collectors.toSet());

    /** The simulator's dh8950 box: one 8950 card (1 PF, 32 VFs) on node 1 of two 16-CPU nodes. */
    private static HostSnapshots dh8950() {
        HostSnapshots h = HostSnapshots.host().adfStatus(HostSnapshots.adfStatusFor("dh895xcc", 32, 1))
                .cpu("0-31\n", "0 0-7,16-23\n1 8-15,24-31\n").defaultQat("SRIOV_ENABLE=1\nENABLE_KAPI=1\n");
        h.conf("dh895xcc_dev0.conf", HostSnapshots.template("dh895xcc/pf.conf").toBytes());
        for (int v = 0; v < 32; v++) {
            h.conf("dh895xccvf_dev" + v + ".conf", HostSnapshots.template("dh895xcc/vf.conf").toBytes());
        }
        return h;
    }

    /** Every kernel instance of the layout with its device, in device order. */
    private static List<Map.Entry<Device, Instance>> kernelInstances(Layout l, InstanceKind kind) {
        List<Map.Entry<Device, Instance>> out = new ArrayList<>();
        for (Device d : l.devices()) {
            d.config().section("KERNEL_QAT").ifPresent(s -> s.instances(kind).forEach(i -> out.add(Map.entry(d, i))));
        }
        return out;
    }

    private static Compilation compiled(HostSnapshots h, Preset p) {
        Baseline base = Baseline.of(h.snapshot());
        return LayoutCompiler.compile(base, p.apply(base.layout()));
    }

    @Test
    void compressionOnlyOnC62xIsOneDcInstancePerCoreOfTheCardsNodeSpreadOverThePfs() {
        Layout l = Preset.ZFS_COMPRESSION.apply(Baseline.of(HostSnapshots.c62x().snapshot()).layout());
        List<Map.Entry<Device, Instance>> dc = kernelInstances(l, InstanceKind.DC);
        assertEquals(28, dc.size(), "one per core of node 0, the card's");
        assertEquals(0, l.kernelInstances(InstanceKind.CY));
        assertEquals(C62X_NODE0, dc.stream().map(e -> e.getValue().core().getAsInt()).collect(Collectors.toSet()),
                "each on its own core, all NUMA-local");
        assertTrue(dc.stream().allMatch(e -> e.getValue().polled().getAsInt() == 0), "interrupt mode");
        Map<String, Long> perPf = new TreeMap<>(dc.stream().collect(Collectors.groupingBy(
                e -> e.getKey().info().pf().orElseThrow().id(), Collectors.counting())));
        assertEquals(Map.of("c6xx_dev0", 10L, "c6xx_dev1", 9L, "c6xx_dev2", 9L), perPf);
        assertTrue(l.devices().stream().allMatch(d -> d.config().count(InstanceKind.DC) <= 1), "one per VF");
        assertTrue(l.devices().stream().allMatch(d -> "dc".equals(d.config().services())));
        assertEquals(new HostSettings(true, true, List.of()), l.host());
    }

    @Test
    void compressionOnlyCompilesCleanAndRewritesEveryVf() {
        Compilation c = compiled(HostSnapshots.c62x(), Preset.ZFS_COMPRESSION);
        assertEquals(List.of(), c.findings());
        assertEquals(51, c.files().size(), "3 PFs and 48 VFs change services; 20 VFs lose their instances");
    }

    @Test
    void allServicesOnC62xFillsZfsCapExactlyWithOneCyAndOneDcPerVf() {
        Compilation c = compiled(HostSnapshots.c62x(), Preset.ZFS_ALL);
        Layout l = c.layout();
        assertEquals(48, l.kernelInstances(InstanceKind.CY));
        assertEquals(48, l.kernelInstances(InstanceKind.DC));
        assertTrue(l.devices().stream().filter(Device::vf).allMatch(d -> d.config().count(InstanceKind.CY) == 1
                && d.config().count(InstanceKind.DC) == 1));
        assertTrue(kernelInstances(l, InstanceKind.CY).stream().allMatch(e -> C62X_NODE0.contains(e.getValue().core().getAsInt())));
        assertEquals(List.of(), c.findings());
    }

    @Test
    void onTheEightNineFiftyEveryInstanceIsOnTheCardsNodeOne() {
        Set<Integer> node1 = IntStream.concat(IntStream.rangeClosed(8, 15), IntStream.rangeClosed(24, 31)).boxed()
                .collect(Collectors.toSet());
        Compilation compression = compiled(dh8950(), Preset.ZFS_COMPRESSION);
        List<Map.Entry<Device, Instance>> dc = kernelInstances(compression.layout(), InstanceKind.DC);
        assertEquals(16, dc.size());
        assertEquals(node1, dc.stream().map(e -> e.getValue().core().getAsInt()).collect(Collectors.toSet()));
        assertEquals(List.of(), compression.findings());

        Compilation all = compiled(dh8950(), Preset.ZFS_ALL);
        assertEquals(32, all.layout().kernelInstances(InstanceKind.DC));
        assertTrue(kernelInstances(all.layout(), InstanceKind.DC).stream().allMatch(e -> node1.contains(e.getValue().core().getAsInt())));
        assertEquals(List.of(), all.findings());
    }

    @Test
    void twoCardsOnTwoNodesShareZfsCapAndEachUsesItsOwnNodesCores() {
        HostSnapshots h = HostSnapshots.host().adfStatus(HostSnapshots.adfStatusFor("c6xx", 16, 0, 0, 0, 1, 1, 1))
                .defaultQat("");
        Layout compression = Preset.ZFS_COMPRESSION.apply(Baseline.of(h.snapshot()).layout());
        List<Map.Entry<Device, Instance>> dc = kernelInstances(compression, InstanceKind.DC);
        assertEquals(48, dc.size(), "56 local cores, but ZFS uses 48");
        for (Map.Entry<Device, Instance> e : dc) {
            int node = e.getKey().info().node().getAsInt();
            assertEquals(node == 0, C62X_NODE0.contains(e.getValue().core().getAsInt()), e.toString());
        }
        assertEquals(24, dc.stream().filter(e -> e.getKey().info().node().getAsInt() == 1).count());
        Set<String> cores = new HashSet<>();
        dc.forEach(e -> assertTrue(cores.add(e.getValue().coreAffinity()), "each core once"));

        Layout all = Preset.ZFS_ALL.apply(Baseline.of(h.snapshot()).layout());
        assertEquals(48, all.kernelInstances(InstanceKind.CY));
        assertEquals(48, all.kernelInstances(InstanceKind.DC));
    }

    @Test
    void installerDefaultsAreIntelsFilesWithTheirTwoKnownProblems() {
        Compilation c = compiled(HostSnapshots.c62x(), Preset.INSTALLER_DEFAULTS);
        Device vf = c.layout().require(DeviceKey.parse("c6xxvf_dev9"));
        assertEquals(new DeviceConfig("cy;dc", List.of(new InstanceSection("KERNEL_QAT",
                List.of(Instance.of("IPSec0", 1, 0)), List.of(Instance.of("IPComp0", 1, 0))))), vf.config());
        assertEquals(new HostSettings(true, true, List.of("qat_c62xvf")), c.layout().host());
        Map<Rule, Long> errors = c.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .collect(Collectors.groupingBy(f -> f.finding().rule(), Collectors.counting()));
        assertEquals(Map.of(Rule.ZFS_POLLED, 96L, Rule.HOST_VF_BLACKLISTED, 1L), errors);
        assertFalse(c.applicable());
    }

    @Test
    void aPresetDependsOnTheHardwareNotOnTheFilesThereNow() {
        for (Preset p : Preset.values()) {
            Layout a = p.apply(Baseline.of(HostSnapshots.c62x().snapshot()).layout());
            Layout b = p.apply(Baseline.of(HostSnapshots.c62xFromTemplates().snapshot()).layout());
            assertEquals(a.devices().stream().map(Device::config).toList(), b.devices().stream().map(Device::config).toList(),
                    p.id());
            assertEquals(a, p.apply(a), p.id() + " applied twice is the same layout");
        }
        assertEquals(Optional.of(Preset.ZFS_COMPRESSION), Preset.byId("zfs-compression"));
        assertEquals(Optional.empty(), Preset.byId("fast"));
    }

    /**
     * A NAS without a QAT device (stock TrueNAS, the simulator's no-qat): every preset is the layout as
     * it is, so nothing is compiled, and no /etc/default/qat appears for a driver that is not there.
     */
    @Test
    void onAHostWithoutQatEveryPresetChangesNothing() {
        for (String defaults : new String[] {null, "SRIOV_ENABLE=0\nENABLE_KAPI=0\n"}) {
            HostSnapshots h = HostSnapshots.host().adfStatus(null).defaultQat(defaults).cpu("0-7\n", "0 0-7\n");
            Baseline base = Baseline.of(h.snapshot());
            for (Preset p : Preset.values()) {
                Layout l = p.apply(base.layout());
                assertEquals(base.layout(), l, p.id());
                Compilation c = LayoutCompiler.compile(base, l);
                assertEquals(List.of(), c.files(), () -> p.id() + ": " + c.diff());
                assertEquals(List.of(), c.findings(), p.id());
            }
        }
    }

    /**
     * The simulator's profiles with a card (c62x: 3 PFs, 48 VFs, 2 nodes; dh8950: 1 PF, 32 VFs on
     * node 1), their trees as the simulator writes them from the templates, and two cards on two nodes.
     */
    static Stream<Arguments> profiles() {
        return Stream.of(Arguments.of("c62x", (Supplier<HostSnapshots>) HostSnapshots::c62xFromTemplates),
                Arguments.of("c62x fixture", (Supplier<HostSnapshots>) HostSnapshots::c62x),
                Arguments.of("dh8950", (Supplier<HostSnapshots>) PresetTest::dh8950),
                Arguments.of("two c62x cards", (Supplier<HostSnapshots>) () -> HostSnapshots.host()
                        .adfStatus(HostSnapshots.adfStatusFor("c6xx", 16, 0, 0, 0, 1, 1, 1)).defaultQat("")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void everyPresetCompilesToFilesTheDriverModelPlacesWhole(String profile, Supplier<HostSnapshots> host) {
        for (Preset p : Preset.values()) {
            Baseline base = Baseline.of(host.get().snapshot());
            Compilation c = LayoutCompiler.compile(base, p.apply(base.layout()));
            Map<String, byte[]> written = new HashMap<>();
            c.files().forEach(f -> written.put(f.path(), f.change().after()));
            List<DeviceConf> set = new ArrayList<>();
            int devId = 0;
            for (Device d : c.layout().devices()) {
                String path = d.key().confPath();
                Optional<ConfDocument> doc = written.containsKey(path) ? Optional.of(ConfDocument.parse(written.get(path)))
                        : base.doc(d.key());
                if (doc.isPresent()) {
                    set.add(new DeviceConf(path, d.key().device(), devId++, doc.get(), d.info().pf().map(DeviceKey::confPath)));
                }
            }
            assertTrue(set.size() > 1, profile);
            for (DeviceVerdict v : Allocator.place(set, DriverRelease.NEWEST)) {
                assertInstanceOf(DeviceVerdict.Placed.class, v, () -> profile + " " + p.id() + ": " + v);
            }
            if (p == Preset.INSTALLER_DEFAULTS) {
                // Intel's own files: polled, so ZFS cannot use them (that is its point), but the driver takes them
                assertTrue(c.findings().stream().noneMatch(f -> f.finding().rule() == Rule.CAPACITY_EXCEEDED
                        || f.finding().rule() == Rule.VF_MIXED_SECTIONS), () -> profile + ": " + c.findings());
            } else {
                assertEquals(List.of(), c.findings(), () -> profile + " " + p.id());
            }
        }
    }
}
