package org.qatwb.sim.driver;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code adf_ctl}'s reading of one device's conf file, per release, written from its source
 * (quickassist/utilities/adf_ctl/src/ in 4.8 and 4.24; 4.28's reader is 4.24's):
 * <ul>
 * <li>{@code ini_config.cpp config::read_ini}: line by line ({@code getline}); 4.24/4.28 first trim
 *     leading blanks and tabs ({@code utils::trim_left}), 4.8 does not; a line that is empty or whose
 *     first character is {@code #} or {@code \r} is skipped; a line whose first character is
 *     {@code [} is a header ({@code get_section_name}: up to the first {@code ]}, sanitised; an empty
 *     or unclosed name is a warning and the current section stays); any other line is split at the
 *     first {@code =} (no {@code =}: key and value are both the whole line), both sides sanitised,
 *     surrounding double quotes stripped from the value; an empty key or value is a warning; a
 *     key before any header dereferences a null section (adf_ctl crashes); {@code std::map::insert}
 *     keeps the first of duplicate keys, and a header seen again continues its section;</li>
 * <li>{@code utils.cpp sanitize_string}: cut at the first {@code #}, then delete every space,
 *     {@code \r} and (4.24/4.28 only) tab;</li>
 * <li>{@code dev_config.cpp validate_config}: with a {@code [GENERAL]}, {@code ConfigVersion} must be
 *     there and read 2 by {@code utils::to_number} (from its first digit: {@code 2.0}, {@code v2});
 *     {@code configure_dev}: a section, key or value of 128 characters or more is refused, no
 *     {@code [GENERAL]} is refused, and each value is typed by {@code utils::get_value_type}.</li>
 * </ul>
 * The file is read as bytes (ISO-8859-1), as the C++ strings hold them.
 */
public final class AdfCtlReader {

    /** ADF_CFG_MAX_STR_LEN: sections, keys and values must be shorter (qat_common/adf_cfg_common.h). */
    static final int MAX_LEN = 128;
    /** The simulator reads no conf file above this (docs/decisions/0002); a real one is a few KiB. */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** {@code get_max_str_len<long>()}: the digits of LONG_MAX; longer all-digit values are strings. */
    private static final int LONG_DIGITS = Long.toString(Long.MAX_VALUE).length();

    private AdfCtlReader() {
    }

    public static AdfCtlConf read(byte[] file, DriverRelease release) {
        if (file.length > MAX_FILE_BYTES) {
            return new AdfCtlConf(Map.of(), List.of(), Optional.of("Filename cannot be read: the simulator reads no conf"
                    + " file above " + MAX_FILE_BYTES + " bytes"), false);
        }
        String text = new String(file, StandardCharsets.ISO_8859_1);
        Map<String, Map<String, String>> sections = new TreeMap<>();
        List<String> stdout = new ArrayList<>();
        Map<String, String> current = null;
        String[] lines = text.split("\n", -1);
        // getline yields no last line after a final newline
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            int lineNum = i + 1;
            if (release.trimsAndDeletesTabs()) {
                line = trimLeft(line);
            }
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '\r') {
                continue;
            }
            if (line.charAt(0) == '[') {
                String name = sectionName(sanitize(line, release), release);
                if (name.isEmpty()) {
                    stdout.add("Warning: Wrong section format in line " + lineNum + ": \"" + line + "\"");
                } else {
                    current = sections.computeIfAbsent(name, k -> new TreeMap<>());
                }
                continue;
            }
            int eq = line.indexOf('=');
            String key = sanitize(eq < 0 ? line : line.substring(0, eq), release);
            // substr(npos + 1) is substr(0): without '=' the value is the whole line too
            String val = sanitize(eq < 0 ? line : line.substring(eq + 1), release);
            if (!val.isEmpty() && val.charAt(0) == '"' && val.charAt(val.length() - 1) == '"') {
                val = val.length() == 1 ? "" : val.substring(1, val.length() - 1);
            }
            if (key.isEmpty() || val.isEmpty()) {
                stdout.add("Warning: Wrong key-value format in line " + lineNum + ": \"" + line + "\"");
                continue;
            }
            if (current == null) {
                return new AdfCtlConf(Map.of(), stdout, Optional.empty(), true);
            }
            current.putIfAbsent(key, val);
        }
        Optional<String> invalid = validateConfig(sections.get("GENERAL"));
        if (invalid.isPresent()) {
            return new AdfCtlConf(Map.of(), stdout, invalid, false);
        }
        Map<String, Map<String, String>> kernel = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> s : sections.entrySet()) {
            Optional<String> tooLong = tooLong(s.getKey());
            for (Map.Entry<String, String> kv : s.getValue().entrySet()) {
                tooLong = tooLong.or(() -> tooLong(kv.getKey())).or(() -> tooLong(kv.getValue()));
            }
            if (tooLong.isPresent()) {
                return new AdfCtlConf(Map.of(), stdout, tooLong, false);
            }
            Map<String, String> values = new java.util.LinkedHashMap<>();
            s.getValue().forEach((k, v) -> values.put(k, asKernelStores(v)));
            kernel.put(s.getKey(), values);
        }
        if (!kernel.containsKey("GENERAL")) {
            return new AdfCtlConf(Map.of(), stdout, Optional.of("No GENERAL section found"), false);
        }
        return new AdfCtlConf(kernel, stdout, Optional.empty(), false);
    }

    /** {@code validate_config}: ConfigVersion present and 2 when there is a [GENERAL]. */
    private static Optional<String> validateConfig(Map<String, String> general) {
        if (general == null) {
            return Optional.empty();
        }
        String v = general.get("ConfigVersion");
        if (v == null) {
            return Optional.of("Key ConfigVersion missing in GENERAL section");
        }
        int start = firstDigit(v);
        if (start < 0) {
            return Optional.of("No digit found in string \"" + v + "\"\n");
        }
        int end = start;
        while (end < v.length() && Character.isDigit(v.charAt(end)) && v.charAt(end) < 128) {
            end++;
        }
        // operator>> into an int: out of range reads INT_MAX, never 2
        BigInteger n = new BigInteger(v.substring(start, end));
        if (!n.equals(BigInteger.TWO)) {
            return Optional.of("Only version 2 config file supported");
        }
        return Optional.empty();
    }

    private static int firstDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return i;
            }
        }
        return -1;
    }

    private static Optional<String> tooLong(String s) {
        return s.length() >= MAX_LEN ? Optional.of(s + ": entry too long. Maximum allowed: " + MAX_LEN
                + ", current value: " + s.length()) : Optional.empty();
    }

    /**
     * The string the kernel keeps for a value adf_ctl typed with {@code get_value_type}: {@code 0x}
     * and at most 16 hex digits is HEX, at most 19 decimal digits is DEC (each read into a
     * {@code long}, saturating at LONG_MAX as {@code operator>>} does), anything else a string.
     */
    static String asKernelStores(String v) {
        if (v.length() >= 3 && v.startsWith("0x") && v.length() - 2 <= 16 && allMatch(v.substring(2), 16)) {
            BigInteger n = new BigInteger(v.substring(2), 16).min(LONG_MAX);
            return "0x" + n.toString(16);
        }
        if (!v.isEmpty() && allMatch(v, 10)) {
            if (v.length() > LONG_DIGITS) {
                return v;
            }
            return new BigInteger(v).min(LONG_MAX).toString();
        }
        return v;
    }

    private static boolean allMatch(String s, int radix) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || Character.digit(c, radix) < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code get_section_name}: between the opening bracket and the first closing one, sanitised. */
    private static String sectionName(String sanitized, DriverRelease release) {
        int end = sanitized.indexOf(']');
        if (sanitized.isEmpty() || sanitized.charAt(0) != '[' || end < 0) {
            return "";
        }
        return sanitize(sanitized.substring(1, end), release);
    }

    private static String sanitize(String s, DriverRelease release) {
        int hash = s.indexOf('#');
        String cut = hash < 0 ? s : s.substring(0, hash);
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (c == ' ' || c == '\r' || (c == '\t' && release.trimsAndDeletesTabs())) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String trimLeft(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return s.substring(i);
    }
}
