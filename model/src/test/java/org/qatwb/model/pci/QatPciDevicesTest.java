package org.qatwb.model.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.model.parse.ParseException;

class QatPciDevicesTest {

    /** A C62x PF on Intel's 4.24, one VF, a CPU's 4xxx endpoint on the kernel's qat_4xxx, its VF passed through. */
    static final String MIXED = """
            dev 0000:3d:00.0 0x37c8 pf 0 c6xx
            dev 0000:3d:01.0 0x37c9 vf 0 c6xxvf
            dev 0000:6b:00.0 0x4940 pf 1 4xxx
            dev 0000:6b:00.1 0x4941 vf - vfio-pci
            drv c6xx qat_c62x
            drv c6xxvf qat_c62xvf
            drv 4xxx qat_4xxx
            drv vfio-pci vfio_pci
            mod qat_c62x OE 4.24.0 0A1B2C3D4E5F60718293A4B
            mod qat_c62xvf OE 4.24.0 -
            mod qat_4xxx - 0.6.0 -
            mod vfio_pci - - -
            mod intel_qat OE 4.24.0 -
            dep intel_qat updates/drivers/crypto/qat/qat_common/intel_qat.ko
            dep qat_api kernel/drivers/qat_api.ko
            dep qat_4xxx kernel/drivers/crypto/intel/qat/qat_4xxx/qat_4xxx.ko.xz
            """;

    @Test
    void eachFunctionWithItsGenerationOwnerAndWhatZfsCanUse() throws ParseException {
        QatPciDevices pci = QatPciDevices.parse(MIXED);
        List<OwnedFunction> all = pci.owned();
        assertEquals(4, all.size());
        OwnedFunction c62x = all.get(0);
        assertEquals(QatGeneration.GEN2, c62x.function().generation());
        assertEquals(OptionalInt.of(0), c62x.function().numaNode());
        assertEquals(new DriverOwner.Qat1OutOfTree("c6xx", "qat_c62x", Optional.of("4.24.0")), c62x.owner());
        assertEquals(new ZfsUse(true, true, true, c62x.zfs().why()), c62x.zfs());
        assertTrue(all.get(1).owner() instanceof DriverOwner.Qat1OutOfTree, "the VF driver is Intel's too");
        OwnedFunction gen4 = all.get(2);
        assertEquals(QatGeneration.GEN4, gen4.function().generation());
        assertEquals(new DriverOwner.InKernel("4xxx", "qat_4xxx"), gen4.owner());
        assertFalse(gen4.zfs().any(), gen4.zfs().why());
        assertEquals(new DriverOwner.VfioPci(), all.get(3).owner());
        assertEquals(OptionalInt.empty(), all.get(3).function().numaNode());
        assertEquals(List.of("0000:3d:00.0", "0000:6b:00.0"), pci.cards().stream().map(OwnedFunction::bsf).toList());
        assertEquals("0000:6b:00.0 (4xxx, Gen 4)", gen4.name());
    }

    @Test
    void aCardOnTheKernelsDriverWhileIntelsIsInstalledAndModulesOfBothOriginsAreConflicts() throws ParseException {
        QatPciDevices pci = QatPciDevices.parse(MIXED);
        assertTrue(pci.outOfTreeInstalled());
        assertEquals(List.of("qat_4xxx"), pci.loaded(ModuleOrigin.IN_KERNEL));
        assertEquals(List.of("qat_c62x", "qat_c62xvf", "intel_qat"), pci.loaded(ModuleOrigin.OUT_OF_TREE));
        List<DriverConflict> k = pci.conflicts();
        assertEquals(List.of(DriverConflict.Kind.BOTH_LOADED, DriverConflict.Kind.IN_KERNEL_BOUND),
                k.stream().map(DriverConflict::kind).toList());
        assertEquals(List.of("qat_4xxx"), k.get(1).modules());
        assertTrue(k.get(1).message().startsWith("0000:6b:00.0 (4xxx, Gen 4) bound to the in-kernel qat_4xxx"), k.get(1).message());
    }

    @Test
    void stockDistributionWithOnlyTheKernelsDriverHasNoConflict() throws ParseException {
        QatPciDevices pci = QatPciDevices.parse("""
                dev 0000:6b:00.0 0x4940 pf 0 4xxx
                drv 4xxx qat_4xxx
                mod qat_4xxx - 0.6.0 -
                mod intel_qat - 0.6.0 -
                dep qat_4xxx kernel/drivers/crypto/intel/qat/qat_4xxx/qat_4xxx.ko
                dep intel_qat kernel/drivers/crypto/intel/qat/qat_common/intel_qat.ko
                """);
        assertFalse(pci.outOfTreeInstalled());
        assertEquals(List.of(), pci.conflicts());
        assertTrue(pci.cards().get(0).owner() instanceof DriverOwner.InKernel);
    }

    @Test
    void theSameNameIsToldApartByTaintThenFileThenVersion() {
        QatModule tainted = new QatModule("qat_c62x", true, Optional.of("OE"), Optional.empty(), Optional.empty(),
                Optional.of("kernel/drivers/crypto/qat/qat_c62x/qat_c62x.ko"));
        assertEquals(ModuleOrigin.OUT_OF_TREE, tainted.origin(), "the taint is what is loaded; the file, what loads next");
        assertEquals(Optional.of(ModuleOrigin.IN_KERNEL), tainted.fileOrigin());
        QatModule clean = new QatModule("qat_c62x", true, Optional.of(""), Optional.of("4.24.0"), Optional.empty(), Optional.empty());
        assertEquals(ModuleOrigin.IN_KERNEL, clean.origin(), "a readable, empty taint is in-tree whatever the version says");
        assertEquals(ModuleOrigin.OUT_OF_TREE, new QatModule("qat_c62x", true, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("updates/drivers/crypto/qat/qat_c62x/qat_c62x.ko")).origin());
        assertEquals(ModuleOrigin.OUT_OF_TREE, new QatModule("qat_c62x", true, Optional.empty(), Optional.of("4.28.0"),
                Optional.empty(), Optional.empty()).origin());
        assertEquals(ModuleOrigin.UNKNOWN, new QatModule("qat_c62x", true, Optional.empty(), Optional.of("0.6.0"),
                Optional.empty(), Optional.empty()).origin());
    }

    @Test
    void intelsQat2DriverGivesGen4CompressionOnlyFromRelease1230() throws ParseException {
        String gen4 = "dev 0000:6b:00.0 0x4944 pf 0 4xxx\ndrv 4xxx qat_4xxx\nmod qat_4xxx OE %s -\n";
        OwnedFunction recent = QatPciDevices.parse(gen4.formatted("1.2.30")).cards().get(0);
        assertEquals(new DriverOwner.Qat2OutOfTree("4xxx", "qat_4xxx", Optional.of("1.2.30")), recent.owner());
        assertEquals("compression only", recent.zfs().summary());
        assertFalse(QatPciDevices.parse(gen4.formatted("1.1.40")).cards().get(0).zfs().any());
        OwnedFunction unknown = QatPciDevices.parse(gen4.formatted("QAT20.L.1")).cards().get(0);
        assertTrue(unknown.zfs().compression() && !unknown.zfs().checksum(), unknown.zfs().why());
        assertTrue(unknown.zfs().why().contains("1.2.30"), unknown.zfs().why());
    }

    @Test
    void aDriverWhoseModuleIsNotShownOrNotQatsIsAnotherOwner() throws ParseException {
        QatPciDevices pci = QatPciDevices.parse("""
                dev 0000:3d:00.0 0x37c8 pf 0 c6xx
                dev 0000:3f:00.0 0x37c8 pf 0 pci-stub
                dev 0000:41:00.0 0x37c8 pf 0 -
                drv pci-stub pci_stub
                """);
        List<OwnedFunction> c = pci.cards();
        assertEquals(new DriverOwner.Other("c6xx", "its module is not shown"), c.get(0).owner());
        assertEquals(new DriverOwner.Other("pci-stub", "module pci_stub"), c.get(1).owner());
        assertEquals(new DriverOwner.NoDriver(), c.get(2).owner());
        assertTrue(c.stream().noneMatch(o -> o.zfs().any()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dev 0000:3d:00.0 0x1593 pf 0 ice",                  // not a QAT id
        "dev 0000:3d:00.0 0x37c8 pf 0",                      // a word short
        "dev 3d:00.0 0x37c8 pf 0 c6xx",                      // no domain
        "dev 0000:3d:00.0 0x37c8 xf 0 c6xx",
        "dev 0000:3d:00.0 0x37c8 pf 0 c6\u001b[2Jxx",
        "mod qat_c62x oe 4.24.0 -",                          // taint letters are capitals
        "mod qat_c62x OE 4.24 .0 -",
        "dep qat_c62x ../../etc/passwd x",
        "drv c6xx",
        "lsmod says hello",
        "\u202edev 0000:3d:00.0 0x37c8 pf 0 c6xx"
    })
    void aLineOfAnotherShapeRefusesTheItemInOneLine(String line) {
        ParseException e = assertThrows(ParseException.class, () -> QatPciDevices.parse("dev 0000:41:00.0 0x37c8 pf 0 -\n" + line + "\n"));
        assertEquals(2, e.line());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
        assertFalse(e.getMessage().contains("\u202e"), e.getMessage());
    }

    @Test
    void moreLinesThanTheAgentPrintsAreRefusedBeforeAnyIsRead() {
        String many = "dev 0000:3d:00.0 0x37c8 pf 0 c6xx\n".repeat(QatPciDevices.MAX_LINES + 1);
        assertThrows(ParseException.class, () -> QatPciDevices.parse(many));
    }

    @Test
    void everyGenerationsIdsAreKnownPfThenVf() {
        assertEquals(20, QatPciId.values().length);
        for (QatPciId id : QatPciId.values()) {
            assertEquals(id.vf(), id.type().endsWith("vf"), id.name());
        }
        assertEquals(Optional.of(QatPciId.Q420XX), QatPciId.of("0x4946"));
        assertEquals(QatGeneration.GEN3, QatPciId.C4XXX.generation());
        assertEquals(QatGeneration.GEN1, QatPciId.DH895XCC_VF.generation());
    }
}
