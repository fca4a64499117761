package org.qatwb.model.etc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.testutil.Samples;

class QatDefaultsEditorTest {

    private static boolean sriov(String text) throws ParseException {
        return QatDefaultsParser.parse(text).sriovEnabled();
    }

    @ParameterizedTest(name = "[{index}]")
    @CsvSource(delimiter = '|', value = {
        // Intel's commented line is uncommented in place
        "'# Remove comment on next line to enable sriov\n#SRIOV_ENABLE=1\nENABLE_KAPI=1\n'"
                + "|'# Remove comment on next line to enable sriov\nSRIOV_ENABLE=1\nENABLE_KAPI=1\n'",
        // an assignment to 0 gets the value 1, its spacing, export and comment kept
        "'  export SRIOV_ENABLE=0  # off for now\n'|'  export SRIOV_ENABLE=1  # off for now\n'",
        "'SRIOV_ENABLE=\"0\"\n'|'SRIOV_ENABLE=1\n'",
        // nothing to edit: appended, and a missing final newline is added first
        "'ENABLE_KAPI=1'|'ENABLE_KAPI=1\nSRIOV_ENABLE=1\n'",
        "''|'SRIOV_ENABLE=1\n'",
        // a later unset would win over an edit in place: the appended line comes after it
        "'SRIOV_ENABLE=0\nunset SRIOV_ENABLE\n'|'SRIOV_ENABLE=0\nunset SRIOV_ENABLE\nSRIOV_ENABLE=1\n'",
    })
    void switchingOnEditsTheLineThatDecides(String before, String after) throws ParseException {
        assertEquals(after, QatDefaultsEditor.set(before, "SRIOV_ENABLE", true));
        assertTrue(sriov(after));
    }

    @Test
    void switchingOnInACrlfFileMakesEveryLineLfBecauseTheShellKeepsTheCrInEachValue() throws ParseException {
        String before = "SRIOV_ENABLE=0\r\nENABLE_KAPI=1\r\n";
        EtcEdit e = QatDefaultsEditor.edit(before, "SRIOV_ENABLE", true);
        assertEquals("SRIOV_ENABLE=1\nENABLE_KAPI=1\n", e.text());
        assertEquals("set SRIOV_ENABLE=1 on line 1 (was \"0\"), and " + QatDefaultsEditor.LF_WHY, e.change());
        assertTrue(sriov(e.text()));
        assertTrue(QatDefaultsParser.parse(e.text()).kapiEnabled(), "ENABLE_KAPI=1\\r was off; now it is what it says");
        assertEquals(new EtcEdit("SRIOV_ENABLE=1\n", QatDefaultsEditor.LF_WHY),
                QatDefaultsEditor.edit("SRIOV_ENABLE=1\r\n", "SRIOV_ENABLE", true));
    }

    @Test
    void eachEditSaysWhatItChanged() {
        assertEquals("uncomment line 2: SRIOV_ENABLE=1",
                QatDefaultsEditor.edit("# enable sriov\n#SRIOV_ENABLE=1\n", "SRIOV_ENABLE", true).change());
        assertEquals("comment out line 1: SRIOV_ENABLE=1",
                QatDefaultsEditor.edit("SRIOV_ENABLE=1\n", "SRIOV_ENABLE", false).change());
        assertEquals("add ENABLE_KAPI=1 at the end", QatDefaultsEditor.edit("SRIOV_ENABLE=1\n", "ENABLE_KAPI", true).change());
        assertEquals("ENABLE_KAPI=1", QatDefaultsEditor.edit("", "ENABLE_KAPI", true).change());
        assertEquals("ENABLE_KAPI is on already", QatDefaultsEditor.edit("ENABLE_KAPI=1\n", "ENABLE_KAPI", true).change());
    }

    @Test
    void switchingOffCommentsTheAssignmentOutAsIntelsFileSays() throws ParseException {
        String before = "# Comment or remove next line to disable sriov\nSRIOV_ENABLE=1\nENABLE_KAPI=1\n";
        String after = QatDefaultsEditor.set(before, "SRIOV_ENABLE", false);
        assertEquals("# Comment or remove next line to disable sriov\n#SRIOV_ENABLE=1\nENABLE_KAPI=1\n", after);
        assertEquals(before, QatDefaultsEditor.set(after, "SRIOV_ENABLE", true), "and back, byte for byte");
        assertEquals("SRIOV_ENABLE=1; ENABLE_KAPI=1\nSRIOV_ENABLE=0\n",
                QatDefaultsEditor.set("SRIOV_ENABLE=1; ENABLE_KAPI=1\n", "SRIOV_ENABLE", false),
                "a line that does more than the one assignment is not touched");
    }

    @Test
    void aValueAlreadyRightIsNoEditAndAFileTheShellCannotFinishIsRefused() {
        assertEquals("SRIOV_ENABLE=1\n", QatDefaultsEditor.set("SRIOV_ENABLE=1\n", "SRIOV_ENABLE", true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QatDefaultsEditor.set("X='unterminated\n", "ENABLE_KAPI", true));
        assertTrue(e.getMessage().contains("/etc/default/qat"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QatDefaultsEditor.set("", "PATH", true));
    }

    static java.util.List<Path> samples() {
        return Samples.files("etc").stream().filter(p -> p.getFileName().toString().startsWith("etc_default_qat_")).toList();
    }

    /** Every sample, each flag on then off then on: the right value every time, and back to the same bytes. */
    @ParameterizedTest
    @MethodSource("samples")
    void everySampleTogglesBothFlags(Path sample) throws ParseException {
        String text = new String(Samples.bytes(sample), StandardCharsets.ISO_8859_1);
        for (String flag : new String[] {"SRIOV_ENABLE", "ENABLE_KAPI"}) {
            boolean now = QatDefaultsParser.parse(text).enabled(flag);
            String flipped = QatDefaultsEditor.set(text, flag, !now);
            assertEquals(!now, QatDefaultsParser.parse(flipped).enabled(flag));
            assertEquals(text, QatDefaultsEditor.set(flipped, flag, now), "flipped back: " + flag);
        }
    }
}
