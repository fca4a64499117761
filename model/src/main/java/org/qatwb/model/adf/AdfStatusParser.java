package org.qatwb.model.adf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

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

    /** One status run: its header, its devices by name, and the notes about those devices. */
    private static final class Output {
        int countLine;
        OptionalInt count = OptionalInt.empty();
        final Map<String, QatDevice> devices = new LinkedHashMap<>();
        final List<Note> notes = new ArrayList<>();
        final List<Integer> deviceLines = new ArrayList<>();

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
        List<Note> notes = new ArrayList<>();
        List<Integer> superseded = new ArrayList<>();
        int lastOutputStart = 0;
        boolean anyHeader = false;
        boolean anyDevice = false;
        Note firstSkip = null;
        Output current = new Output();
        Output previous = null;
        int currentStart = 1;

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
                    if (!current.deviceLines.isEmpty()) {
                        superseded.addAll(current.deviceLines);
                        lastOutputStart = lineNo;
                        previous = current;
                    }
                    current = new Output();
                    currentStart = lineNo;
                }
                if (counting) {
                    anyHeader = true;
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
            anyDevice = true;
            QatDevice device = outcome.device();
            current.deviceLines.add(lineNo);
            for (String note : outcome.notes()) {
                current.notes.add(new Note(lineNo, note));
            }
            QatDevice earlier = current.devices.put(device.name(), device);
            if (earlier != null) {
                current.notes.add(new Note(lineNo, device.name() + " is listed again (first at line "
                        + earlier.line() + "); the later line is used"));
            }
            for (QatDevice other : current.devices.values()) {
                if (other != device && other != earlier && other.bsf().equals(device.bsf())) {
                    // two functions cannot share a PCI address: one of the lines is garbage
                    current.notes.add(new Note(lineNo, device.name() + " has the same bsf " + device.bsf()
                            + " as " + other.name() + " (line " + other.line() + ")"));
                    break;
                }
            }
        }

        if (!anyHeader && !anyDevice) {
            if (firstSkip != null) {
                throw new ParseException(firstSkip.line(), firstSkip.text() + "; no other device line found");
            }
            throw new ParseException(0, "not adf_ctl status output: no device line and no "
                    + "'There is N QAT acceleration device(s)' line");
        }
        if (previous != null && current.count.isEmpty() && current.devices.isEmpty()) {
            // a capture cut right after "Checking status...": the output before it is the last complete one
            superseded.removeAll(previous.deviceLines);
            notes.add(new Note(currentStart, "a status output starts here but holds no device and no count;"
                    + " the one before it is used"));
            current = previous;
        }
        notes.addAll(current.notes);
        if (current.count.isPresent() && current.count.getAsInt() != current.devices.size()) {
            notes.add(new Note(current.countLine, "the header says " + current.count.getAsInt()
                    + " device(s) but " + current.devices.size() + " device(s) are listed"));
        }
        if (!superseded.isEmpty()) {
            notes.add(new Note(lastOutputStart, "a later status output starts here; "
                    + superseded.size() + " device line(s) before it (line" + (superseded.size() > 1 ? "s " : " ")
                    + ranges(superseded) + ") are superseded and ignored"));
        }
        notes.sort(Comparator.comparingInt(Note::line));
        List<String> warnings = notes.stream().map(n -> "line " + n.line() + ": " + n.text()).toList();
        return new AdfStatus(new ArrayList<>(current.devices.values()), current.count, warnings);
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
