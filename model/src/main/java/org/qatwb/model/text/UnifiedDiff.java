package org.qatwb.model.text;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeleteDelta;
import com.github.difflib.patch.InsertDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unified diff ({@code diff -u}) of two texts, to show a change before it is written. A last line
 * without its newline is marked {@code \ No newline at end of file}, as diff does.
 */
public final class UnifiedDiff {

    /** The name a side without a file takes ({@code --- /dev/null} for a file that is created). */
    public static final String NO_FILE = "/dev/null";

    static final int CONTEXT = 3;
    /**
     * Above this many lines (old plus new) between the common start and end, the differing middle is
     * shown as one replacement instead of a minimal diff: java-diff-utils' Myers makes a path node per
     * diagonal per difference, about D squared over 2 for D differences, whatever the sizes. A NAS's
     * 48 KB hand-made irqbalance policy replaced by qatwb's few lines (found by the hostile-input test)
     * cost 70 MB for a diff nobody reads line by line; here at most about 4 MB. A QAT conf file is a few
     * hundred lines, so its diffs stay minimal.
     */
    static final int MINIMAL_DIFF_LINES = 500;
    /** Stands for a missing final newline inside the compared lines; no text line holds a NUL. */
    private static final String NO_EOL = "\u0000";
    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@(.*)");

    private UnifiedDiff() {
    }

    /** The diff from {@code oldText} to {@code newText}; "" when they are equal. */
    public static String of(String oldName, String newName, String oldText, String newText) {
        if (oldText.equals(newText)) {
            return "";
        }
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        Patch<String> patch = patch(a, b);
        StringBuilder out = new StringBuilder();
        for (String line : UnifiedDiffUtils.generateUnifiedDiff(oldText.isEmpty() ? NO_FILE : oldName,
                newText.isEmpty() ? NO_FILE : newName, a, patch, CONTEXT)) {
            if (line.startsWith("@@ ")) {
                out.append(hunkHeader(line)).append('\n');
            } else if (line.endsWith(NO_EOL)) {
                out.append(line, 0, line.length() - 1).append("\n\\ No newline at end of file\n");
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** A minimal patch, or past {@link #MINIMAL_DIFF_LINES} the middle between the common start and end replaced whole. */
    private static Patch<String> patch(List<String> a, List<String> b) {
        int start = 0;
        int max = Math.min(a.size(), b.size());
        while (start < max && a.get(start).equals(b.get(start))) {
            start++;
        }
        int end = 0;
        while (end < max - start && a.get(a.size() - 1 - end).equals(b.get(b.size() - 1 - end))) {
            end++;
        }
        List<String> oldMiddle = a.subList(start, a.size() - end);
        List<String> newMiddle = b.subList(start, b.size() - end);
        if (oldMiddle.size() + newMiddle.size() <= MINIMAL_DIFF_LINES) {
            return DiffUtils.diff(a, b);
        }
        Chunk<String> from = new Chunk<>(start, new ArrayList<>(oldMiddle));
        Chunk<String> to = new Chunk<>(start, new ArrayList<>(newMiddle));
        Patch<String> whole = new Patch<>();
        whole.addDelta(oldMiddle.isEmpty() ? new InsertDelta<>(from, to)
                : newMiddle.isEmpty() ? new DeleteDelta<>(from, to) : new ChangeDelta<>(from, to));
        return whole;
    }

    /** An empty side starts at the line before, as GNU diff and patch have it ({@code @@ -0,0 +1,3 @@}). */
    private static String hunkHeader(String line) {
        Matcher m = HUNK.matcher(line);
        if (!m.matches()) {
            return line;
        }
        return "@@ -" + range(m.group(1), m.group(2)) + " +" + range(m.group(3), m.group(4)) + " @@" + m.group(5);
    }

    private static String range(String start, String count) {
        return count.equals("0") ? (Integer.parseInt(start) - 1) + ",0" : start + "," + count;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                out.add(text.substring(start) + NO_EOL);
                break;
            }
            out.add(text.substring(start, nl));
            start = nl + 1;
        }
        return out;
    }
}
