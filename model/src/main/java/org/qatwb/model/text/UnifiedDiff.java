package org.qatwb.model.text;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
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
        Patch<String> patch = DiffUtils.diff(a, b);
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
