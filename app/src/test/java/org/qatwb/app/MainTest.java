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
}
