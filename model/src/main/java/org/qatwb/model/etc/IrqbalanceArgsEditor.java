package org.qatwb.model.etc;

import java.util.ArrayList;
import java.util.List;
import org.qatwb.model.conf.RawLine;
import org.qatwb.model.parse.Snippet;

/**
 * Adds one word to, or removes it from, {@code IRQBALANCE_ARGS} in irqbalance's environment file
 * ({@link IrqbalanceArgs}), keeping every other byte: the assignment in effect is rewritten as
 * {@code IRQBALANCE_ARGS="WORD WORD..."} with the same words plus or minus this one, or, without
 * one, {@code IRQBALANCE_ARGS="WORD"} is appended (the last assignment wins in both systemd's and
 * the shell's reading). Every result is read back and refused unless it reads as exactly the
 * intended words, with one line changed or added and nothing else.
 */
public final class IrqbalanceArgsEditor {

    private IrqbalanceArgsEditor() {
    }

    /**
     * The text with {@code word} among the words (once).
     *
     * @throws IllegalArgumentException when the file cannot be edited safely (the message says why,
     *                                  and that it is left as it is)
     */
    public static EtcEdit add(String path, String text, String word) {
        IrqbalanceArgs now = readable(path, text, word);
        if (now.words().contains(word)) {
            return new EtcEdit(text, "IRQBALANCE_ARGS has " + word + " already");
        }
        List<String> want = new ArrayList<>(now.words());
        want.add(word);
        return write(path, text, now, want);
    }

    /** The text without {@code word} among the words; unchanged when it is not there. */
    public static EtcEdit remove(String path, String text, String word) {
        IrqbalanceArgs now = readable(path, text, word);
        if (!now.words().contains(word)) {
            return new EtcEdit(text, "IRQBALANCE_ARGS has no " + word);
        }
        List<String> want = new ArrayList<>(now.words());
        want.removeIf(word::equals);
        return write(path, text, now, want);
    }

    private static IrqbalanceArgs readable(String path, String text, String word) {
        if (!IrqbalanceArgs.SAFE_WORD.matcher(word).matches()) {
            throw new IllegalArgumentException("not a word qatwb writes to IRQBALANCE_ARGS: " + Snippet.quote(word));
        }
        IrqbalanceArgs now = IrqbalanceArgs.read(text);
        if (!now.readable()) {
            throw new IllegalArgumentException(path + ": IRQBALANCE_ARGS is not one plain assignment qatwb can edit safely"
                    + (now.line() >= 0 ? " (line " + (now.line() + 1) + ")" : "") + "; it is left as it is: edit it by hand");
        }
        return now;
    }

    private static EtcEdit write(String path, String text, IrqbalanceArgs now, List<String> want) {
        String assignment = "IRQBALANCE_ARGS=\"" + String.join(" ", want) + "\"";
        List<RawLine> lines = RawLine.split(text);
        StringBuilder out = new StringBuilder();
        String change;
        if (now.line() < 0) {
            out.append(text);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                out.append('\n');
            }
            out.append(assignment).append('\n');
            change = "add " + assignment + " at the end";
        } else {
            for (int i = 0; i < lines.size(); i++) {
                RawLine l = lines.get(i);
                out.append(i == now.line() ? assignment : l.text()).append(l.eol());
            }
            change = "set line " + (now.line() + 1) + ": " + assignment;
        }
        String result = out.toString();
        IrqbalanceArgs back = IrqbalanceArgs.read(result);
        if (!back.readable() || !back.words().equals(want) || changedLines(text, result) != 1) {
            throw new IllegalArgumentException(path + ": the edit would not read back as " + assignment
                    + "; the file is left as it is: edit it by hand");
        }
        return new EtcEdit(result, change);
    }

    /** Lines that differ, an added line counting as one. */
    private static int changedLines(String before, String after) {
        List<RawLine> a = RawLine.split(before);
        List<RawLine> b = RawLine.split(after);
        int n = Math.abs(a.size() - b.size());
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).text().equals(b.get(i).text())) {
                n++;
            }
        }
        return n;
    }
}
