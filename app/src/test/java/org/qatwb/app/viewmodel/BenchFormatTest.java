package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the Benchmark page writes sizes, durations and figures; a figure not measured is a dash. */
class BenchFormatTest {

    @ParameterizedTest
    @CsvSource({"0, 0 bytes", "1023, 1023 bytes", "268435456, 256 MiB", "2147483648, 2 GiB",
            "1649267441664, 1.5 TiB", "10995116277760, 10 TiB"})
    void bytesInBinaryUnits(long bytes, String text) {
        assertEquals(text, BenchFormat.bytes(bytes));
    }

    @ParameterizedTest
    @CsvSource({"0, 0 s", "45, 45 s", "60, 1 min", "200, 3 min 20 s", "3600, 1 h", "3900, 1 h 5 min", "-5, 0 s"})
    void aboutHowLong(long seconds, String text) {
        assertEquals(text, BenchFormat.duration(Duration.ofSeconds(seconds)));
    }

    @Test
    void figuresKeepThreeDigitsAndAnEmptyOneIsADash() {
        assertEquals("812 MiB/s", BenchFormat.mibps(OptionalDouble.of(812.4)));
        assertEquals("47.4 MiB/s", BenchFormat.mibps(OptionalDouble.of(47.44)));
        assertEquals("0.90 s", BenchFormat.cpuSeconds(OptionalDouble.of(0.9)));
        assertEquals("97 %", BenchFormat.share(OptionalDouble.of(0.97)));
        assertEquals("2.5 %", BenchFormat.share(OptionalDouble.of(0.025)));
        assertEquals("0 %", BenchFormat.share(OptionalDouble.of(0)));
        assertEquals("1.98×", BenchFormat.ratio(OptionalDouble.of(1.98)));
        for (String s : new String[] {BenchFormat.mibps(OptionalDouble.empty()), BenchFormat.cpuSeconds(OptionalDouble.empty()),
                BenchFormat.share(OptionalDouble.empty()), BenchFormat.ratio(OptionalDouble.empty())}) {
            assertEquals("—", s);
        }
    }
}
