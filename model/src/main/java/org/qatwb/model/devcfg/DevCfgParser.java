package org.qatwb.model.devcfg;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qatwb.model.parse.ParseException;

/**
 * Reads a {@code dev_cfg}: {@code [NAME]} lines, then {@code KEY = VALUE} lines, exactly as
 * {@code qat_dev_cfg_show} prints them ({@code "[%s]\n"}, {@code "%s = %s\n"}). The kernel bounds
 * names and values to {@code ADF_CFG_MAX_STR_LEN} (64 bytes with the NUL), keeps each section and
 * each key of a section once ({@code adf_cfg_sec_find}, {@code adf_cfg_add_key_value_param}'s
 * replace policy), and a device has a few hundred keys at most; anything else is not a dev_cfg.
 */
public final class DevCfgParser {

    /** Far above any real file (a c4xxx PF with every section: a few KiB). */
    public static final int MAX_CHARS = 256 * 1024;
    public static final int MAX_LINES = 8192;
    /** ADF_CFG_MAX_STR_LEN: 64 bytes with the terminating NUL. */
    static final int MAX_NAME = 63;

    private DevCfgParser() {
    }

    /** @throws ParseException (one line) for text that is not a dev_cfg */
    public static DevCfg parse(String text) throws ParseException {
        if (text.length() > MAX_CHARS) {
            throw new ParseException(0, "longer than " + MAX_CHARS + " characters: not a dev_cfg");
        }
        String[] lines = text.split("\n", -1);
        if (lines.length > MAX_LINES + 1) {
            throw new ParseException(0, "more than " + MAX_LINES + " lines: not a dev_cfg");
        }
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        String currentName = null;
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String l = lines[i];
            if (l.isEmpty()) {
                if (i == lines.length - 1) {
                    break; // after the last newline
                }
                throw new ParseException(n, "an empty line: the driver prints none");
            }
            for (int c = 0; c < l.length(); c++) {
                char ch = l.charAt(c);
                if (ch < 0x20 && ch != '\t' || ch == 0x7f) {
                    throw new ParseException(n, "a control character (code " + (int) ch + "): not a dev_cfg");
                }
            }
            if (l.charAt(0) == '[') {
                if (!l.endsWith("]") || l.length() < 3) {
                    throw new ParseException(n, "a section line is [NAME]");
                }
                String name = l.substring(1, l.length() - 1);
                name(name, n, "section name");
                if (sections.containsKey(name)) {
                    throw new ParseException(n, "section [" + name + "] a second time");
                }
                current = new LinkedHashMap<>();
                currentName = name;
                sections.put(name, current);
                continue;
            }
            int eq = l.indexOf(" = ");
            if (eq <= 0) {
                throw new ParseException(n, "neither [SECTION] nor KEY = VALUE");
            }
            if (current == null) {
                throw new ParseException(n, "a key before any section");
            }
            String key = l.substring(0, eq);
            String value = l.substring(eq + 3);
            name(key, n, "key");
            if (value.length() > MAX_NAME) {
                throw new ParseException(n, "a value longer than the driver keeps (" + MAX_NAME + " characters)");
            }
            if (current.putIfAbsent(key, value) != null) {
                throw new ParseException(n, "key " + key + " a second time in [" + currentName + "]");
            }
        }
        return new DevCfg(sections);
    }

    private static void name(String s, int line, String what) throws ParseException {
        if (s.isEmpty() || s.length() > MAX_NAME) {
            throw new ParseException(line, "a " + what + " of " + s.length() + " characters (1.." + MAX_NAME + ")");
        }
        if (s.contains(" ") || s.contains("\t")) {
            throw new ParseException(line, "a " + what + " with a blank: adf_ctl removes them");
        }
    }
}
