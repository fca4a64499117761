package org.qatwb.model.etc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qatwb.model.parse.ParseException;

class QatDefaultsParserTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = QatDefaultsParserTest.class.getResourceAsStream("/fixtures/etc/" + name)) {
            if (in == null) {
                throw new IOException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String value(QatDefaults d, String name) {
        ShellAssignment a = d.active().get(name);
        return a == null ? null : a.value();
    }

    @Test
    void installerShapeWithKapiAndSriov() throws ParseException {
        QatDefaults d = QatDefaultsParser.parse("""
                # Comment or remove next line to disable sriov
                SRIOV_ENABLE=1
                #LEGACY_LOADED=1
                ENABLE_KAPI=1
                """);

        assertEquals(Map.of("SRIOV_ENABLE", new ShellAssignment("SRIOV_ENABLE", "1", 2),
                "ENABLE_KAPI", new ShellAssignment("ENABLE_KAPI", "1", 4)), d.active());
        assertEquals(List.of(new ShellAssignment("LEGACY_LOADED", "1", 3)), d.commented());
        assertTrue(d.sriovEnabled());
        assertTrue(d.kapiEnabled());
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void commentedOutFlagsAreOff() throws ParseException {
        QatDefaults d = QatDefaultsParser.parse("#SRIOV_ENABLE=1\n# ENABLE_KAPI=1\n##  export LEGACY_LOADED=1\n");

        assertEquals(Map.of(), d.active());
        assertEquals(List.of("SRIOV_ENABLE", "ENABLE_KAPI", "LEGACY_LOADED"),
                d.commented().stream().map(ShellAssignment::name).toList());
        assertEquals(List.of(1, 2, 3), d.commented().stream().map(ShellAssignment::line).toList());
        assertFalse(d.sriovEnabled());
        assertFalse(d.kapiEnabled());
    }

    @Test
    void proseCommentsAreNotCommentedAssignments() throws ParseException {
        QatDefaults d = QatDefaultsParser.parse("""
                # Remove comment on next line to enable sriov
                # set ENABLE_KAPI=1 for ZFS
                #   see https://example.org/?a=b
                """);

        assertEquals(List.of(), d.commented());
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void handEditedFileReadsLikeTheShellWould() throws Exception {
        QatDefaults d = QatDefaultsParser.parse(fixture("default_qat_hand_edited.txt"));

        assertEquals(new ShellAssignment("SRIOV_ENABLE", "1", 5), d.active().get("SRIOV_ENABLE"));
        assertEquals(new ShellAssignment("ENABLE_KAPI", "1", 8), d.active().get("ENABLE_KAPI"));
        assertTrue(d.sriovEnabled());
        assertTrue(d.kapiEnabled());
        assertEquals(List.of("SRIOV_ENABLE", "LEGACY_LOADED", "DEBUG"),
                d.commented().stream().map(ShellAssignment::name).toList());
        assertEquals(List.of(
                "line 5: SRIOV_ENABLE is set again (also at line 4); the later value \"1\" wins",
                "line 7: blanks around '=' make this a command, not an assignment (sh allows none): "
                        + "ENABLE_KAPI is not set: \"ENABLE_KAPI = 1\""), d.warnings());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
            "SRIOV_ENABLE=1                | true",
            "SRIOV_ENABLE=\"1\"            | true",
            "SRIOV_ENABLE='1'              | true",
            "export SRIOV_ENABLE=1         | true",
            "SRIOV_ENABLE=1 # on           | true",
            "SRIOV_ENABLE=1; ENABLE_KAPI=0 | true",
            "SRIOV_ENABLE=\" 1 \"          | true",
            "SRIOV_ENABLE=\\1              | true",
            "SRIOV_ENABLE=0                | false",
            "SRIOV_ENABLE=01               | false",
            "SRIOV_ENABLE=yes              | false",
            "SRIOV_ENABLE=true             | false",
            "SRIOV_ENABLE=                 | false",
            "SRIOV_ENABLE=\"1 1\"          | false",
            "SRIOV_ENABLE=1#on             | false",
            "SRIOV_ENABLE =1               | false",
            "SRIOV_ENABLE= 1               | false",
            "SRIOV_ENABLE = 1              | false",
            "\"SRIOV_ENABLE\"=1            | false",
            "SRIOV_ENABLE=1 true           | false",
            "[ -e /x ] && SRIOV_ENABLE=1   | false",
            "SRIOV_ENABLE=1; unset SRIOV_ENABLE | false",
    })
    void enabledMeansWhatQatServiceTests(String line, boolean enabled) throws ParseException {
        assertEquals(enabled, QatDefaultsParser.parse(line.strip() + "\n").sriovEnabled());
    }

    @Test
    void valuesThatCountAsOffAreWarnedAbout() throws ParseException {
        QatDefaults d = QatDefaultsParser.parse("ENABLE_KAPI=yes\nSRIOV_ENABLE=0\nOTHER=yes\n");

        assertFalse(d.kapiEnabled());
        assertEquals(List.of("line 1: ENABLE_KAPI=\"yes\" counts as off: qat_service tests [ $ENABLE_KAPI == 1 ], "
                + "so only 1 turns it on"), d.warnings());
    }

    @Test
    void crlfLeavesACarriageReturnInTheValueSoTheFlagIsOff() throws ParseException {
        QatDefaults d = QatDefaultsParser.parse("# qat\r\n\r\nSRIOV_ENABLE=1\r\nENABLE_KAPI=1\r\n");

        assertEquals("1\r", value(d, "SRIOV_ENABLE"));
        assertFalse(d.sriovEnabled());
        assertFalse(d.kapiEnabled());
        assertEquals(2, d.warnings().size());
        assertTrue(d.warnings().get(0).startsWith("line 3: SRIOV_ENABLE=\"1\\r\" counts as off"), d.warnings().get(0));
        assertTrue(d.warnings().get(0).endsWith("(the \\r comes from a CRLF line ending)"), d.warnings().get(0));
    }

    @Test
    void quotingAndContinuationFollowTheShell() throws ParseException {
        QatDefaults d = QatDefaultsParser.parse("""
                A="x y"'z'
                B=a\\
                b
                C="line1
                line2"
                D="\\$E \\"q\\""
                F=1 G=2
                """);

        assertEquals("x yz", value(d, "A"));
        assertEquals("ab", value(d, "B"));
        assertEquals("line1\nline2", value(d, "C"));
        assertEquals("$E \"q\"", value(d, "D"));
        assertEquals(new ShellAssignment("F", "1", 7), d.active().get("F"));
        assertEquals(new ShellAssignment("G", "2", 7), d.active().get("G"));
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void expansionsAreTakenLiterallyWithAWarning() throws ParseException {
        QatDefaults d = QatDefaultsParser.parse("SRIOV_ENABLE=$(cat /x)\nK='$literal'\nB=`echo  1`\n");

        assertEquals("$(cat /x)", value(d, "SRIOV_ENABLE"));
        assertEquals("$literal", value(d, "K"));
        assertEquals("`echo  1`", value(d, "B"));
        assertTrue(d.warnings().contains(
                "line 1: SRIOV_ENABLE: the value uses shell expansion ($ or `), taken literally as \"$(cat /x)\""),
                d.warnings()::toString);
    }

    @Test
    void unterminatedQuoteStopsTheFileButKeepsWhatCameBefore() throws ParseException {
        QatDefaults d = QatDefaultsParser.parse("ENABLE_KAPI=1\nSRIOV_ENABLE=\"1\nLEGACY_LOADED=1\n");

        assertTrue(d.kapiEnabled());
        assertFalse(d.sriovEnabled());
        assertFalse(d.active().containsKey("LEGACY_LOADED"));
        assertEquals(1, d.warnings().size());
        assertTrue(d.warnings().get(0).startsWith("line 2: unterminated quote"), d.warnings().get(0));
    }

    @Test
    void otherCommandsAreWarnedAboutAndIgnored() throws ParseException {
        QatDefaults d = QatDefaultsParser.parse("echo hello\nif true; then X=1; fi\n");

        // conditionals are not evaluated: X would be set by bash, but the warnings say so
        assertEquals(List.of("line 1: not an assignment, ignored: \"echo hello\"",
                "line 2: not an assignment, ignored: \"if true\"",
                "line 2: not an assignment, ignored: \"then X=1\"",
                "line 2: not an assignment, ignored: \"fi\""), d.warnings());
        assertEquals(Map.of(), d.active());
    }

    @Test
    void emptyAndBinaryInputGiveNothingButNoError() throws ParseException {
        assertEquals(Map.of(), QatDefaultsParser.parse("").active());
        QatDefaults binary = QatDefaultsParser.parse("\u0000\u0001\uFFFF\n");
        assertEquals(Map.of(), binary.active());
        assertEquals(1, binary.warnings().size());
        assertFalse(binary.warnings().get(0).contains("\u0000"));
    }
}
