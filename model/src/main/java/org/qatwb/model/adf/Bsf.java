package org.qatwb.model.adf;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PCI addresses as the various adf_ctl versions print them, brought to {@code DDDD:BB:DD.F}. */
final class Bsf {

    // adf_ctl prints the domain with setw(4), i.e. at least 4 digits (VMD domains have 5);
    // QAT 1.7 before 4.x omits the domain; QAT 1.5/1.6 and Intel's guide separate the function with ':'
    private static final Pattern SHAPE = Pattern.compile(
            "(?:([0-9a-fA-F]{1,8}):)?([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})[.:]([0-7])");

    private Bsf() {
    }

    /** The normalised address, or null when {@code text} is not a PCI address. */
    static String normalise(String text) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String domain = m.group(1) == null ? "0" : m.group(1);
        if (Integer.parseInt(m.group(3), 16) > 0x1f) {
            return null;
        }
        return (pad(domain, 4) + ":" + pad(m.group(2), 2) + ":" + pad(m.group(3), 2) + "." + m.group(4))
                .toLowerCase(Locale.ROOT);
    }

    private static String pad(String hex, int width) {
        return hex.length() >= width ? hex : "0".repeat(width - hex.length()) + hex;
    }
}
