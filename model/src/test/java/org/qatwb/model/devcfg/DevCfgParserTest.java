package org.qatwb.model.devcfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qatwb.model.parse.ParseException;

/** dev_cfg as qat_dev_cfg_show prints it (adf_cfg_dev_dbg.c), and what is not. */
class DevCfgParserTest {

    static final String SAMPLE = """
            [GENERAL]
            ServicesEnabled = dc
            statsGeneral = 1
            FirstUserBundle = 2
            [KERNEL_QAT]
            NumberCyInstances = 0
            NumberDcInstances = 1
            Dc0Name = ZFS_DC0
            Dc0IsPolled = 0
            Dc0CoreAffinity = 0
            Dc0BankNumber = 0
            [SSL]
            LimitDevAccess = 1
            [SSL_INT_0]
            NumberCyInstances = 0
            NumberDcInstances = 1
            """;

    @Test
    void readsSectionsAndKeysInTheKernelsOrder() throws ParseException {
        DevCfg d = DevCfgParser.parse(SAMPLE);
        assertEquals(List.of("GENERAL", "KERNEL_QAT", "SSL", "SSL_INT_0"), d.sectionNames());
        assertEquals(Optional.of("ZFS_DC0"), d.value("KERNEL_QAT", "Dc0Name"));
        assertEquals(Optional.of("1"), d.value("SSL", "LimitDevAccess"));
        assertEquals(Optional.empty(), d.value("SSL", "NumberDcInstances"));
    }

    @Test
    void aDeviceThatIsDownHasAnEmptyFile() throws ParseException {
        assertTrue(DevCfgParser.parse("").isEmpty());
    }

    @Test
    void anEmptyValueIsKeptAsPrinted() throws ParseException {
        assertEquals(Optional.of(""), DevCfgParser.parse("[GENERAL]\nX = \n").value("GENERAL", "X"));
    }

    @Test
    void whatTheDriverNeverPrintsIsOneLineOfError() {
        assertMessage("line 1: a key before any section", "X = 1\n");
        assertMessage("line 3: section [GENERAL] a second time", "[GENERAL]\nA = 1\n[GENERAL]\n");
        assertMessage("line 3: key A a second time in [GENERAL]", "[GENERAL]\nA = 1\nA = 2\n");
        assertMessage("line 2: neither [SECTION] nor KEY = VALUE", "[GENERAL]\nA=1\n");
        assertMessage("line 2: a control character (code 27): not a dev_cfg", "[GENERAL]\nA = \u001b[2J\n");
        assertMessage("line 2: an empty line: the driver prints none", "[GENERAL]\n\nA = 1\n");
        assertMessage("line 1: a section name of 64 characters (1..63)", "[" + "S".repeat(64) + "]\n");
        assertMessage("longer than 262144 characters: not a dev_cfg", "[G]\n" + "A = 1\n".repeat(50_000));
    }

    @Test
    void randomBytesNeverEscapeAsAnythingButParseException() {
        Random r = new Random(13);
        for (int i = 0; i < 2000; i++) {
            char[] c = new char[r.nextInt(200)];
            for (int j = 0; j < c.length; j++) {
                String alphabet = "[]= \nAK1_\u0000\u00ff\t\r";
                c[j] = alphabet.charAt(r.nextInt(alphabet.length()));
            }
            try {
                DevCfgParser.parse(new String(c));
            } catch (ParseException e) {
                assertTrue(!e.getMessage().contains("\n"), e.getMessage());
            }
        }
    }

    private static void assertMessage(String message, String text) {
        assertEquals(message, assertThrows(ParseException.class, () -> DevCfgParser.parse(text)).getMessage());
    }
}
