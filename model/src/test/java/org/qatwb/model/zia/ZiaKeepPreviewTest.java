package org.qatwb.model.zia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the window shows before a Z.I.A. keep writes: the kept file's lines as the agent's
 * zia_kept_text writes them (other pools kept, this pool's lines last), every file written, and a
 * caution for lines the agent drops.
 */
class ZiaKeepPreviewTest {

    private static ZiaKeepPreview preview(String keptText, Map<ZiaProperty, String> values) {
        ZiaKept before = ZiaKept.parse(keptText);
        return ZiaKeepPreview.of(new ZiaHost(Optional.of(true), before, true, true),
                new ZiaKeepPlan("tank", values, before.with("tank", values), Optional.empty()));
    }

    @Test
    void theDiffReplacesThePoolsLinesAndKeepsTheOtherPools() {
        ZiaKeepPreview p = preview("tank zia_compress off\nother zia_checksum on\n", Map.of(ZiaProperty.COMPRESS, "on"));
        assertEquals("--- " + ZiaKept.PATH + "\n+++ " + ZiaKept.PATH + "\n", p.diff().lines().limit(2)
                .map(l -> l + "\n").reduce("", String::concat));
        assertTrue(p.diff().contains("-tank zia_compress off\n") && p.diff().contains("+tank zia_compress on\n")
                && p.diff().contains(" other zia_checksum on\n"), p.diff());
        assertEquals(List.of(ZiaKept.PATH, ZiaHooks.SCRIPT, ZiaHooks.ZEDLET, "/etc/systemd/system/qatwb-zia.service"),
                p.files());
        assertTrue(p.caution().isEmpty());
    }

    @Test
    void keepingWhatIsKeptShowsNoDiff() {
        assertEquals("", preview("tank zia_compress on\n", Map.of(ZiaProperty.COMPRESS, "on")).diff());
    }

    @Test
    void linesTheAgentDropsAreCautionedAbout() {
        ZiaKeepPreview p = preview("tank zia_compress on\ntank zia_bogus on\n", Map.of(ZiaProperty.COMPRESS, "on"));
        assertTrue(p.caution().orElseThrow().contains("line 2"), p.caution().toString());
    }

    @Test
    void aRefusedKeepHasNoPreview() {
        assertThrows(IllegalArgumentException.class, () -> new ZiaKeepPreview(ZiaKeepPlan.refused("tank", "refused: x"),
                "", List.of(), List.of(), Optional.empty()));
    }
}
