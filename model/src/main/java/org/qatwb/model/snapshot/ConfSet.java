package org.qatwb.model.snapshot;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qatwb.model.agent.AgentProtocol;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * The conf files the agent read as one set: {@code conf_sizes} is ONE {@code wc -c}'s "SIZE PATH"
 * per file (and a total line), {@code conf_files} ONE {@code cat} of the same files in that order.
 *
 * <p>Nothing wc says is trusted: a size is a plain decimal number no larger than the bytes that
 * came, and the sizes must add up to exactly those bytes before any file is cut out, so a lying
 * NAS can neither make the client allocate more than it received nor shift a boundary with a
 * negative size.
 */
final class ConfSet {

    /** More conf files than items the agent may send: a host has up to 51. */
    static final int MAX_FILES = AgentProtocol.MAX_ITEMS;

    /** 18 digits stay below Long.MAX_VALUE, so a sum of sizes checked one by one cannot wrap. */
    private static final int MAX_DIGITS = 18;

    private ConfSet() {
    }

    /** The sizes and bytes did not fit together; the set is not used. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * Each file's bytes by its path under {@code /etc}, in wc's order.
     *
     * @throws ParseException for a line of {@code conf_sizes} that is not wc's "SIZE PATH"
     * @throws Refused        when the sizes do not add up to the bytes (a file changed between the reads)
     */
    static Map<String, byte[]> split(String sizes, byte[] all) throws ParseException, Refused {
        List<String> lines = sizes.lines().toList();
        Map<String, Long> lengths = new LinkedHashMap<>();
        long listed = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int space = line.indexOf(' ');
            String file = space < 0 ? "" : line.substring(space + 1).strip();
            if (line.isEmpty() || !file.startsWith("/")) {
                continue; // wc's total line
            }
            String base = file.substring(file.lastIndexOf('/') + 1);
            String number = line.substring(0, space);
            if (number.isEmpty() || number.length() > MAX_DIGITS || !number.chars().allMatch(c -> c >= '0' && c <= '9')
                    || !base.matches("[A-Za-z0-9._-]+")) {
                throw new ParseException(i + 1, "not wc's 'SIZE PATH': " + Snippet.quote(line));
            }
            if (lengths.size() == MAX_FILES) {
                throw new ParseException(i + 1, "more than " + MAX_FILES + " conf files listed");
            }
            long n = Long.parseLong(number);
            // saturates instead of wrapping: the sum only has to tell "equal" from "not equal"
            listed = Math.min(listed + n, Long.MAX_VALUE / 2);
            if (lengths.put("/etc/" + base, n) != null) {
                throw new ParseException(i + 1, "a conf file listed twice: " + Snippet.quote(line));
            }
        }
        if (listed != all.length) {
            throw new Refused(listed + " bytes listed, " + all.length + " read");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        int at = 0;
        for (Map.Entry<String, Long> e : lengths.entrySet()) {
            int n = Math.toIntExact(e.getValue()); // each is at most all.length: the sum is
            files.put(e.getKey(), Arrays.copyOfRange(all, at, at + n));
            at += n;
        }
        return files;
    }
}
