package org.qatwb.model.zia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kept file: what the re-apply hook would run is exactly what passes here. */
class ZiaKeptTest {

    @Test
    void linesAreCheckedAsTheHookChecksThemAndTheProviderComesFirst() {
        ZiaKept k = ZiaKept.parse("# qatwb\n\ntank zia_compress on\ntank  zia_provider\tzia_software_provider\n"
                + "tank zia_compress on extra\ntank;reboot zia_compress on\ntank zia_bogus on\ntank zia_provider $(id)\n"
                + "tank zia_checksum yes\n");
        assertEquals(List.of(new ZiaChange("tank", ZiaProperty.PROVIDER, "zia_software_provider"),
                ZiaChange.turn("tank", ZiaProperty.COMPRESS, true)), k.settings());
        assertEquals(5, k.warnings().size(), k.warnings().toString());
        assertTrue(k.warnings().get(0).startsWith(ZiaKept.PATH + " line 5: "), k.warnings().get(0));
        k.warnings().forEach(w -> assertTrue(!w.contains("\n") && w.endsWith(": skipped"), w));
    }

    @Test
    void aFileLargerThanQatwbWritesIsNotRead() {
        ZiaKept big = ZiaKept.parse("tank zia_compress on\n".repeat(ZiaKept.MAX_BYTES / 10));
        assertEquals(List.of(), big.settings());
        assertEquals(1, big.warnings().size());
        ZiaKept lines = ZiaKept.parse("\n".repeat(ZiaKept.MAX_LINES + 5));
        assertEquals(List.of(), lines.settings());
        assertEquals(1, lines.warnings().size());
        ZiaKept noisy = ZiaKept.parse("bad line\n".repeat(500));
        assertEquals(21, noisy.warnings().size(), "warnings are bounded with a count");
    }

    @Test
    void withReplacesOnePoolAndDropsItWhenAllIsOff() {
        ZiaKept k = ZiaKept.parse("a zia_compress on\nb zia_checksum on\n");
        ZiaKept replaced = k.with("a", Map.of(ZiaProperty.DECOMPRESS, "on"));
        assertEquals(List.of("b", "a"), replaced.pools());
        assertEquals(List.of("zia_decompress=on"), replaced.words("a"));
        assertEquals(List.of("b"), k.with("a", Map.of(ZiaProperty.COMPRESS, "off")).pools());
    }
}
