package org.qatwb.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromHalfASecondToThirtySeconds() {
        long[] ms = new long[10];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = Backoff.DEFAULT.delay(i + 1, () -> 0.0).toMillis();
        }
        assertEquals("[500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]", java.util.Arrays.toString(ms));
    }

    @Test
    void jitterOnlyShortensUpToItsShare() {
        assertEquals(Duration.ofMillis(24_000), Backoff.DEFAULT.delay(20, () -> 1.0));
        assertEquals(Duration.ofMillis(450), Backoff.DEFAULT.delay(1, () -> 0.5));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, 1.5));
    }
}
