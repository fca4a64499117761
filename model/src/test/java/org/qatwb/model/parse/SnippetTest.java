package org.qatwb.model.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void bidiControlsAreEscapedSoAQuotedLineReadsAsItIs() {
        // U+202E would show "exe.txt" as "txt.exe"; U+2066..2069 and the marks reorder as well
        assertEquals("\"report\\u202etxt.exe\"", Snippet.quote("report\u202etxt.exe"));
        assertEquals("a\\u061cb\\u200ec\\u200fd\\u202ae\\u2066f\\u2069", Snippet.oneLine("a\u061cb\u200ec\u200fd\u202ae\u2066f\u2069"));
        assertEquals("x\\u202dy", Snippet.excerpt("x\u202dy"));
    }

    @Test
    void aNasCommandsOutputIsOneEscapedLineOfBoundedLength() {
        assertEquals("zpool: no such pool\\n\\u001b[2J", Snippet.output("  zpool: no such pool\n\u001b[2J\n"));
        String flood = "x".repeat(5_000_000);
        String shown = Snippet.output(flood);
        assertEquals("x".repeat(Snippet.MAX_OUTPUT_CODE_POINTS) + "... (" + (5_000_000 - Snippet.MAX_OUTPUT_CODE_POINTS)
                + " more characters)", shown);
    }

    @Test
    void snippetAndTheTerminalEscapeAgreeOnEveryEscapedCharacter() {
        for (int c = 0; c <= 0xffff; c++) {
            if (c == '"' || c == '\\' || c == '\t' || c == '\n' || Character.isSurrogate((char) c)) {
                continue;
            }
            String s = String.valueOf((char) c);
            assertEquals(TerminalText.escape(s), Snippet.oneLine(s), () -> "U+" + Integer.toHexString(s.charAt(0)));
        }
    }

    @Test
    void theTerminalEscapeKeepsLineFeedsAndTabsAndNothingElseOfItsClasses() {
        String escaped = TerminalText.escape("a\tb\nc\u001b[2J\r\u0085\u009b\u2028\u2029\u007f");
        assertEquals("a\tb\nc\\u001b[2J\\r\\u0085\\u009b\\u2028\\u2029\\u007f", escaped);
        assertFalse(TerminalText.escapes('\u00a0'), "a no-break space is text");
    }

    @Test
    void aFailureWithoutAMessageNamesItsKindOrItsCauseNeverNull() {
        assertEquals("NullPointerException (no message)", Snippet.failure(new NullPointerException()));
        assertEquals("disk full", Snippet.failure(new RuntimeException(null, new java.io.IOException("disk full"))));
        assertEquals("bad\\u001b[2J", Snippet.failure(new IllegalStateException("  bad\u001b[2J ")));
    }
}
