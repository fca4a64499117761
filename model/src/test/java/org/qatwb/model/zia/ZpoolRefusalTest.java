package org.qatwb.model.zia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** zpool's refusals, shown as the fork words them with what they mean. */
class ZpoolRefusalTest {

    @Test
    void theUnknownProviderErrorIsShownAsTheForkSaysItWithWhy() {
        String e = ZpoolRefusal.explain("cannot set property for 'tank': given provider does not exist");
        assertTrue(e.startsWith("cannot set property for 'tank': given provider does not exist ("), e);
        assertTrue(e.contains("dpusm was not loaded when zfs.ko loaded"), e);
        assertEquals("cannot open 'x': no such pool", ZpoolRefusal.explain("cannot open 'x': no such pool"));
    }
}
