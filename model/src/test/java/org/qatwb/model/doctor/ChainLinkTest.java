package org.qatwb.model.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChainLinkTest {

    @Test
    void aLinkOfTheChainIsHeadedByItsNumberAndOneBeyondItByItsTitleAlone() {
        assertEquals("2. Intel's out-of-tree QAT driver with the kernel API", ChainLink.DRIVER.heading());
        assertEquals("8. ZFS parameters at 0", ChainLink.ZFS_PARAMS.heading());
        assertEquals("known problems in the kernel log", ChainLink.KNOWN_PROBLEMS.heading());
    }
}
