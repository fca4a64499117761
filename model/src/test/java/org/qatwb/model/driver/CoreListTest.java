package org.qatwb.model.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The driver's reading of CoreAffinity (allocator.md step D3.1). */
class CoreListTest {

    private static long core(String v, long p) {
        CoreList.Result r = CoreList.core(v, p);
        assertEquals(0, r.errno(), v);
        return r.core();
    }

    @Test
    void processPTakesElementPModLengthOfTheExpandedList() {
        assertEquals(5, core("5", 0));
        assertEquals(5, core("5", 7));
        assertEquals(2, core("0-3", 2));
        assertEquals(0, core("0-3", 4));
        assertEquals(9, core("1,8-9,4", 2));
        assertEquals(4, core("1,8-9,4", 3));
    }

    @Test
    void badValuesGiveTheErrnoTheDriverLogs() {
        assertEquals(CoreList.EFAULT, CoreList.core(null, 0).errno());
        assertEquals(CoreList.EFAULT, CoreList.core("3-1", 0).errno());
        assertEquals(CoreList.EINVAL, CoreList.core("", 0).errno());
        assertEquals(CoreList.EINVAL, CoreList.core("1,,2", 0).errno());
        assertEquals(CoreList.EINVAL, CoreList.core("a", 0).errno());
        assertEquals(CoreList.EINVAL, CoreList.core("0x3", 0).errno());
        assertEquals(CoreList.ERANGE, CoreList.core("18446744073709551616", 0).errno());
    }

    @Test
    void tokensBeforeTheLastKeepNineCharacters() {
        // "0000000012" is cut to "000000001" in its 10-byte buffer; the last token is not cut
        assertEquals(1, core("0000000012,3", 0));
        assertEquals(12, core("3,0000000012", 1));
    }

    @Test
    void aRangeOfTwoToTheSixtyFourCoresCostsNoMemory() {
        assertEquals(7, core("0-18446744073709551615", 7));
        assertEquals(-1L, core("18446744073709551615", 0), "the largest unsigned long");
    }
}
