package org.qatwb.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.testutil.C62xFixture;
import org.qatwb.model.testutil.HostSnapshots;

class LayoutEditsTest {

    private static final DeviceKey VF0 = DeviceKey.parse("c6xxvf_dev0");
    private static final DeviceKey VF1 = DeviceKey.parse("c6xxvf_dev1");
    private static final DeviceKey VF40 = DeviceKey.parse("c6xxvf_dev40");

    private static Layout c62x() {
        return Baseline.of(HostSnapshots.c62x().snapshot()).layout();
    }

    /** A C62x host before SR-IOV: PF files only, nothing switched on. */
    private static Layout bare() {
        HostSnapshots h = HostSnapshots.host().adfStatus(HostSnapshots.adfStatusFor("c6xx", 0, 0, 0, 0)).defaultQat("");
        for (int i = 0; i < 3; i++) {
            h.conf("c6xx_dev" + i + ".conf", C62xFixture.pf());
        }
        return Baseline.of(h.snapshot()).layout();
    }

    @Test
    void editsReturnANewLayoutAndLeaveTheOldOneAsItWas() {
        Layout before = c62x();
        Layout copy = c62x();
        Layout after = before.withRole(List.of(VF0, VF1), Role.UNUSED);
        assertEquals(copy, before);
        assertNotEquals(before, after);
        assertEquals(Role.UNUSED, after.require(VF0).role());
        assertEquals(Role.ZFS, after.require(VF40).role());
    }

    @Test
    void givingAnUnusedVfToZfsAddsOneInterruptInstancePerServiceOnOneFreeLocalCoreAndTheSwitchesItNeeds() {
        Layout l = bare().withRole(List.of(VF0, VF1), Role.ZFS);
        InstanceSection s0 = l.require(VF0).config().section("KERNEL_QAT").orElseThrow();
        InstanceSection s1 = l.require(VF1).config().section("KERNEL_QAT").orElseThrow();
        assertEquals(List.of(Instance.of("ZFS_CY", 0, 0)), s0.cy());
        // the VF's one bank is bound to the core of its first interrupt-mode instance: the Dc shares it
        assertEquals(List.of(Instance.of("ZFS_DC", 0, 0)), s0.dc());
        assertEquals(List.of(Instance.of("ZFS_CY", 0, 1)), s1.cy(), "the next free core of node 0");
        assertEquals(List.of(Instance.of("ZFS_DC", 0, 1)), s1.dc());
        assertEquals("cy;dc", l.require(VF0).config().services());
        assertEquals(new HostSettings(true, true, List.of()), l.host());
    }

    @Test
    void userSpaceGetsTheInstancesPolledInAUserSectionAndBackToZfsInInterruptMode() {
        Layout user = c62x().withRole(List.of(VF0), Role.USER);
        DeviceConfig c = user.require(VF0).config();
        assertEquals(Role.USER, c.role());
        InstanceSection ssl = c.section("SSL").orElseThrow();
        assertEquals(new Instance("ZFS0", "1", "0"), ssl.cy().get(0));
        Layout zfs = user.withRole(List.of(VF0), Role.ZFS);
        assertEquals(c62x().require(VF0).config(), zfs.require(VF0).config());
        assertThrows(IllegalArgumentException.class, () -> user.withRole(List.of(VF0), Role.OTHER));
    }

    @Test
    void servicesForManyVfsDropTheInstancesOfServicesNoLongerOn() {
        Layout l = c62x().withServices(List.of(VF0, VF1, VF40), "dc");
        for (DeviceKey k : List.of(VF0, VF1, VF40)) {
            assertEquals("dc", l.require(k).config().services());
            assertEquals(0, l.require(k).config().count(InstanceKind.CY));
            assertEquals(1, l.require(k).config().count(InstanceKind.DC));
        }
        assertEquals(45, l.kernelInstances(InstanceKind.CY));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c62x().withServices(List.of(VF0), "cy; dc"));
        assertTrue(e.getMessage().contains("blank"), e.getMessage());
    }

    @Test
    void instancesAreAddedAtTheEndAndRemovedWithTheOnesAboveMovingDown() {
        InstanceRef dc0 = new InstanceRef(VF0, "KERNEL_QAT", InstanceKind.DC, 0);
        Layout two = c62x().withInstanceAdded(VF0, "KERNEL_QAT", InstanceKind.DC, Instance.of("ZFS1", 0, 9));
        assertEquals(2, two.require(VF0).config().count(InstanceKind.DC));
        Layout one = two.withInstanceRemoved(dc0);
        assertEquals(Instance.of("ZFS1", 0, 9), one.instance(dc0).orElseThrow());
        assertEquals(Instance.of("ZFS0", 0, 1).withCore(5), c62x().withAffinity(dc0, 5).instance(dc0).orElseThrow());
    }

    @Test
    void anInstanceOrDeviceTheLayoutDoesNotHaveIsRefusedInOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c62x().withAffinity(new InstanceRef(VF0, "KERNEL_QAT", InstanceKind.DC, 3), 1));
        assertEquals("the layout has no instance c6xxvf_dev0 [KERNEL_QAT] Dc3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c62x().withRole(List.of(DeviceKey.parse("c6xxvf_dev99")),
                Role.ZFS));
        assertEquals("the layout has no device c6xxvf_dev99", e.getMessage());
    }

    @Test
    void aLayoutFilesChoicesGoOnTheFactsReadNowAndUnnamedDevicesKeepTheirs() {
        Layout now = c62x();
        DeviceConfig unused = new DeviceConfig("dc", List.of());
        Device fromFile = new Device(new DeviceInfo(VF1, Optional.empty(), Optional.of("0000:99:00.0"),
                OptionalInt.of(7), Optional.empty(), false), unused);
        Layout file = new Layout(List.of(fromFile), new HostSettings(true, true, List.of()), now.cpu());
        Layout merged = now.withChoicesOf(file);
        assertEquals(unused, merged.require(VF1).config());
        assertEquals(now.require(VF1).info(), merged.require(VF1).info(), "the facts are the NAS's, read now");
        assertEquals(now.require(VF0), merged.require(VF0));
        Layout stranger = new Layout(List.of(new Device(new DeviceInfo(DeviceKey.parse("c6xxvf_dev48"),
                Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                false), unused)), now.host(), now.cpu());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> now.withChoicesOf(stranger));
        assertTrue(e.getMessage().contains("c6xxvf_dev48"), e.getMessage());
    }

    @Test
    void theZfsCapIsCountedOverKernelInstancesOfEveryDevice() {
        assertEquals(48, c62x().kernelInstances(InstanceKind.CY));
        assertEquals(48, c62x().kernelInstances(InstanceKind.DC));
    }
}
