package org.qatwb.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.model.parse.ParseException;

class CpuListTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "0-55;56;0-55",
            "0-27,56-83;56;0-27,56-83",
            "0;1;0",
            "3,1,2;3;1-3",
            "0-3,2-5;6;0-5",
            "7,9-9;2;7,9",
            "' 0-1\n';2;0-1"})
    void readsSysfsLists(String text, int size, String canonical) throws ParseException {
        CpuList l = CpuList.parse(text);
        assertEquals(size, l.size());
        assertEquals(canonical, l.toString());
    }

    @Test
    void anEmptyListIsANodeWithoutCpus() throws ParseException {
        assertEquals(0, CpuList.parse("\n").size());
        assertEquals("", CpuList.parse("").toString());
    }

    @Test
    void membersAndOrder() throws ParseException {
        CpuList l = CpuList.parse("0-2,56");
        assertTrue(l.contains(56));
        assertFalse(l.contains(3));
        assertFalse(l.contains(-1));
        assertEquals(List.of(0, 1, 2, 56), l.stream().boxed().toList());
        assertEquals(CpuList.parse("56,0-2"), l);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0-", "-3", "a", "1,,2", "1-2-3", "5-4", "65536", "0-99999", "1 2", "0x1", "+1", ","})
    void refusesWhatIsNotAList(String text) {
        ParseException e = assertThrows(ParseException.class, () -> CpuList.parse(text));
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void moreRangesThanCpusAreRefusedBeforeTheListIsSplit() {
        ParseException e = assertThrows(ParseException.class, () -> CpuList.parse("0,".repeat(CpuList.MAX_CPU + 1) + "0"));
        assertEquals("more than 65536 ranges in \"0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,...\"",
                e.getMessage());
    }

    @Test
    void theWidestRangeIsTheMostCpusAListHolds() throws ParseException {
        assertEquals(CpuList.MAX_CPU + 1, CpuList.parse("0-65535").size());
        assertThrows(ParseException.class, () -> CpuList.parse("0-2147483647"));
    }
}
