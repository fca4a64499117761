package org.qatwb.model.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.qatwb.model.parse.ParseException;

/** wc's sizes against cat's bytes: nothing a NAS says about a size is allocated before it is checked. */
class ConfSetTest {

    private static final byte[] BYTES = "[GENERAL]\nA = 1\n[GENERAL]\nB = 2\n".getBytes(StandardCharsets.ISO_8859_1);

    private static String sizes(long first, long second) {
        return first + " /r/etc/c6xx_dev0.conf\n" + second + " /r/etc/c6xx_dev1.conf\n" + (first + second) + " total\n";
    }

    @Test
    void sizesThatAddUpSplitTheBytesInWcsOrder() throws Exception {
        Map<String, byte[]> files = ConfSet.split(sizes(16, 16), BYTES);
        assertEquals(List.of("/etc/c6xx_dev0.conf", "/etc/c6xx_dev1.conf"), List.copyOf(files.keySet()));
        assertArrayEquals("[GENERAL]\nA = 1\n".getBytes(StandardCharsets.ISO_8859_1), files.get("/etc/c6xx_dev0.conf"));
        assertArrayEquals("[GENERAL]\nB = 2\n".getBytes(StandardCharsets.ISO_8859_1), files.get("/etc/c6xx_dev1.conf"));
    }

    @ParameterizedTest(name = "first file {0} bytes, the second the rest")
    @ValueSource(longs = {-1, -16, 1_000_000_000L, 2_147_483_647L, 2_147_483_648L, 4_294_967_312L, Long.MIN_VALUE + 1})
    void aLieThatAddsUpIsRefusedBeforeAnythingIsAllocated(long first) {
        // the old reader padded copyOfRange up to the lie (5 GB) or died of OutOfMemoryError
        ParseException e = assertThrows(ParseException.class, () -> ConfSet.split(sizes(first, 32 - first), BYTES));
        assertTrue(e.getMessage().matches("line [12]: not wc's 'SIZE PATH': \".*\""), e.getMessage());
    }

    @ParameterizedTest(name = "{0} bytes listed for 32 read")
    @ValueSource(longs = {0, 31, 33, 999_999_999_999_999_999L})
    void sizesThatDoNotAddUpAreAChangedSet(long first) {
        ConfSet.Refused e = assertThrows(ConfSet.Refused.class, () -> ConfSet.split(first + " /etc/a_dev0.conf\n", BYTES));
        assertEquals(first + " bytes listed, 32 read", e.getMessage());
    }

    @Test
    void sizesCannotWrapAroundTheLongRange() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            many.append("999999999999999999 /etc/a_dev").append(i).append(".conf\n");
        }
        // ten of them would wrap a plain long sum; it saturates and stays "not equal"
        assertThrows(ConfSet.Refused.class, () -> ConfSet.split(many.toString(), BYTES));
    }

    @Test
    void moreFilesThanAnAgentSendsAreRefused() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i <= ConfSet.MAX_FILES; i++) {
            s.append("0 /etc/c6xxvf_dev").append(i).append(".conf\n");
        }
        ParseException e = assertThrows(ParseException.class, () -> ConfSet.split(s.toString(), new byte[0]));
        assertEquals("line " + (ConfSet.MAX_FILES + 1) + ": more than " + ConfSet.MAX_FILES + " conf files listed",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+16 /etc/a_dev0.conf", "0x10 /etc/a_dev0.conf", "16 /etc/a\u001b[2J.conf",
            "1e3 /etc/a_dev0.conf", "9999999999999999999 /etc/a_dev0.conf"})
    void onlyWcsPlainNumbersAndFileNamesAreRead(String line) {
        ParseException e = assertThrows(ParseException.class, () -> ConfSet.split(line + "\n", BYTES));
        assertTrue(e.getMessage().startsWith("line 1: not wc's 'SIZE PATH': "), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(c -> c < 0x20), "no control character in a message");
    }

    @Test
    void aFileListedTwiceIsRefused() {
        assertThrows(ParseException.class, () -> ConfSet.split("16 /etc/a_dev0.conf\n16 /x/a_dev0.conf\n", BYTES));
    }
}
