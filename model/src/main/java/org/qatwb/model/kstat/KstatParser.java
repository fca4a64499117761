package org.qatwb.model.kstat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.parse.Warnings;

/**
 * Reads an SPL named kstat file ({@code /proc/spl/kstat/<module>/<name>}, e.g. zfs/qat or
 * zfs/arcstats) as the kernel prints it, or as an administrator pasted it.
 *
 * <p>The format (OpenZFS module/os/linux/spl/spl-kstat.c): line 1
 * {@code kid type flags ndata datasize crtime snaptime}, line 2 the column header
 * {@code name type data}, then one row per entry printed as {@code "%-31s %-4d "} followed by
 * the value. Columns are read as whitespace-separated fields, never by width: names longer than
 * 31 characters push the rest of the row right, and pasted captures often have tabs.
 *
 * <p>Pasted captures are the norm in bug reports, so the parser is lenient where nothing is
 * lost and strict where a value could be wrong:
 * <ul>
 * <li>warnings: text before the header (a shell prompt, the {@code cat} command), a missing
 *     kid line when the column header is there, a row count different from {@code ndata} (a
 *     capture cut after a complete row still gives its counters), duplicate names;</li>
 * <li>{@link ParseException}: no header at all, a kstat that is not named, a file that ends
 *     inside the header, a row cut before its value, a value that is not a number of its type
 *     or is out of its range. A half-printed number must never be shown as a counter.</li>
 * </ul>
 * Blank lines are ignored; CRLF and lone CR line ends work.
 */
public final class KstatParser {

    private static final String COLUMNS = "'name type data'";
    private static final String KID_FIELDS = "'kid type flags ndata datasize crtime snaptime'";

    private KstatParser() {
    }

    /**
     * Parses a named kstat.
     *
     * @throws ParseException with the 1-based line of the problem, or 0 when the header is missing
     */
    public static NamedKstat parse(String text) throws ParseException {
        if (text.startsWith("\uFEFF")) text = text.substring(1); // Windows editors add a BOM
        List<String> lines = text.lines().toList();
        Warnings<String> warnings = new Warnings<>();

        // 1. Find the header: an optional kid line, then the column header.
        KstatHeader header = null;
        int headerLine = 0;
        int i = 0;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            List<String> fields = fields(line);
            if (fields.isEmpty()) continue;
            if (header != null) {
                if (isColumnHeader(fields)) break;
                throw new ParseException(lineNo, "expected the column header " + COLUMNS
                        + " after the kstat header on line " + headerLine + ", found " + quote(line));
            }
            if (looksLikeKidLine(fields)) {
                header = kidLine(fields, lineNo);
                headerLine = lineNo;
            } else if (isColumnHeader(fields)) {
                warnings.add("line " + lineNo + ": no kstat header line (" + KID_FIELDS.replace("'", "")
                        + ") before the column header; the row count cannot be checked");
                break;
            } else {
                warnings.add("line " + lineNo + ": ignored before the kstat header: " + quote(line));
            }
        }
        if (i == lines.size()) {
            if (header != null) {
                throw new ParseException(headerLine, "truncated: the file ends after the kstat header;"
                        + " expected the column header " + COLUMNS);
            }
            throw new ParseException(0, "not a kstat file: found neither the kstat header line "
                    + KID_FIELDS + " nor the column header " + COLUMNS);
        }

        // 2. The rows.
        List<KstatEntry> entries = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (i++; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            List<String> fields = fields(line);
            if (fields.isEmpty()) continue;
            if (looksLikeKidLine(fields) || isColumnHeader(fields)) {
                throw new ParseException(lineNo, "a second kstat header (several captures pasted together?);"
                        + " give one capture at a time");
            }
            if (isProse(fields.get(0))) {
                // a shell prompt pasted after the capture, not a row cut after its name
                warnings.add("line " + lineNo + ": not a kstat row, ignored: " + quote(line));
                continue;
            }
            KstatEntry entry = row(line, lineNo);
            Integer first = firstLine.putIfAbsent(entry.name(), lineNo);
            if (first != null) {
                warnings.add("line " + lineNo + ": duplicate name " + Snippet.quote(entry.name()) + ", first on line " + first);
            }
            entries.add(entry);
        }

        if (header != null && header.ndata() != entries.size()) {
            warnings.add("line " + headerLine + ": the header announces " + header.ndata()
                    + (header.ndata() == 1 ? " row" : " rows") + " (ndata) but "
                    + entries.size() + (entries.size() == 1 ? " was" : " were") + " read"
                    + (entries.size() < header.ndata() ? "; the capture looks cut" : ""));
        }
        return new NamedKstat(Optional.ofNullable(header), entries, warnings.lines(w -> w));
    }

    /** A word no kstat name contains: prompt and shell characters such as {@code root@nas:~#}. */
    private static boolean isProse(String word) {
        for (int k = 0; k < word.length(); k++) {
            if ("@#$~/>%:".indexOf(word.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The kid line starts {@code int int 0xhex}; anything else is not an attempt at one. */
    private static boolean looksLikeKidLine(List<String> f) {
        return f.size() >= 3 && isInteger(f.get(0)) && isInteger(f.get(1)) && isHex(f.get(2));
    }

    private static KstatHeader kidLine(List<String> f, int lineNo) throws ParseException {
        if (f.size() != 7) {
            throw new ParseException(lineNo, "malformed kstat header: expected 7 fields " + KID_FIELDS
                    + ", found " + f.size());
        }
        for (int k = 3; k < 7; k++) {
            if (!isInteger(f.get(k))) {
                throw new ParseException(lineNo, "malformed kstat header: field " + (k + 1) + " of " + KID_FIELDS
                        + " is not a number: " + quote(f.get(k)));
            }
        }
        long type = headerNumber(f.get(1), "type", lineNo);
        if (type != KstatHeader.TYPE_NAMED) {
            throw new ParseException(lineNo, "kstat type " + f.get(1) + " (" + KstatHeader.typeName(type)
                    + ") is not a named kstat (type 1); only name/type/data files such as zfs/qat are read");
        }
        return new KstatHeader(
                headerNumber(f.get(0), "kid", lineNo), (int) type, f.get(2),
                headerNumber(f.get(3), "ndata", lineNo), headerNumber(f.get(4), "datasize", lineNo),
                headerNumber(f.get(5), "crtime", lineNo), headerNumber(f.get(6), "snaptime", lineNo));
    }

    private static long headerNumber(String s, String what, int lineNo) throws ParseException {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ParseException(lineNo, "malformed kstat header: " + what + " " + quote(s) + " is out of range");
        }
    }

    private static boolean isColumnHeader(List<String> f) {
        return f.size() == 3 && f.get(0).equals("name") && f.get(1).equals("type") && f.get(2).equals("data");
    }

    /**
     * One row: name, type code, then the value. Text values are the rest of the line after the
     * blanks that follow the type, so they may be empty or hold spaces (leading blanks of a
     * value cannot be told from the column padding and are lost).
     */
    private static KstatEntry row(String line, int lineNo) throws ParseException {
        int nameStart = skipBlanks(line, 0);
        int nameEnd = skipToken(line, nameStart);
        String name = line.substring(nameStart, nameEnd);
        int typeStart = skipBlanks(line, nameEnd);
        if (typeStart == line.length()) {
            throw new ParseException(lineNo, "truncated row " + Snippet.quote(name)
                    + ": expected a data type and a value after the name");
        }
        int typeEnd = skipToken(line, typeStart);
        String typeToken = line.substring(typeStart, typeEnd);
        KstatDataType type = dataType(typeToken, name, lineNo);
        String rest = line.substring(skipBlanks(line, typeEnd));

        String value;
        if (type == KstatDataType.STRING) {
            value = rest;
        } else if (type == KstatDataType.CHAR) {
            value = stripTrailingBlanks(rest); // SPL pads char values with "%-16s"
        } else {
            value = stripTrailingBlanks(rest);
            String what = "row " + Snippet.quote(name) + ": ";
            if (value.isEmpty()) {
                throw new ParseException(lineNo, "truncated " + what + "expected " + withArticle(type)
                        + " value after the type");
            }
            if (!type.hasNumberSyntax(value)) {
                throw new ParseException(lineNo, what + "value " + quote(value) + " is not " + withArticle(type)
                        + " number");
            }
            if (type.valueInRange(value).isEmpty()) {
                throw new ParseException(lineNo, what + "value " + Snippet.quote(value) + " is out of range for "
                        + type.label() + " (" + type.min() + " to " + type.max() + ")");
            }
        }
        return new KstatEntry(name, type.code(), value, lineNo);
    }

    /** "an int32", "a uint64": messages are read by people. */
    private static String withArticle(KstatDataType type) {
        return (type.label().startsWith("i") ? "an " : "a ") + type.label();
    }

    private static KstatDataType dataType(String token, String name, int lineNo) throws ParseException {
        boolean digits = !token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits) {
            throw new ParseException(lineNo, "row " + Snippet.quote(name) + ": expected a data type code (0-7)"
                    + " after the name, found " + quote(token));
        }
        String code = token.replaceFirst("^0+(?=.)", "");
        Optional<KstatDataType> type = code.length() > 1 ? Optional.empty()
                : KstatDataType.of(Integer.parseInt(code));
        return type.orElseThrow(() -> new ParseException(lineNo, "row " + Snippet.quote(name)
                + ": unknown data type " + Snippet.quote(token) + " (SPL defines 0-7)"));
    }

    // --- small text helpers; only space and tab separate fields, as in SPL's output and pastes of it

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && isBlank(s.charAt(i))) i++;
        return i;
    }

    private static int skipToken(String s, int i) {
        while (i < s.length() && !isBlank(s.charAt(i))) i++;
        return i;
    }

    private static String stripTrailingBlanks(String s) {
        int end = s.length();
        while (end > 0 && isBlank(s.charAt(end - 1))) end--;
        return s.substring(0, end);
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        int i = skipBlanks(line, 0);
        while (i < line.length()) {
            int end = skipToken(line, i);
            out.add(line.substring(i, end));
            i = skipBlanks(line, end);
        }
        return out;
    }

    private static boolean isInteger(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() == start) return false;
        for (int k = start; k < s.length(); k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') return false;
        }
        return true;
    }

    private static boolean isHex(String s) {
        if (!s.startsWith("0x") || s.length() == 2) return false;
        for (int k = 2; k < s.length(); k++) {
            char c = s.charAt(k);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) return false;
        }
        return true;
    }

    /** Input quoted in a message: shortened, on one line, control characters made visible. */
    private static String quote(String s) {
        return Snippet.quote(stripTrailingBlanks(s.substring(skipBlanks(s, 0))));
    }
}
