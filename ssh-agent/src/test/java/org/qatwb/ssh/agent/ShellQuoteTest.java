package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShellQuoteTest {

    @Test
    void wrapsInSingleQuotesAndSplicesEachQuote() {
        assertEquals("'snapshot'", ShellQuote.quote("snapshot"));
        assertEquals("''", ShellQuote.quote(""));
        assertEquals("'it'\\''s'", ShellQuote.quote("it's"));
        assertEquals("''\\'''\\'''", ShellQuote.quote("''"));
        assertEquals("'$(reboot) `x` ; && | * \\n\n'", ShellQuote.quote("$(reboot) `x` ; && | * \\n\n"));
        assertEquals("'caf\u00e9 \ud83d\ude00'", ShellQuote.quote("caf\u00e9 \ud83d\ude00"));
    }

    @Test
    void refusesWhatNoArgumentCanCarry() {
        assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote("lone \ud83d high"));
        assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote("lone \ude00 low"));
        assertThrows(NullPointerException.class, () -> ShellQuote.quote(null));
    }
}
