package org.qatwb.model.etc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.model.conf.RawLine;

/**
 * {@code IRQBALANCE_ARGS} in irqbalance's environment file, the words irqbalance's unit passes on
 * its command line ({@code ExecStart=/usr/sbin/irqbalance $IRQBALANCE_ARGS}, irqbalance's
 * misc/irqbalance.service.in with {@code EnvironmentFile=-/etc/default/irqbalance}; RHEL's unit
 * reads {@code /etc/sysconfig/irqbalance}). The file is read by systemd as an EnvironmentFile and,
 * by sysvinit scripts, sourced as shell; only what both read alike is accepted as readable: the
 * last assignment {@code IRQBALANCE_ARGS=VALUE} at the start of a line, with nothing after the value,
 * the value double-quoted, single-quoted or one bare word, and every word of
 * {@link #SAFE_WORD}'s characters. Anything else is {@link #readable()} false: the file is then
 * left alone and the administrator is told.
 *
 * @param line     the index (0-based) of the assignment in effect; -1 when there is none
 * @param prefix   the assignment's text up to the value ({@code IRQBALANCE_ARGS=})
 * @param words    the value's words, as the unit's {@code $IRQBALANCE_ARGS} splits them
 * @param readable whether the file was read as both systemd and the shell would read it
 */
public record IrqbalanceArgs(int line, String prefix, List<String> words, boolean readable) {

    /** The files irqbalance's units read, Debian's first. */
    public static final List<String> PATHS = List.of("/etc/default/irqbalance", "/etc/sysconfig/irqbalance");
    /** The characters a word may hold: no quote, {@code $}, backslash or blank, which the two readers treat differently. */
    public static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9_.,:=/+@%-]+");

    private static final Pattern ASSIGNMENT = Pattern.compile("(IRQBALANCE_ARGS=)(.*)");
    private static final Pattern NAME_ONLY = Pattern.compile("[ \\t]*(export[ \\t]+)?IRQBALANCE_ARGS[ \\t]*=.*");

    public IrqbalanceArgs {
        words = List.copyOf(words);
    }

    /** Reads the assignment in effect. */
    public static IrqbalanceArgs read(String text) {
        List<RawLine> lines = RawLine.split(text);
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).text();
            if (NAME_ONLY.matcher(t).matches()) {
                at = i;
            }
        }
        if (text.contains("\r")) {
            return new IrqbalanceArgs(at, "", List.of(), false);
        }
        if (at < 0) {
            return new IrqbalanceArgs(-1, "", List.of(), true);
        }
        Matcher m = ASSIGNMENT.matcher(lines.get(at).text());
        if (!m.matches()) {
            return new IrqbalanceArgs(at, "", List.of(), false);
        }
        Optional<List<String>> words = words(m.group(2));
        return new IrqbalanceArgs(at, m.group(1), words.orElse(List.of()), words.isPresent());
    }

    /** The value's words, or empty when the two readers could read it differently. */
    static Optional<List<String>> words(String value) {
        String inner;
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            inner = value.substring(1, value.length() - 1);
        } else if (value.isEmpty() || SAFE_WORD.matcher(value).matches()) {
            inner = value;
        } else {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (String w : inner.split("[ \\t]+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (!SAFE_WORD.matcher(w).matches()) {
                return Optional.empty();
            }
            out.add(w);
        }
        return Optional.of(out);
    }
}
