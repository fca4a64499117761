package org.qatwb.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.testutil.C62xFixture;
import org.qatwb.model.testutil.HostSnapshots;
import org.qatwb.model.testutil.NasOutputs;

class LayoutDeriveTest {

    private static final DeviceKey PF0 = DeviceKey.parse("c6xx_dev0");
    private static final DeviceKey PF1 = DeviceKey.parse("c6xx_dev1");

    @Test
    void aC62xHostIsThreePfsEachFollowedByItsSixteenVfs() {
        Layout l = Baseline.of(HostSnapshots.c62x().snapshot()).layout();
        assertEquals(51, l.devices().size());
        assertEquals(PF0, l.devices().get(0).key());
        assertEquals(DeviceKey.parse("c6xxvf_dev0"), l.devices().get(1).key());
        assertEquals(DeviceKey.parse("c6xxvf_dev15"), l.devices().get(16).key());
        assertEquals(PF1, l.devices().get(17).key());
        assertEquals(16, l.vfsOf(PF1).size());
        assertEquals(DeviceKey.parse("c6xxvf_dev16"), l.vfsOf(PF1).get(0).key());
        assertEquals(96, l.devices().stream().mapToInt(d -> d.config().count(InstanceKind.CY) + d.config().count(InstanceKind.DC)).sum());
        assertEquals(new HostSettings(true, true, List.of()), l.host());
        assertEquals(OptionalInt.of(56), l.cpu().cores());
    }

    @Test
    void aPfThatOnlyHostsVfsIsUnusedAndAVfForZfsHasItsKernelInstances() {
        Layout l = Baseline.of(HostSnapshots.c62x().snapshot()).layout();
        Device pf = l.require(PF0);
        assertEquals(Role.UNUSED, pf.role());
        assertEquals("cy;dc", pf.config().services());
        assertEquals(Optional.of("0000:3d:00.0"), pf.info().bsf());
        assertEquals(OptionalInt.of(0), pf.info().node());
        assertEquals(Optional.of("up"), pf.info().state());

        Device vf = l.require(DeviceKey.parse("c6xxvf_dev3"));
        assertEquals(Role.ZFS, vf.role());
        assertEquals(Optional.of(PF0), vf.info().pf());
        assertTrue(vf.info().confPresent());
        InstanceSection kq = vf.config().section("KERNEL_QAT").orElseThrow();
        assertEquals(List.of(new Instance("ZFS0", "0", "3")), kq.cy());
        assertEquals(List.of(new Instance("ZFS0", "0", "3")), kq.dc());
        assertEquals(OptionalInt.of(3), kq.dc().get(0).core());
    }

    @Test
    void valuesAreReadAsTheDriverReadsThemCrlfAndPolledIncluded() {
        Layout l = Baseline.of(HostSnapshots.read(NasOutputs.c62xHost())).layout();
        Instance cy = l.instance(new InstanceRef(DeviceKey.parse("c6xxvf_dev7"), "KERNEL_QAT", InstanceKind.CY, 0))
                .orElseThrow();
        assertEquals(new Instance("ZFS0", "1", "14"), cy, "the CRLF file's values carry no CR");
    }

    @Test
    void vfsThatSrIovWouldCreateAreListedWithoutAFile() {
        HostSnapshots h = HostSnapshots.host().defaultQat("#SRIOV_ENABLE=1\nENABLE_KAPI=1\n");
        for (int i = 0; i < 3; i++) {
            h.conf("c6xx_dev" + i + ".conf", C62xFixture.pf());
        }
        Layout l = Baseline.of(h.snapshot()).layout();
        assertEquals(51, l.devices().size());
        Device vf = l.require(DeviceKey.parse("c6xxvf_dev47"));
        assertFalse(vf.info().confPresent());
        assertEquals(DeviceConfig.NONE, vf.config());
        assertEquals(Optional.of(DeviceKey.parse("c6xx_dev2")), vf.info().pf());
        assertEquals(Optional.empty(), vf.info().bsf());
        assertFalse(l.host().sriov());
    }

    @Test
    void aCountTheDriverCannotReadDeclaresNoInstanceAndMissingKeysAreNull() {
        String vf = C62xFixture.vf(0).replace("NumberCyInstances = 1", "NumberCyInstances = one")
                .replace("Dc0Name = \"ZFS0\"\n", "");
        Layout l = Baseline.of(HostSnapshots.host().conf("c6xxvf_dev0.conf", vf).snapshot()).layout();
        DeviceConfig c = l.require(DeviceKey.parse("c6xxvf_dev0")).config();
        assertEquals(List.of(), c.section("KERNEL_QAT").orElseThrow().cy());
        assertEquals(List.of(new Instance(null, "0", "0")), c.section("KERNEL_QAT").orElseThrow().dc());
    }

    @Test
    void rolesFollowTheSectionsThatHoldInstances() {
        InstanceSection kq = new InstanceSection("KERNEL_QAT", List.of(Instance.of("a", 0, 1)), List.of());
        InstanceSection ssl = new InstanceSection("SSL", List.of(), List.of(Instance.of("b", 1, 2)));
        InstanceSection kernel = new InstanceSection("KERNEL", List.of(Instance.of("c", 0, 3)), List.of());
        assertEquals(Role.ZFS, new DeviceConfig("cy", List.of(kq)).role());
        assertEquals(Role.USER, new DeviceConfig("dc", List.of(ssl)).role());
        assertEquals(Role.OTHER, new DeviceConfig("cy;dc", List.of(ssl, kq)).role());
        assertEquals(Role.OTHER, new DeviceConfig("cy", List.of(kernel)).role());
        assertEquals(Role.UNUSED, new DeviceConfig("cy", List.of(InstanceSection.empty("SSL"))).role());
        assertEquals(List.of(kq, ssl), new DeviceConfig("cy;dc", List.of(ssl, kq)).sections(), "canonical order");
    }

    @Test
    void aFileOfManySectionsEachDeclaringTheMostReadsAtMostMaxInstancesInAll() {
        // 2,000 sections of 4,096 Cy and 4,096 Dc: 16 million instances from 120 KB before
        StringBuilder vf = new StringBuilder("[GENERAL]\nServicesEnabled = cy;dc\nConfigVersion = 2\n");
        for (int i = 0; i < 2000; i++) {
            vf.append("[S").append(i).append("]\nNumberCyInstances = 2000000000\nNumberDcInstances = 4096\n");
        }
        Layout l = Baseline.of(HostSnapshots.host().conf("c6xxvf_dev0.conf", vf.toString()).snapshot()).layout();
        DeviceConfig c = l.require(DeviceKey.parse("c6xxvf_dev0")).config();
        int total = c.sections().stream().mapToInt(s -> s.cy().size() + s.dc().size()).sum();
        assertEquals(DeviceConfigs.MAX_INSTANCES, total);
        assertEquals(DeviceConfigs.MAX_INSTANCES, c.sections().get(0).cy().size(), "the first section takes them");
    }

    @Test
    void aPfWhoseVfsWouldPassTheLastInstIdGetsOnlyTheSlotsThatExist() {
        // 999,999 * 16 overflowed DeviceKey's range: Baseline.of threw IllegalArgumentException
        String status = "There is 2 QAT acceleration device(s) in the system:\n"
                + " qat_dev0 - type: c6xx,  inst_id: 62499,  node_id: 0,  bsf: 0000:1a:00.0,  #accel: 5 #engines: 10 state: up\n"
                + " qat_dev1 - type: c6xx,  inst_id: 2147483647,  node_id: 0,  bsf: 0000:1b:00.0,  #accel: 5 #engines: 10 state: up\n";
        Layout l = Baseline.of(HostSnapshots.host().adfStatus(status).snapshot()).layout();
        assertEquals(List.of(DeviceKey.parse("c6xx_dev62499"), DeviceKey.parse("c6xxvf_dev999984"),
                DeviceKey.parse("c6xxvf_dev999999")), List.of(l.devices().get(0).info().key(),
                l.devices().get(1).info().key(), l.devices().get(16).info().key()));
        assertEquals(17, l.devices().size(), "no device for an inst_id no key can hold");
    }

    @Test
    void aNasListingThousandsOfPfsGivesAtMostMaxDevicesAndTheirVfSlots() {
        StringBuilder status = new StringBuilder("There is 5000 QAT acceleration device(s) in the system:\n");
        for (int i = 0; i < 5000; i++) {
            status.append(" qat_dev").append(i).append(" - type: c6xx,  inst_id: ").append(i).append(",  node_id: 0,  bsf: ")
                    .append(String.format("%04x:%02x:%02x.%x", i / 256, i % 256, 0, 0))
                    .append(",  #accel: 5 #engines: 10 state: up\n");
        }
        // 5,000 PFs made 85,000 devices, ordered in quadratic time
        Layout l = Baseline.of(HostSnapshots.host().adfStatus(status.toString()).snapshot()).layout();
        assertEquals(Baseline.MAX_DEVICES * 17, l.devices().size());
        assertEquals(DeviceKey.parse("c6xxvf_dev16"), l.devices().get(18).info().key(), "PF by PF, each with its VFs");
    }
}
