package org.qatwb.sim.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** adf_ctl's reading of a conf file, per release (quickassist/utilities/adf_ctl/src, 4.8 and 4.24). */
class AdfCtlReaderTest {

    private static AdfCtlConf read(String text, DriverRelease release) {
        return AdfCtlReader.read(text.getBytes(StandardCharsets.ISO_8859_1), release);
    }

    private static final String GENERAL = "[GENERAL]\nServicesEnabled = cy;dc\nConfigVersion = 2\n";

    @Test
    void anIndentedHeaderIsAHeaderIn424AndALineWithoutEqualsIn48() {
        String text = GENERAL + "[KERNEL]\nNumberCyInstances = 0\n  [KERNEL_QAT]\nNumberCyInstances = 1\n";
        AdfCtlConf new24 = read(text, DriverRelease.R4_24);
        assertEquals(Optional.of("1"), new24.value("KERNEL_QAT", "NumberCyInstances"));
        assertEquals(Optional.of("0"), new24.value("KERNEL", "NumberCyInstances"));
        AdfCtlConf old48 = read(text, DriverRelease.R4_8);
        assertTrue(!old48.sections().containsKey("KERNEL_QAT"), old48.sections().toString());
        // no '=': key and value are both the whole line, stored in the section it sits in
        assertEquals(Optional.of("[KERNEL_QAT]"), old48.value("KERNEL", "[KERNEL_QAT]"));
        // the first NumberCyInstances of [KERNEL] wins
        assertEquals(Optional.of("0"), old48.value("KERNEL", "NumberCyInstances"));
    }

    @Test
    void tabsAreKeptIn48AndDeletedIn424() {
        String text = GENERAL + "[KERNEL_QAT]\n\tCy0Name\t= \"ZFS\tCY\"\n";
        assertEquals(Optional.of("ZFSCY"), read(text, DriverRelease.R4_24).value("KERNEL_QAT", "Cy0Name"));
        AdfCtlConf old = read(text, DriverRelease.R4_8);
        assertEquals(Optional.empty(), old.value("KERNEL_QAT", "Cy0Name"));
        assertEquals(Optional.of("ZFS\tCY"), old.value("KERNEL_QAT", "\tCy0Name\t"));
    }

    @Test
    void inlineCommentsSpacesQuotesAndTheFirstDuplicate() {
        String text = GENERAL + "[SSL]\nCy0Name = \"SSL 0\" # first\nCy0Name = second\nNumProcesses = 007\n"
                + "Mask = 0x1F\nPlus = +1\nJust a line\n[SSL]\nLimitDevAccess = 1\n";
        AdfCtlConf c = read(text, DriverRelease.R4_24);
        assertEquals(Optional.of("SSL0"), c.value("SSL", "Cy0Name"));
        assertEquals(Optional.of("7"), c.value("SSL", "NumProcesses"));   // decimal, printed %ld by the kernel
        assertEquals(Optional.of("0x1f"), c.value("SSL", "Mask"));        // hex, printed 0x%lx
        assertEquals(Optional.of("+1"), c.value("SSL", "Plus"));          // a string
        assertEquals(Optional.of("Justaline"), c.value("SSL", "Justaline"));
        assertEquals(Optional.of("1"), c.value("SSL", "LimitDevAccess")); // a section seen again continues
    }

    @Test
    void sectionsReachTheKernelSortedByNameAsAdfCtlsMapHoldsThem() {
        AdfCtlConf c = read("[SSL]\nNumProcesses = 1\n" + GENERAL + "[KERNEL_QAT]\n[Alpha]\n", DriverRelease.R4_24);
        assertEquals(List.of("Alpha", "GENERAL", "KERNEL_QAT", "SSL"), List.copyOf(c.sections().keySet()));
    }

    @Test
    void emptyKeysOrValuesAreWarningsOnStdout() {
        AdfCtlConf c = read(GENERAL + "[KERNEL_QAT]\nCy0Name =\n  # indented comment\n", DriverRelease.R4_24);
        assertEquals(List.of("Warning: Wrong key-value format in line 5: \"Cy0Name =\""), c.stdout());
        AdfCtlConf old = read(GENERAL + "[KERNEL_QAT]\n  # indented comment\n", DriverRelease.R4_8);
        assertEquals(List.of("Warning: Wrong key-value format in line 5: \"  # indented comment\""), old.stdout());
    }

    @Test
    void adfCtlRefusesBeforeTheKernel() {
        assertEquals(Optional.of("No GENERAL section found"), read("[KERNEL_QAT]\nA = 1\n", DriverRelease.R4_24).error());
        assertEquals(Optional.of("Key ConfigVersion missing in GENERAL section"),
                read("[GENERAL]\nServicesEnabled = cy\n", DriverRelease.R4_24).error());
        assertEquals(Optional.of("Only version 2 config file supported"),
                read("[GENERAL]\nConfigVersion = 3\n", DriverRelease.R4_8).error());
        assertEquals(Optional.empty(), read("[GENERAL]\nConfigVersion = 2.0\n", DriverRelease.R4_8).error());
        assertEquals(Optional.empty(), read("[GENERAL]\nConfigVersion = v02\n", DriverRelease.R4_8).error());
        assertTrue(read(GENERAL + "[SSL]\nCy0Name = " + "x".repeat(128) + "\n", DriverRelease.R4_24).error().orElseThrow()
                .endsWith(": entry too long. Maximum allowed: 128, current value: 128"));
        assertTrue(read("A = 1\n" + GENERAL, DriverRelease.R4_24).crashed());
        assertTrue(AdfCtlReader.read(new byte[AdfCtlReader.MAX_FILE_BYTES + 1], DriverRelease.R4_24).error().isPresent());
    }
}
