package org.qatwb.model.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The kernel's readings of instance values that lint judges by (kstrtoul, CoreAffinity lists, 4.8's base 0). */
class KernelValuesTest {

    @Test
    void countsAndIsPolledAreKstrtoulBase10ThenBase16() {
        assertEquals(OptionalLong.of(1), KernelValues.number("+1"));
        assertEquals(OptionalLong.of(10), KernelValues.number("a"));
        assertEquals(OptionalLong.of(31), KernelValues.number("0x1f"));
        assertEquals(OptionalLong.of(1), KernelValues.number("0".repeat(100_000) + "1"));
        assertEquals(OptionalLong.empty(), KernelValues.number("1-2"));
        assertEquals(OptionalLong.empty(), KernelValues.number("-1"));
        // above ULONG_MAX in both bases: refused, and a megabyte of digits is not parsed into a number
        assertEquals(OptionalLong.empty(), KernelValues.number("9".repeat(30)));
        assertEquals(OptionalLong.empty(), KernelValues.number("9".repeat(1_000_000)));
    }

    @Test
    void coreAffinityIsAListOfNumbersAndRangesWhoseFirstCoreAKernelInstanceTakes() {
        assertEquals(OptionalLong.of(2), KernelValues.core("2,1", 0));
        assertEquals(OptionalLong.of(1), KernelValues.core("1-3", 0));
        assertEquals(OptionalLong.of(3), KernelValues.core("1-3", 2));
        assertEquals(OptionalLong.empty(), KernelValues.core("3-1", 0));
        assertEquals(OptionalLong.empty(), KernelValues.core("x", 0));
        assertEquals(OptionalLong.empty(), KernelValues.core("0x1", 0));
        assertEquals(OptionalLong.empty(), KernelValues.core("1".repeat(1_000_000), 0));
    }

    @Test
    void driver48ReadsItsCapabilityKeysInBase0() {
        assertEquals(OptionalLong.of(8), KernelValues.flag("010"));
        assertEquals(OptionalLong.of(16), KernelValues.flag("0x10"));
        assertEquals(OptionalLong.of(1), KernelValues.flag("+1"));
        assertEquals(OptionalLong.empty(), KernelValues.flag("-1"));
        assertEquals(OptionalLong.empty(), KernelValues.flag("09"));
    }
}
