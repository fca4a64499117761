package org.qatwb.model.adf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.parse.Warnings;

/**
 * Reads {@code adf_ctl status} / {@code qat_service status} output as administrators capture it:
 * with shell prompts, journal prefixes, CRLF endings, restarts and several status runs in one file.
 *
 * <p>The last status output in the text is the current state: a "Checking status" or
 * "There is N ..." header that follows device lines starts a new output and drops the devices
 * before it (one warning names the dropped lines).
 */
public final class AdfStatusParser {

    // systemd journal ("Apr 24 14:02:49 host qat_service[305475]: ", also the short-iso form)
    private static final Pattern JOURNAL_PREFIX = Pattern.compile(
            "(?:[A-Z][a-z]{2} [ 0-9]?[0-9] [0-9]{2}:[0-9]{2}:[0-9]{2}"
                    + "|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]{8,15}(?:Z|[+-][0-9]{2}:?[0-9]{2})?)"
                    + " [^\\s]+ [^\\s\\[\\]:]+(?:\\[[0-9]+\\])?: ");
    // QAT 1.5/1.6 prints "There is 1 acceleration device(s)", without "QAT"
    private static final Pattern COUNT_HEADER = Pattern.compile(
            "There (?:is|are) ([0-9]+) (?:QAT )?acceleration device\\(s\\) in the system:?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHECKING = Pattern.compile(
            "Checking status of all devices\\.?", Pattern.CASE_INSENSITIVE);
    // what adf_ctl restart and qat_service start print around a status output
    private static final Pattern HARMLESS = Pattern.compile(
            "Restarting all devices\\.?|Processing (?:file: ?)?/[^\\s]*|(?:enable|disable) sriov",
            Pattern.CASE_INSENSITIVE);

    private AdfStatusParser() {
    }

    /** One status run: where it starts, its header, its devices by name, and the notes about them. */
    private static final class Output {
        final int startLine;
        int countLine;
        OptionalInt count = OptionalInt.empty();
        final Map<String, QatDevice> devices = new LinkedHashMap<>();
        final Map<String, QatDevice> byBsf = new HashMap<>();
        final Warnings<Note> notes = new Warnings<>();
        final List<Integer> deviceLines = new ArrayList<>();

        Output(int startLine) {
            this.startLine = startLine;
        }

        boolean started() {
            return countLine > 0 || !deviceLines.isEmpty();
        }
    }

    private record Note(int line, String text) {
    }

    /**
     * @throws ParseException when the text holds neither a device line nor a device-count line
     *                        (not a status output at all)
     */
    public static AdfStatus parse(String text) throws ParseException {
        Objects.requireNonNull(text, "text");
        Warnings<Note> notes = new Warnings<>();
        List<Output> outputs = new ArrayList<>();
        Note firstSkip = null;
        Output current = new Output(1);
        outputs.add(current);

        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String content = lines[i];
            if (i == 0 && content.startsWith("\uFEFF")) {
                content = content.substring(1);
            }
            Matcher journal = JOURNAL_PREFIX.matcher(content);
            if (journal.lookingAt()) {
                content = content.substring(journal.end());
            }
            String t = content.strip();
            if (t.isEmpty()) {
                continue;
            }

            boolean checking = CHECKING.matcher(t).matches();
            Matcher header = COUNT_HEADER.matcher(t);
            boolean counting = !checking && header.matches();
            if (checking || counting) {
                if (current.started()) {
                    current = new Output(lineNo);
                    outputs.add(current);
                }
                if (counting) {
                    current.countLine = lineNo;
                    Integer n = fitsInt(header.group(1));
                    if (n == null) {
                        notes.add(new Note(lineNo, "device count " + Snippet.quote(header.group(1))
                                + " is out of range, ignored"));
                    } else {
                        current.count = OptionalInt.of(n);
                    }
                }
                continue;
            }
            if (HARMLESS.matcher(t).matches()) {
                continue;
            }
            DeviceLine.Outcome outcome = DeviceLine.parse(t, lineNo);
            if (outcome == null) {
                notes.add(new Note(lineNo, "unrecognised line: " + Snippet.quote(t)));
                continue;
            }
            if (outcome.device() == null) {
                Note skip = new Note(lineNo, outcome.skipReason());
                notes.add(skip);
                if (firstSkip == null) {
                    firstSkip = skip;
                }
                continue;
            }
            add(current, outcome, lineNo);
        }

        // the last output with a count or a device is the current state; an output cut right
        // after its "Checking status..." line says nothing and does not replace the one before
        Output last = null;
        for (Output o : outputs) {
            if (o.started()) {
                last = o;
            }
        }
        if (last == null) {
            if (firstSkip != null) {
                throw new ParseException(firstSkip.line(), firstSkip.text() + "; no other device line found");
            }
            throw new ParseException(0, "not adf_ctl status output: no device line and no "
                    + "'There is N QAT acceleration device(s)' line");
        }
        List<Integer> superseded = new ArrayList<>();
        for (Output o : outputs.subList(0, outputs.indexOf(last))) {
            superseded.addAll(o.deviceLines);
        }
        Output tail = outputs.get(outputs.size() - 1);
        if (tail != last && !tail.started()) {
            notes.add(new Note(tail.startLine, "a status output starts here but holds no device and no count;"
                    + " the one before it is used"));
        }
        notes.addAllOf(last.notes);
        if (last.count.isPresent() && last.count.getAsInt() != last.devices.size()) {
            notes.add(new Note(last.countLine, "the header says " + last.count.getAsInt()
                    + " device(s) but " + last.devices.size() + " device(s) are listed"));
        }
        if (!superseded.isEmpty()) {
            notes.add(new Note(last.startLine, "a later status output starts here; "
                    + superseded.size() + " device line(s) before it (line" + (superseded.size() > 1 ? "s " : " ")
                    + ranges(superseded) + ") are superseded and ignored"));
        }
        notes.sort(Comparator.comparingInt(Note::line));
        List<String> warnings = notes.lines(n -> "line " + n.line() + ": " + n.text());
        return new AdfStatus(new ArrayList<>(last.devices.values()), last.count, warnings);
    }

    private static void add(Output out, DeviceLine.Outcome outcome, int lineNo) {
        QatDevice device = outcome.device();
        out.deviceLines.add(lineNo);
        for (String note : outcome.notes()) {
            out.notes.add(new Note(lineNo, note));
        }
        QatDevice earlier = out.devices.put(device.name(), device);
        if (earlier != null) {
            out.notes.add(new Note(lineNo, device.name() + " is listed again (first at line "
                    + earlier.line() + "); the later line is used"));
            if (out.byBsf.get(earlier.bsf()) == earlier) {
                out.byBsf.remove(earlier.bsf());
            }
        }
        QatDevice other = out.byBsf.putIfAbsent(device.bsf(), device);
        if (other != null) {
            // two functions cannot share a PCI address: one of the lines is garbage
            out.notes.add(new Note(lineNo, device.name() + " has the same bsf " + device.bsf()
                    + " as " + other.name() + " (line " + other.line() + ")"));
        }
    }

    private static Integer fitsInt(String digits) {
        if (digits.length() > 10) {
            return null;
        }
        long value = Long.parseLong(digits);
        return value <= Integer.MAX_VALUE ? (int) value : null;
    }

    /** "3-5, 9, 12-13" for ascending line numbers. */
    private static String ranges(List<Integer> lines) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            int j = i;
            while (j + 1 < lines.size() && lines.get(j + 1) == lines.get(j) + 1) {
                j++;
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(lines.get(i));
            if (j > i) {
                out.append('-').append(lines.get(j));
            }
            i = j + 1;
        }
        return out.toString();
    }
}
