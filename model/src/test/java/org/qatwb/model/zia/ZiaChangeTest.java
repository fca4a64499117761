package org.qatwb.model.zia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation as the agent's, and the command (what a change brings along: {@code ZiaConsequencesTest}). */
class ZiaChangeTest {

    @Test
    void theCommandIsWhatAnAdministratorTypes() {
        assertEquals("zpool set zia_compress=on tank", ZiaChange.turn("tank", ZiaProperty.COMPRESS, true).command());
        assertEquals("zpool set zia_provider=zia-software-provider pool_2.a:b",
                new ZiaChange("pool_2.a:b", ZiaProperty.PROVIDER, "zia-software-provider").command());
    }

    @Test
    void wordsThatAreNotSafeInAShellAreRefusedWithAOneLineReason() {
        for (String pool : List.of("", "-o", "1tank", "tank;reboot", "my pool", "tank\n", "t$(id)", "a".repeat(256))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ZiaChange.turn(pool, ZiaProperty.COMPRESS, true), pool);
            assertTrue(e.getMessage().startsWith("pool \""), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new ZiaChange("tank", ZiaProperty.COMPRESS, "yes"));
        for (String provider : List.of("", "-x", "a b", "qat;id", "q'at", "x".repeat(65))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ZiaChange("tank", ZiaProperty.PROVIDER, provider), provider);
            assertTrue(e.getMessage().startsWith("zia_provider \""), e.getMessage());
        }
        assertEquals("off", new ZiaChange("tank", ZiaProperty.PROVIDER, "off").value());
        assertThrows(IllegalArgumentException.class, () -> ZiaChange.turn("tank", ZiaProperty.PROVIDER, true));
    }
}
