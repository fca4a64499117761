package org.qatwb.model.etc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.qatwb.model.conf.RawLine;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.parse.Warnings;

/**
 * Reads a modprobe.d file the way kmod does (libkmod-config.c, kmod_config_parse and
 * getline_wrapped in kmod-project/kmod): backslash-newline joins lines; a line is a comment only
 * when its FIRST character is {@code #}; words are split at spaces and tabs only, so a CR from a
 * CRLF file stays part of the last word; {@code blacklist MODULE} ignores further words;
 * {@code install MODULE COMMAND...} runs the command instead of loading the module.
 */
public final class VfBlacklistParser {

    private static final Pattern BLANKS = Pattern.compile("[ \t]+");
    // an install command that calls modprobe or insmod may load the module after all
    private static final Pattern LOADS = Pattern.compile("\\b(?:modprobe|insmod)\\b");

    private VfBlacklistParser() {
    }

    /**
     * Never throws for any text: modprobe skips lines it cannot use. The clause is kept so that
     * every parser has the same contract.
     */
    public static VfBlacklist parse(String text) throws ParseException {
        Objects.requireNonNull(text, "text");
        List<BlacklistEntry> entries = new ArrayList<>();
        Warnings<String> warnings = new Warnings<>();
        for (LogicalLine l : logicalLines(text)) {
            read(l.text(), l.number(), entries, warnings);
        }
        return new VfBlacklist(entries, warnings.lines(w -> w), text);
    }

    /**
     * One line as kmod reads it: physical lines joined at backslash-newline.
     *
     * @param number the 1-based number of its first physical line
     * @param text   the joined text
     */
    public record LogicalLine(int number, String text) {
    }

    /** A modprobe.d file's lines as kmod's getline_wrapped joins them; a backslash before any other character is dropped. */
    public static List<LogicalLine> logicalLines(String text) {
        List<LogicalLine> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int lineNo = 1;
        int physical = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lines.add(new LogicalLine(lineNo, line.toString()));
                line.setLength(0);
                lineNo = ++physical;
            } else if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                if (next == '\n') {
                    physical++;
                } else {
                    line.append(next);
                }
            } else {
                line.append(c);
            }
        }
        lines.add(new LogicalLine(lineNo, line.toString()));
        return lines;
    }

    private static void read(String line, int lineNo, List<BlacklistEntry> entries, List<String> warnings) {
        if (line.isEmpty() || line.charAt(0) == '#') {
            return;
        }
        List<String> words = Arrays.stream(BLANKS.split(line)).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return;
        }
        String at = "line " + lineNo + ": ";
        String command = words.get(0);
        switch (command) {
            case "blacklist" -> {
                if (words.size() < 2) {
                    warnings.add(at + "blacklist without a module, modprobe ignores it");
                    return;
                }
                String module = underscores(words.get(1));
                if (module.chars().anyMatch(Character::isISOControl)) {
                    warnings.add(at + "modprobe reads the module name as " + Snippet.quote(module)
                            + " (a CRLF line ending?), which blocks nothing");
                    return;
                }
                entries.add(new BlacklistEntry(module, "blacklist", lineNo));
                checkKnown(module, at, warnings);
            }
            case "install" -> {
                if (words.size() < 3) {
                    warnings.add(at + "install without a module and a command, modprobe ignores it");
                    return;
                }
                String module = underscores(words.get(1));
                String installCommand = String.join(" ", words.subList(2, words.size()));
                if (LOADS.matcher(installCommand).find()) {
                    warnings.add(at + "install command for " + Snippet.excerpt(module) + " calls modprobe or insmod and may load it, "
                            + "not counted as blocking: " + Snippet.quote(line));
                    return;
                }
                entries.add(new BlacklistEntry(module, "install", lineNo));
                checkKnown(module, at, warnings);
            }
            default -> {
                if (command.startsWith("#")) {
                    warnings.add(at + "a comment must start in the first column; modprobe reports this line as bad: "
                            + Snippet.quote(line));
                } else {
                    warnings.add(at + "not a blacklist or install line, ignored: " + Snippet.quote(line));
                }
            }
        }
    }

    /**
     * Whether kmod reads the next physical line as part of {@code l}: a LF after an unpaired
     * backslash (each backslash escapes one character), as the parse above joins them.
     */
    public static boolean joinsNextLine(RawLine l) {
        int run = 0;
        for (int i = l.text().length() - 1; i >= 0 && l.text().charAt(i) == '\\'; i--) {
            run++;
        }
        return l.eol().equals("\n") && run % 2 == 1;
    }

    /** A VF-looking module the catalog does not know is usually a misspelt one (qat_c6xxvf). */
    private static void checkKnown(String module, String at, List<String> warnings) {
        if (module.startsWith("qat_") && module.endsWith("vf") && DeviceCatalog.byVfModule(module).isEmpty()) {
            String known = String.join(", ", DeviceCatalog.vfModules());
            warnings.add(at + Snippet.excerpt(module) + " is not a QAT VF driver module (known: " + known + ")");
        }
    }

    /** kmod's underscores(): '-' becomes '_', except inside a [...] pattern. */
    public static String underscores(String module) {
        StringBuilder out = new StringBuilder(module.length());
        boolean inBrackets = false;
        for (int i = 0; i < module.length(); i++) {
            char c = module.charAt(i);
            if (c == '[') {
                inBrackets = true;
            } else if (c == ']') {
                inBrackets = false;
            }
            out.append(c == '-' && !inBrackets ? '_' : c);
        }
        return out.toString();
    }
}
