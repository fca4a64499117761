package org.qatwb.ssh.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code %} tokens and the leading {@code ~} of OpenSSH's TOKENS section, for the keywords
 * qatwb reads. An unknown token is an error, as in ssh, rather than a silently wrong path.
 */
final class ConfigTokens {

    private ConfigTokens() {
    }

    /**
     * Replaces {@code %x} tokens from {@code values} ({@code %%} is always a percent sign).
     *
     * @throws IllegalArgumentException naming the token that has no value here
     */
    static String expand(String text, Map<Character, String> values) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new IllegalArgumentException("'%' at the end of '" + text + "'");
            }
            char t = text.charAt(++i);
            if (t == '%') {
                out.append('%');
            } else if (values.containsKey(t)) {
                out.append(values.get(t));
            } else {
                throw new IllegalArgumentException("unsupported token %" + t + " in '" + text + "'");
            }
        }
        return out.toString();
    }

    /** {@code ~} and {@code ~/...} become the home directory; {@code ~user} is not supported. */
    static String expandTilde(String text, Path home) {
        if (!text.startsWith("~")) {
            return text;
        }
        if (text.equals("~")) {
            return home.toString();
        }
        if (text.startsWith("~/")) {
            return home.resolve(text.substring(2)).toString();
        }
        throw new IllegalArgumentException("'~user' paths are not supported: " + text);
    }
}
