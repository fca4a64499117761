package org.qatwb.model.devcfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.parse.ParseException;

/** The keys the driver stores as adf_ctl gave them, and the comparison with what it loaded. */
class DevCfgExpectationTest {

    private static final String BSF = "0000:3d:00.0";
    private static final String CONF = """
            [GENERAL]
            ServicesEnabled = dc
            ConfigVersion = 2
            DcNumConcurrentRequests = 512
            statsGeneral = 007
            Mask = 0x00FF
            [KERNEL_QAT]
            NumberCyInstances = 0
            NumberDcInstances = 1
            Dc0Name = "ZFS_DC0"
            Dc0IsPolled = 0
            Dc0CoreAffinity = 0
            Dc0BankNumber = 5
            [SSL]
            NumberDcInstances = 2
            """;

    @Test
    void keepsTheKeysTheKernelStoresAsGivenNormalisedAsItPrintsThem() {
        List<DevCfgExpectation.Line> lines = DevCfgExpectation.of(BSF, ConfDocument.parse(CONF));
        List<String> wire = lines.stream().map(DevCfgExpectation.Line::wire).toList();
        assertTrue(wire.contains(BSF + " GENERAL ServicesEnabled dc"), wire.toString());
        assertTrue(wire.contains(BSF + " GENERAL statsGeneral 7"), wire.toString());
        assertTrue(wire.contains(BSF + " GENERAL Mask 0xff"), wire.toString());
        assertTrue(wire.contains(BSF + " KERNEL_QAT NumberDcInstances 1"), wire.toString());
        // removed or made by the kernel (adf_cfg_cleanup_general_section, adf_cfg_add_dc_inst_info), and user sections
        assertTrue(wire.stream().noneMatch(w -> w.contains("ConfigVersion") || w.contains("DcNumConcurrentRequests")
                || w.contains("BankNumber") || w.contains(" SSL ")), wire.toString());
    }

    @Test
    void theSimulatorsDevCfgOfTheSameFileMatchesAndAnOldOneDoesNot() throws ParseException {
        DevCfgExpectation e = new DevCfgExpectation(DevCfgExpectation.of(BSF, ConfDocument.parse(CONF)));
        DevCfg loaded = DevCfgParser.parse("""
                [GENERAL]
                ServicesEnabled = dc
                statsGeneral = 7
                Mask = 0xff
                FirstUserBundle = 1
                [KERNEL_QAT]
                NumberCyInstances = 0
                NumberDcInstances = 1
                Dc0Name = ZFS_DC0
                Dc0IsPolled = 0
                Dc0CoreAffinity = 0
                Dc0BankNumber = 0
                [SSL]
                """);
        assertEquals(List.of(), e.compare(Map.of(BSF, loaded)));

        DevCfg old = DevCfgParser.parse(DevCfgParserTest.SAMPLE);
        List<DevCfgMismatch> m = e.compare(Map.of(BSF, old));
        assertTrue(m.stream().anyMatch(x -> x.describe().equals(
                BSF + ": [GENERAL] statsGeneral is '1', the files say '7'")), m.toString());
        assertTrue(m.stream().anyMatch(x -> x.describe().equals(BSF + ": [GENERAL] Mask is absent, the files say '0xff'")));

        List<DevCfgMismatch> down = e.compare(Map.of(BSF, new DevCfg(Map.of())));
        assertTrue(down.stream().allMatch(DevCfgMismatch::notLoaded));
        assertEquals(e.lines().size(), e.compare(Map.of()).size());
    }

    @Test
    void kernelValuesFollowAdfCtlsTyping() {
        assertEquals(Optional.of("42"), KernelValue.of("0042"));
        assertEquals(Optional.of("0xabc"), KernelValue.of("0x0ABC"));
        assertEquals(Optional.of("0XAB"), KernelValue.of("0XAB")); // get_value_type looks for "0x" only
        assertEquals(Optional.of("cy;dc"), KernelValue.of("cy;dc"));
        assertEquals(Optional.empty(), KernelValue.of("9999999999999999999")); // ADF_DEC beyond LONG_MAX: releases differ
        assertEquals(Optional.of("99999999999999999999"), KernelValue.of("99999999999999999999")); // 20 digits: ADF_STR
        assertEquals(Optional.empty(), KernelValue.of(""));
    }

    @Test
    void aLineTheAgentCouldNotCheckIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DevCfgExpectation.Line(BSF, "GENERAL", "A B", "1"));
        assertThrows(IllegalArgumentException.class, () -> new DevCfgExpectation.Line(BSF, "GENERAL", "A", "a\\b"));
        assertThrows(IllegalArgumentException.class, () -> new DevCfgExpectation.Line("3d:00.0", "GENERAL", "A", "1"));
    }
}
