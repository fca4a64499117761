package org.qatwb.model.debugfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * Reads one device's {@code fw_counters} in either driver's layout.
 *
 * <p>Out-of-tree (QAT 1.7 / QAT.L.4.x, adf_fw_counters.c): a box titled "FW Statistics for Qat
 * Device", per engine {@code | Firmware Requests [AE  0]:   N |}, {@code | Firmware Responses[AE  0]:   N |}
 * and, in newer releases, {@code | RAS Events        [AE  0]:   N |}. In-kernel driver: a header
 * {@code AE  Requests  Responses} and rows {@code " 0:   N   N"}. Columns are read by pattern,
 * not by width. A second title or header means several devices were pasted together: that is a
 * ParseException (one device per read), as is text with no counter at all.
 */
public final class FwCountersParser {

    private static final Pattern BOX_BORDER = Pattern.compile("\\+-+\\+");
    private static final Pattern BOX_TITLE = Pattern.compile("\\|\\s*FW Statistics for Qat Device\\s*\\|");
    private static final Pattern BOX_ROW = Pattern.compile(
            "\\|\\s*(Firmware Requests|Firmware Responses|RAS Events)\\s*\\[AE\\s*([0-9]{1,4})\\]:\\s*([0-9]{1,20})\\s*\\|");
    private static final Pattern TABLE_HEADER = Pattern.compile("AE\\s+Requests\\s+Responses");
    private static final Pattern TABLE_ROW = Pattern.compile("([0-9]{1,4}):\\s+([0-9]{1,20})\\s+([0-9]{1,20})");

    private FwCountersParser() {
    }

    /** Values of one engine as they are found. */
    private static final class Engine {
        final int line;
        Long requests;
        Long responses;
        Long ras;

        Engine(int line) {
            this.line = line;
        }
    }

    /** @throws ParseException for text with no engine counter, several devices, or a number beyond 64 bits */
    public static FwCounters parse(String text) throws ParseException {
        List<String> warnings = new ArrayList<>();
        Map<Integer, Engine> engines = new LinkedHashMap<>();
        FwCounters.Format format = null;
        int headerLine = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String t = lines[i].strip();
            if (t.isEmpty() || BOX_BORDER.matcher(t).matches()) {
                continue;
            }
            boolean title = BOX_TITLE.matcher(t).matches();
            boolean header = TABLE_HEADER.matcher(t).matches();
            if (title || header) {
                if (headerLine > 0) {
                    throw new ParseException(lineNo, "a second device's counters start here (first at line " + headerLine
                            + "); read one device's fw_counters at a time");
                }
                headerLine = lineNo;
                format = title ? FwCounters.Format.BOX : FwCounters.Format.TABLE;
                continue;
            }
            Matcher box = BOX_ROW.matcher(t);
            Matcher row = TABLE_ROW.matcher(t);
            if (box.matches() && format != FwCounters.Format.TABLE) {
                format = FwCounters.Format.BOX;
                Engine e = engines.computeIfAbsent(Integer.valueOf(box.group(2)), k -> new Engine(lineNo));
                long v = number(box.group(3), lineNo);
                switch (box.group(1)) {
                    case "Firmware Requests" -> e.requests = first(e.requests, v, "requests", box.group(2), lineNo, warnings);
                    case "Firmware Responses" -> e.responses = first(e.responses, v, "responses", box.group(2), lineNo, warnings);
                    default -> e.ras = first(e.ras, v, "RAS events", box.group(2), lineNo, warnings);
                }
            } else if (row.matches() && format != FwCounters.Format.BOX) {
                format = FwCounters.Format.TABLE;
                Engine e = engines.computeIfAbsent(Integer.valueOf(row.group(1)), k -> new Engine(lineNo));
                e.requests = first(e.requests, number(row.group(2), lineNo), "requests", row.group(1), lineNo, warnings);
                e.responses = first(e.responses, number(row.group(3), lineNo), "responses", row.group(1), lineNo, warnings);
            } else {
                warnings.add("line " + lineNo + ": not a counter line, ignored: " + Snippet.quote(t));
            }
        }
        List<EngineCounters> out = new ArrayList<>();
        engines.forEach((ae, e) -> {
            if (e.requests == null || e.responses == null) {
                warnings.add("line " + e.line + ": AE " + ae + " has " + (e.requests == null ? "no requests" : "no responses")
                        + " (a cut capture?); left out");
            } else {
                out.add(new EngineCounters(ae, e.requests, e.responses,
                        e.ras == null ? OptionalLong.empty() : OptionalLong.of(e.ras)));
            }
        });
        if (out.isEmpty()) {
            throw new ParseException(0, "not fw_counters: no engine has both requests and responses");
        }
        warnings.sort((a, b) -> Integer.compare(lineOf(a), lineOf(b)));
        return new FwCounters(format, out, warnings);
    }

    private static Long first(Long seen, long value, String what, String ae, int lineNo, List<String> warnings) {
        if (seen != null) {
            warnings.add("line " + lineNo + ": AE " + ae + " " + what + " again; the first value is kept");
            return seen;
        }
        return value;
    }

    private static long number(String digits, int lineNo) throws ParseException {
        try {
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            throw new ParseException(lineNo, "counter " + digits + " is beyond 64 bits");
        }
    }

    private static int lineOf(String warning) {
        int colon = warning.indexOf(':');
        return Integer.parseInt(warning.substring("line ".length(), colon));
    }
}
