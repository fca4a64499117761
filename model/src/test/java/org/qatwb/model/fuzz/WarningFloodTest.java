package org.qatwb.model.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.model.adf.AdfStatusParser;
import org.qatwb.model.etc.QatDefaultsParser;
import org.qatwb.model.etc.VfBlacklistParser;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Warnings;
import org.qatwb.model.testutil.NasOutputs;

/**
 * An item of 4 MiB of bad lines (what the agent may send) used to keep a warning per line, about
 * 150 bytes each: hundreds of MB from one hostile file. Now the first 100 and a count.
 */
class WarningFloodTest {

    private static final String FLOOD = "x\n".repeat(200_000);

    @Test
    void aFloodOfBadLinesKeepsTheFirstWarningsAndACount() throws ParseException {
        check(VfBlacklistParser.parse(FLOOD).warnings(), "line 1: ");
        check(QatDefaultsParser.parse(FLOOD).warnings(), "line 1: ");
        check(KstatParser.parse(FLOOD + NasOutputs.KSTAT).warnings(), "line 1: ");
        check(AdfStatusParser.parse(FuzzSeeds.smallAdfStatus() + FLOOD).warnings(), "line 6: ");
    }

    private static void check(List<String> warnings, String first) {
        assertEquals(Warnings.MAX + 1, warnings.size(), () -> warnings.size() + " warnings");
        assertTrue(warnings.get(0).startsWith(first), warnings.get(0));
        assertTrue(warnings.get(Warnings.MAX).matches("line \\d+: \\d+ more warning\\(s\\) from here on not shown: only the first 100 are kept"),
                warnings.get(Warnings.MAX));
    }
}
