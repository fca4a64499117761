package org.qatwb.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.testutil.C62xFixture;
import org.qatwb.model.testutil.HostSnapshots;

/** Every finding names the layout element at fault, so that the editor can select it. */
class FindingElementsTest {

    private static final DeviceKey VF3 = DeviceKey.parse("c6xxvf_dev3");
    private static final InstanceRef VF3_CY = new InstanceRef(VF3, "KERNEL_QAT", InstanceKind.CY, 0);

    private static Compilation compile(HostSnapshots host, java.util.function.UnaryOperator<Layout> edit) {
        Baseline base = Baseline.of(host.snapshot());
        return LayoutCompiler.compile(base, edit.apply(base.layout()));
    }

    private static LayoutFinding only(Compilation c, String rule) {
        List<LayoutFinding> fs = c.findings().stream().filter(f -> f.finding().rule().id().equals(rule)).toList();
        assertEquals(1, fs.size(), c.findings().toString());
        return fs.get(0);
    }

    @Test
    void aPolledKernelInstanceIsThatInstanceOnItsLine() {
        LayoutFinding f = only(compile(HostSnapshots.c62x(), l -> l.withInstance(VF3_CY, Instance.of("ZFS0", 1, 6))), "zfs.polled");
        assertEquals(new ElementRef.OfInstance(VF3_CY), f.element());
        assertEquals("/etc/c6xxvf_dev3.conf", f.path());
        assertEquals(19, f.finding().line(), "Cy0IsPolled's line in the fixture");
    }

    @Test
    void anAffinityBeyondTheCoresIsThatInstance() {
        InstanceRef dc = new InstanceRef(VF3, "KERNEL_QAT", InstanceKind.DC, 0);
        LayoutFinding f = only(compile(HostSnapshots.c62x(), l -> l.withAffinity(dc, 56)), "affinity.range");
        assertEquals(new ElementRef.OfInstance(dc), f.element());
    }

    @Test
    void tooManyInstancesForAVfIsTheDevice() {
        // cy;dc gives a VF's bank 2 Dc positions: the third Dc, on the VF's own core 3, finds none
        LayoutFinding f = only(compile(HostSnapshots.c62x(), l -> l.withInstanceAdded(VF3, "KERNEL_QAT", InstanceKind.DC,
                Instance.of("ZFS1", 0, 3)).withInstanceAdded(VF3, "KERNEL_QAT", InstanceKind.DC, Instance.of("ZFS2", 0, 3))),
                "capacity.exceeded");
        assertEquals(new ElementRef.OfDevice(VF3), f.element());
    }

    @Test
    void anInterruptModeInstanceOnAnotherCoreOfAVfIsThatInstance() {
        LayoutFinding f = only(compile(HostSnapshots.c62x(), l -> l.withInstanceAdded(VF3, "KERNEL_QAT", InstanceKind.DC,
                Instance.of("ZFS1", 0, 9))), "capacity.exceeded");
        assertEquals(new ElementRef.OfInstance(new InstanceRef(VF3, "KERNEL_QAT", InstanceKind.DC, 1)), f.element());
        assertTrue(f.finding().message().contains("ZFS1 is on core 9 but this VF's only bank is already bound to core 3"),
                f.finding().message());
    }

    @Test
    void aServiceThePfLacksIsEachVfThatOffersIt() {
        Compilation c = compile(HostSnapshots.c62x(), l -> l.withServices(List.of(DeviceKey.parse("c6xx_dev0")), "dc"));
        List<ElementRef> elements = c.findings().stream().filter(f -> f.finding().rule().id().equals("vf.services-subset"))
                .map(LayoutFinding::element).toList();
        assertEquals(java.util.stream.IntStream.range(0, 16)
                .mapToObj(i -> (ElementRef) new ElementRef.OfDevice(DeviceKey.parse("c6xxvf_dev" + i))).toList(), elements);
    }

    @Test
    void aKeyMissingFromTheFileIsTheInstanceThatLacksIt() {
        HostSnapshots h = HostSnapshots.c62x().conf("c6xxvf_dev3.conf", C62xFixture.vf(6).replace("Cy0Name = \"ZFS0\"\n", ""));
        LayoutFinding f = only(compile(h, l -> l), "instance.missing-key");
        assertEquals(new ElementRef.OfInstance(VF3_CY), f.element());
    }

    @Test
    void srIovOffIsTheHostSwitchOnItsCommentedLine() {
        LayoutFinding f = only(compile(HostSnapshots.c62x().defaultQat("# sriov\n#SRIOV_ENABLE=1\nENABLE_KAPI=1\n"), l -> l),
                "host.sriov");
        assertEquals(new ElementRef.OfHost(HostSetting.SRIOV), f.element());
        assertEquals("/etc/default/qat", f.path());
        assertEquals(2, f.finding().line());
        assertEquals("SRIOV_ENABLE", f.finding().key());
    }
}
