package org.qatwb.model.zfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.parse.Warnings;

/**
 * Every {@code zfs_qat_*} module parameter the NAS exposes, known or not (issue 16, section 4): the
 * agent's item {@code zfs_qat_params} (docs/agent-protocol.md). OpenZFS has three
 * ({@link ZfsParam}); forks add their own, e.g. TheTDD/zfs (on ZoL 0.7.11/0.7.12, module/zfs/qat_compress.c
 * and qat_common.c) has {@code zfs_qat_disable_compression}, {@code zfs_qat_disable_decompression},
 * {@code zfs_qat_init_failure_threshold}, {@code zfs_qat_disable}. An unknown parameter is kept as the
 * NAS shows it, never hidden and never given a meaning qatwb cannot know.
 *
 * @param parameters every parameter listed, in the agent's (the glob's) order
 * @param notListed  how many more the agent saw but did not list (over its 64, a strange name, not a
 *                   file), plus any lines over {@link #MAX} here
 * @param warnings   one-line remarks about lines that were not understood ({@code line N: ...})
 */
public record ZfsQatParams(List<QatParameter> parameters, int notListed, List<String> warnings) {

    /** Parameters kept at most: the agent lists no more. */
    public static final int MAX = 64;
    /** Characters of a value kept at most: the agent sends no more. */
    public static final int MAX_VALUE = 256;

    private static final Pattern NAME = Pattern.compile("zfs_qat_[a-z0-9_]{1,56}");

    public ZfsQatParams {
        parameters = List.copyOf(parameters);
        warnings = List.copyOf(warnings);
        if (notListed < 0) {
            throw new IllegalArgumentException("notListed " + notListed);
        }
    }

    /**
     * One parameter.
     *
     * @param name  the file name under {@code /sys/module/zfs/parameters}
     * @param value the file's first line as read (at most {@link #MAX_VALUE} characters); empty when it
     *              could not be read
     * @param cut   whether the first line was longer and {@code value} is its beginning
     */
    public record QatParameter(String name, Optional<String> value, boolean cut) {

        public QatParameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        /** The OpenZFS parameter this is, with its meaning; empty for one qatwb does not know. */
        public Optional<ZfsParam> known() {
            return ZfsParam.bySysfsName(name);
        }
    }

    /** The parameter with this file name. */
    public Optional<QatParameter> byName(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The parameters qatwb does not know (a fork's), in order. */
    public List<QatParameter> unknown() {
        return parameters.stream().filter(p -> p.known().isEmpty()).toList();
    }

    /**
     * Reads the agent's item: {@code value NAME TEXT}, {@code cut NAME TEXT}, {@code denied NAME} and
     * {@code more N} lines. A line that is none of these is a warning, never an error: the others stay.
     *
     * @throws ParseException only for a {@code more} count that is not a number (the item is then not
     *                        the agent's)
     */
    public static ZfsQatParams parse(String text) throws ParseException {
        List<QatParameter> params = new ArrayList<>();
        Warnings<String> warnings = new Warnings<>();
        int more = 0;
        int n = 0;
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end);
            start = end + 1;
            n++;
            if (line.isEmpty()) {
                continue;
            }
            int sp = line.indexOf(' ');
            String kind = sp < 0 ? line : line.substring(0, sp);
            String rest = sp < 0 ? "" : line.substring(sp + 1);
            if (kind.equals("more")) {
                if (!rest.matches("[0-9]{1,9}")) {
                    throw new ParseException(n, "'more' without a count: " + Snippet.quote(rest));
                }
                more = (int) Math.min(Integer.MAX_VALUE, (long) more + Integer.parseInt(rest));
                continue;
            }
            int sp2 = rest.indexOf(' ');
            String name = kind.equals("denied") || sp2 < 0 ? rest : rest.substring(0, sp2);
            String value = sp2 < 0 ? "" : rest.substring(sp2 + 1);
            boolean shape = switch (kind) {
                case "value", "cut" -> sp2 >= 0;
                case "denied" -> true;
                default -> false;
            };
            if (!shape || !NAME.matcher(name).matches()) {
                warnings.add("line " + n + ": not a zfs_qat_* parameter line: " + Snippet.quote(line));
                continue;
            }
            if (params.size() >= MAX) {
                more++;
                continue;
            }
            if (params.stream().anyMatch(p -> p.name().equals(name))) {
                warnings.add("line " + n + ": " + name + " listed again: the first one is kept");
                continue;
            }
            boolean cut = kind.equals("cut") || value.length() > MAX_VALUE;
            String kept = value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value;
            params.add(new QatParameter(name, kind.equals("denied") ? Optional.empty() : Optional.of(kept), cut));
        }
        return new ZfsQatParams(params, more, warnings.lines(w -> w));
    }
}
