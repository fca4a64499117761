package org.qatwb.model.etc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.qatwb.model.conf.RawLine;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * Lets a VF driver load, or blocks it again, in {@code blacklist-qat-vfs.conf}, keeping every line
 * that is not about that module byte for byte. The result is read back as kmod reads it, so an
 * edit that would not have the intended effect is refused rather than written.
 */
public final class VfBlacklistEditor {

    /** A module name as kmod's module names go: letters, digits, '_' and '-' (which kmod reads as '_'). */
    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private VfBlacklistEditor() {
    }

    /**
     * The text without the lines that block {@code module} ({@code blacklist} and {@code install}
     * lines, each with the physical lines a trailing backslash joins to it).
     */
    public static String unblock(String text, String module) {
        return unblock(text, List.of(module)).text();
    }

    /**
     * {@link #unblock(String, String)} for several modules at once, with what changed in one line.
     *
     * @throws IllegalArgumentException when a module is still blocked after its lines are removed
     */
    public static EtcEdit unblock(String text, Collection<String> modules) {
        VfBlacklist now = read(text);
        Set<String> names = new HashSet<>();
        modules.stream().filter(now::blocks).forEach(m -> names.add(VfBlacklistParser.underscores(m)));
        if (names.isEmpty()) {
            return new EtcEdit(text, String.join(", ", modules) + " not blocked");
        }
        Set<Integer> doomed = new TreeSet<>();
        List<String> removed = new ArrayList<>();
        List<RawLine> lines = RawLine.split(text);
        for (BlacklistEntry e : now.entries()) {
            if (names.contains(e.module())) {
                removed.add("line " + e.line() + " " + Snippet.quote(lines.get(e.line() - 1).text()));
                // the entry's logical line starts at e.line() and runs on while a line ends in a backslash
                int n = e.line();
                doomed.add(n);
                while (n < lines.size() && VfBlacklistParser.joinsNextLine(lines.get(n - 1))) {
                    doomed.add(++n);
                }
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        for (RawLine l : lines) {
            if (!doomed.contains(l.number())) {
                out.append(l.text()).append(l.eol());
            }
        }
        String result = out.toString();
        VfBlacklist after = read(result);
        for (String m : modules) {
            if (after.blocks(m)) {
                throw new IllegalArgumentException("cannot unblock " + m + " in " + VfBlacklist.PATH
                        + ": it is still blocked after its lines are removed; edit the file by hand");
            }
        }
        return new EtcEdit(result, "remove " + String.join(", ", removed));
    }

    /**
     * The text with a {@code blacklist MODULE} line appended, unless the module is blocked already.
     *
     * @throws IllegalArgumentException when {@code module} is not one word of a module name (a
     *                                  blank or a newline would write a second modprobe command,
     *                                  which modprobe runs as root), or when the appended line
     *                                  would not block it (the file ends in a continued line)
     */
    public static String block(String text, String module) {
        if (module == null || !MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("not a module name: " + Snippet.quote(String.valueOf(module)));
        }
        if (read(text).blocks(module)) {
            return text;
        }
        boolean needsNewline = !text.isEmpty() && !text.endsWith("\n");
        String result = text + (needsNewline ? "\n" : "") + "blacklist " + module + "\n";
        if (!read(result).blocks(module)) {
            throw new IllegalArgumentException("cannot block " + module + " in " + VfBlacklist.PATH
                    + ": its last line ends in a backslash, which would join the new line to it; edit the file by hand");
        }
        return result;
    }

    private static VfBlacklist read(String text) {
        try {
            return VfBlacklistParser.parse(text);
        } catch (ParseException e) {
            throw new IllegalStateException("the parser reads any text", e);
        }
    }
}
