package org.qatwb.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void aSmallChangeIsMinimalWithThreeLinesOfContext() {
        String old = lines(1, 10);
        String now = old.replace("line 5\n", "line five\n");
        assertEquals("""
                --- a
                +++ b
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8
                """, UnifiedDiff.of("a", "b", old, now));
    }

    @Test
    void aLargeReplacementIsOneHunkBetweenTheCommonStartAndEndAndStillApplies() throws Exception {
        String head = lines(1, 5);
        String tail = lines(9000, 9005);
        String old = head + IntStream.range(0, 1000).mapToObj(i -> "old " + i + "\n").collect(Collectors.joining()) + tail;
        String now = head + IntStream.range(0, 800).mapToObj(i -> "new " + i + "\n").collect(Collectors.joining()) + tail;
        assertTrue(1000 + 800 > UnifiedDiff.MINIMAL_DIFF_LINES, "the case is past the limit");

        String diff = UnifiedDiff.of("a", "b", old, now);

        List<String> d = Arrays.asList(diff.split("\n"));
        assertEquals("@@ -3,1006 +3,806 @@", d.get(2), "one hunk from the first difference less three lines of context");
        assertEquals(1000, d.stream().filter(l -> l.startsWith("-old ")).count());
        assertEquals(800, d.stream().filter(l -> l.startsWith("+new ")).count());
        Patch<String> parsed = UnifiedDiffUtils.parseUnifiedDiff(d);
        assertEquals(Arrays.asList(now.split("\n")), parsed.applyTo(Arrays.asList(old.split("\n"))));
    }

    @Test
    void aLargeFileRemovedIsOneDeletionAfterItsCommonStart() throws Exception {
        String old = lines(1, 700);
        String now = lines(1, 2);
        List<String> d = Arrays.asList(UnifiedDiff.of("a", "b", old, now).split("\n"));
        assertEquals("@@ -1,700 +1,2 @@", d.get(2));
        assertEquals(698, d.stream().filter(l -> l.startsWith("-line ")).count());
        assertEquals(Arrays.asList(now.split("\n")), UnifiedDiffUtils.parseUnifiedDiff(d).applyTo(Arrays.asList(old.split("\n"))));
    }

    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }
}
