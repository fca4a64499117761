package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.pci.DriverOwner;
import org.qatwb.model.pci.OwnedFunction;
import org.qatwb.model.pci.QatPciDevices;
import org.qatwb.model.snapshot.NasSnapshotReader;

/**
 * The agent's {@code qat_pci} item under every shell (dash, bash, busybox): every QAT function of
 * every generation with its driver, the drivers' modules with taint, version and srcversion, and the
 * QAT lines of modules.dep; nothing else on the bus.
 */
class AgentScriptQatPciTest {

    static Stream<Shell> shells() {
        return Shell.all();
    }

    /** A C62x card on Intel's driver, a CPU's 4xxx endpoint on the in-kernel driver, a NIC, a 4xxx VF passed through. */
    private static FakeNas mixed(Path dir) {
        return new FakeNas(dir)
                .file("proc/sys/kernel/osrelease", "6.1.0-28-amd64\n")
                .file("lib/modules/6.1.0-28-amd64/modules.dep", """
                        kernel/drivers/net/ethernet/intel/ice/ice.ko:
                        updates/drivers/crypto/qat/qat_common/intel_qat.ko:
                        updates/drivers/crypto/qat/qat_c62x/qat_c62x.ko: updates/drivers/crypto/qat/qat_common/intel_qat.ko
                        kernel/drivers/qat_api.ko: updates/drivers/crypto/qat/qat_common/intel_qat.ko
                        kernel/drivers/crypto/intel/qat/qat_4xxx/qat_4xxx.ko.xz: kernel/drivers/crypto/intel/qat/qat_common/intel_qat.ko.xz
                        updates/dkms/zfs.ko: updates/dkms/spl.ko kernel/drivers/qat_api.ko
                        """)
                .file("sys/bus/pci/devices/0000:3d:00.0/vendor", "0x8086\n")
                .file("sys/bus/pci/devices/0000:3d:00.0/device", "0x37c8\n")
                .file("sys/bus/pci/devices/0000:3d:00.0/numa_node", "0\n")
                .link("sys/bus/pci/drivers/c6xx/0000:3d:00.0", "../../../../devices/pci0000:3a/0000:3d:00.0")
                .file("sys/bus/pci/devices/0000:3d:01.0/vendor", "0x8086\n")
                .file("sys/bus/pci/devices/0000:3d:01.0/device", "0x37c9\n")
                .file("sys/bus/pci/devices/0000:3d:01.0/numa_node", "0\n")
                .link("sys/bus/pci/devices/0000:3d:01.0/physfn", "../0000:3d:00.0")
                .file("sys/bus/pci/devices/0000:6b:00.0/vendor", "0x8086\n")
                .file("sys/bus/pci/devices/0000:6b:00.0/device", "0x4940\n")
                .file("sys/bus/pci/devices/0000:6b:00.0/numa_node", "-1\n")
                .link("sys/bus/pci/drivers/4xxx/0000:6b:00.0", "../../../../devices/pci0000:6a/0000:6b:00.0")
                .file("sys/bus/pci/devices/0000:6b:00.1/vendor", "0x8086\n")
                .file("sys/bus/pci/devices/0000:6b:00.1/device", "0x4941\n")
                .link("sys/bus/pci/devices/0000:6b:00.1/physfn", "../0000:6b:00.0")
                .link("sys/bus/pci/drivers/vfio-pci/0000:6b:00.1", "../../../../devices/pci0000:6a/0000:6b:00.1")
                .file("sys/bus/pci/devices/0000:b1:00.0/vendor", "0x8086\n")      // a NIC: not QAT's
                .file("sys/bus/pci/devices/0000:b1:00.0/device", "0x1593\n")
                .link("sys/bus/pci/drivers/ice/0000:b1:00.0", "../../../../devices/pci0000:b0/0000:b1:00.0")
                .file("sys/bus/pci/devices/0000:c1:00.0/vendor", "0x10de\n")      // another vendor's 0x37c8
                .file("sys/bus/pci/devices/0000:c1:00.0/device", "0x37c8\n")
                .file("sys/module/qat_c62x/taint", "OE\n")
                .file("sys/module/qat_c62x/version", "4.24.0\n")
                .file("sys/module/qat_c62x/srcversion", "0A1B2C3D4E5F60718293A4B\n")
                .link("sys/module/qat_c62x/drivers/pci:c6xx", "../../../bus/pci/drivers/c6xx")
                .file("sys/module/intel_qat/taint", "OE\n")
                .file("sys/module/intel_qat/version", "4.24.0\n")
                .file("sys/module/qat_4xxx/taint", "\n")
                .file("sys/module/qat_4xxx/version", "0.6.0\n")
                .link("sys/module/qat_4xxx/drivers/pci:4xxx", "../../../bus/pci/drivers/4xxx")
                .file("sys/module/vfio_pci/taint", "\n")
                .link("sys/module/vfio_pci/drivers/pci:vfio-pci", "../../../bus/pci/drivers/vfio-pci")
                .file("sys/module/ice/taint", "\n")
                .link("sys/module/ice/drivers/pci:ice", "../../../bus/pci/drivers/ice");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void everyQatFunctionWithItsDriverAndEachModuleWithItsOrigin(Shell shell, @TempDir Path dir) throws ParseException {
        AgentOutput out = snapshot(shell, mixed(dir));
        assertEquals("""
                dev 0000:3d:00.0 0x37c8 pf 0 c6xx
                dev 0000:3d:01.0 0x37c9 vf 0 -
                dev 0000:6b:00.0 0x4940 pf -1 4xxx
                dev 0000:6b:00.1 0x4941 vf - vfio-pci
                drv c6xx qat_c62x
                drv 4xxx qat_4xxx
                drv vfio-pci vfio_pci
                mod qat_c62x OE 4.24.0 0A1B2C3D4E5F60718293A4B
                mod qat_4xxx - 0.6.0 -
                mod vfio_pci - - -
                mod intel_qat OE 4.24.0 -
                dep intel_qat updates/drivers/crypto/qat/qat_common/intel_qat.ko
                dep qat_c62x updates/drivers/crypto/qat/qat_c62x/qat_c62x.ko
                dep qat_api kernel/drivers/qat_api.ko
                dep qat_4xxx kernel/drivers/crypto/intel/qat/qat_4xxx/qat_4xxx.ko.xz
                """, out.frame("qat_pci").orElseThrow().text());

        QatPciDevices pci = NasSnapshotReader.read(out).qatPci().orElseThrow();
        List<OwnedFunction> cards = pci.cards();
        assertEquals(List.of("0000:3d:00.0", "0000:6b:00.0"), cards.stream().map(OwnedFunction::bsf).toList());
        assertTrue(cards.get(0).owner() instanceof DriverOwner.Qat1OutOfTree, cards.get(0).toString());
        assertTrue(cards.get(1).owner() instanceof DriverOwner.InKernel, cards.get(1).toString());
        assertEquals(2, pci.conflicts().size(), "in-kernel and out-of-tree modules loaded, a card on the in-kernel one");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void withoutPciInSysfsTheItemIsAbsentAndWithoutQatItIsEmpty(Shell shell, @TempDir Path dir) throws ParseException {
        assertEquals(ItemStatus.ABSENT, snapshot(shell, new FakeNas(dir)).frame("qat_pci").orElseThrow().status());
        FakeNas nic = new FakeNas(dir.resolve("nic"))
                .file("sys/bus/pci/devices/0000:b1:00.0/vendor", "0x8086\n")
                .file("sys/bus/pci/devices/0000:b1:00.0/device", "0x1593\n");
        AgentOutput out = snapshot(shell, nic);
        assertEquals(ItemStatus.OK, out.frame("qat_pci").orElseThrow().status());
        assertEquals("", out.frame("qat_pci").orElseThrow().text().strip());
        assertEquals(List.of(), NasSnapshotReader.read(out).qatPci().orElseThrow().functions());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void whatSysfsHoldsThatNoFrameMayCarryIsLeftOut(Shell shell, @TempDir Path dir) throws ParseException {
        FakeNas nas = new FakeNas(dir)
                .file("sys/bus/pci/devices/0000:3d:00.0/vendor", "0x8086\n")
                .file("sys/bus/pci/devices/0000:3d:00.0/device", "0x37c8\n")
                .file("sys/bus/pci/devices/0000:3d:00.0/numa_node", "0 1\n")
                .link("sys/bus/pci/drivers/c 6xx/0000:3d:00.0", "../../../../devices/pci0000:3a/0000:3d:00.0")
                .file("sys/module/qat_c62x/taint", "O\u001b[2J\n")
                .file("sys/module/qat_c62x/version", "4.24 .0\n")
                .file("sys/bus/pci/devices/0000:3f:00.0/vendor", "0x8086\n")
                .file("sys/bus/pci/devices/0000:3f:00.0/device", "0x37c8\n")
                .link("sys/bus/pci/drivers/" + "d".repeat(65) + "/0000:3f:00.0", "../../../../devices/pci0000:3a/0000:3f:00.0")
                .file("sys/module/qat_c62xvf/taint", "OE\n")
                .file("sys/module/qat_c62xvf/version", "4".repeat(65) + "\n")
                .file("proc/sys/kernel/osrelease", "6.1.0-28-amd64\n")
                .file("lib/modules/6.1.0-28-amd64/modules.dep", "updates/" + "x/".repeat(300) + "qat_c62x.ko:\n");
        String text = snapshot(shell, nas).frame("qat_pci").orElseThrow().text();
        assertEquals("dev 0000:3d:00.0 0x37c8 pf - ?\ndev 0000:3f:00.0 0x37c8 pf - ?\nmod qat_c62x ? - -\n"
                + "mod qat_c62xvf OE - -\n", text);
        QatPciDevices.parse(text);
    }

    private static AgentOutput snapshot(Shell shell, FakeNas nas) throws ParseException {
        AgentRun run = AgentRun.run(shell, nas, AgentScriptSnapshotTest.args("snapshot", "0"));
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("", run.stderr());
        return run.parse(AgentScriptTestSupport.BOUNDARY);
    }
}
