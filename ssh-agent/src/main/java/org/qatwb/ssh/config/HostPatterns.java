package org.qatwb.ssh.config;

import java.util.List;
import java.util.Locale;

/**
 * OpenSSH's host pattern lists, as {@code Host} lines and {@code known_hosts} host fields use them:
 * {@code *} matches any run of characters, {@code ?} exactly one; a pattern prefixed with {@code !}
 * is negated, and a host that matches a negated pattern does not match the list at all, whatever
 * the other patterns say. Matching ignores case (OpenSSH lower-cases host names before matching).
 */
public final class HostPatterns {

    private HostPatterns() {
    }

    /** Whether {@code host} matches the list: some positive pattern matches and no negated one does. */
    public static boolean matchesList(String host, List<String> patterns) {
        String h = host.toLowerCase(Locale.ROOT);
        boolean positive = false;
        for (String p : patterns) {
            if (p.startsWith("!")) {
                if (glob(p.substring(1).toLowerCase(Locale.ROOT), h)) {
                    return false;
                }
            } else if (!positive && glob(p.toLowerCase(Locale.ROOT), h)) {
                positive = true;
            }
        }
        return positive;
    }

    /** Whether {@code text} matches the glob {@code pattern} ({@code *} and {@code ?} only, case-sensitive). */
    public static boolean glob(String pattern, String text) {
        // iterative matcher with one backtrack point: linear for patterns with a single '*',
        // never exponential (a hostile known_hosts line cannot stall a connection)
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = -1;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starT = t;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
