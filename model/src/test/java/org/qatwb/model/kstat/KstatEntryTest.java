package org.qatwb.model.kstat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

/** The row record keeps itself consistent, whoever builds it. */
class KstatEntryTest {

    @Test
    void numericValuesAreCanonicalDecimal() {
        assertEquals("7", new KstatEntry("x", 4, "0007", 0).value());
        assertEquals("0", new KstatEntry("x", 3, "-0", 0).value());
    }

    @Test
    void numericValuesMustBeNumbersInRange() {
        assertThrows(IllegalArgumentException.class, () -> new KstatEntry("x", 4, "+1", 0));
        assertThrows(IllegalArgumentException.class, () -> new KstatEntry("x", 4, "-1", 0));
        assertThrows(IllegalArgumentException.class, () -> new KstatEntry("x", 2, "4294967296", 0));
        assertThrows(IllegalArgumentException.class, () -> new KstatEntry("x", 1, "", 0));
    }

    @Test
    void typeCodeAndNameAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new KstatEntry("x", 8, "1", 0));
        assertThrows(IllegalArgumentException.class, () -> new KstatEntry("", 4, "1", 0));
        assertThrows(NullPointerException.class, () -> new KstatEntry("x", 7, null, 0));
    }

    @Test
    void textTypesAreNotNumeric() {
        KstatEntry c = new KstatEntry("x", 0, "abc", 0);
        assertFalse(c.numeric());
        assertThrows(IllegalStateException.class, c::asBigInteger);
        assertTrue(new KstatEntry("x", 6, "1", 0).numeric());
    }

    @Test
    void unsignedLongCoversTheWholeUint64Range() {
        BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        assertEquals(max.longValue(), new KstatEntry("x", 4, max.toString(), 0).asUnsignedLong());
        assertEquals(Long.MIN_VALUE, new KstatEntry("x", 4, "9223372036854775808", 0).asUnsignedLong());
        assertEquals(Long.MAX_VALUE, new KstatEntry("x", 3, "9223372036854775807", 0).asUnsignedLong());
    }
}
