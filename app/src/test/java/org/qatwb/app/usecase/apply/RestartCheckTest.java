package org.qatwb.app.usecase.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.app.usecase.apply.RestartCheck.Kind;
import org.qatwb.app.usecase.apply.RestartCheck.RebootAdvice;

/** One wording of "a restart cannot apply a layout now" for the CLI and the window. */
class RestartCheckTest {

    @Test
    void heldByZfsARestartCannotApplyAndEachFrontEndNamesItsOwnWayToReboot() {
        RestartCheck cli = RestartCheck.of(Optional.of(true), RebootAdvice.CLI);
        RestartCheck window = RestartCheck.of(Optional.of(true), RebootAdvice.WINDOW);
        assertEquals(Kind.CANNOT, cli.kind());
        assertEquals("ZFS holds the QAT devices: a restart cannot apply this layout now; it will take effect at the next"
                + " boot (apply --reboot)", cli.line());
        assertTrue(window.line().endsWith("(stage it, or apply and reboot)"), window.line());
        assertEquals(cli.line().substring(0, cli.line().indexOf('(')), window.line().substring(0, window.line().indexOf('(')),
                "the same fact in the same words");
        assertEquals(Optional.of(window.line()), window.cannotApply());
    }

    @Test
    void nothingHeldOrNotKnownLeavesTheRestartOffered() {
        RestartCheck free = RestartCheck.of(Optional.of(false), RebootAdvice.WINDOW);
        RestartCheck unknown = RestartCheck.of(Optional.empty(), RebootAdvice.CLI);
        assertEquals(Kind.CAN, free.kind());
        assertEquals(Kind.UNKNOWN, unknown.kind());
        assertFalse(free.cannotApply().isPresent());
        assertFalse(unknown.cannotApply().isPresent(), "unknown: the NAS says at the restart");
        assertTrue(unknown.line().contains("unknown"), unknown.line());
    }
}
