package org.qatwb.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void withoutADisplayTheWindowSaysSoInOneLine() {
        String why = Main.noDisplay(Map.of(), "Linux").orElseThrow();
        assertTrue(why.startsWith("no display"), why);
        assertTrue(Main.noDisplay(Map.of("DISPLAY", ":0"), "Linux").isEmpty());
        assertTrue(Main.noDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux").isEmpty());
        assertTrue(Main.noDisplay(Map.of(), "Mac OS X").isEmpty());
    }

    @Test
    void aLeadingLogLevelIsTakenBeforeTheWindowOrCliDecision() {
        Main.LogOption window = Main.LogOption.of(new String[] {"--log-level", "debug"});
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of(java.util.logging.Level.FINE), window.level());
        org.junit.jupiter.api.Assertions.assertEquals(0, window.rest().length, "nothing left: the window opens");
        Main.LogOption cli = Main.LogOption.of(new String[] {"--log-level=warn", "lint", "f.conf"});
        org.junit.jupiter.api.Assertions.assertArrayEquals(new String[] {"lint", "f.conf"}, cli.rest());
        Main.LogOption untouched = Main.LogOption.of(new String[] {"lint", "--log-level", "x"});
        org.junit.jupiter.api.Assertions.assertEquals(3, untouched.rest().length, "only before the command");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Main.LogOption.of(new String[] {"--log-level", "loud"}));
        assertTrue(e.getMessage().contains("off, error, warn, info, debug, trace"), e.getMessage());
    }
}
