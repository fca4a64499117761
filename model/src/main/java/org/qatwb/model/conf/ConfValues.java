package org.qatwb.model.conf;

/**
 * What an edit may write: names, keys and values the driver reads back exactly as given.
 * Anything else is rejected with a message that says why, rather than written and misread.
 */
public final class ConfValues {

    private ConfValues() {
    }

    public static String checkSection(String name) {
        return checkWord("section name", name);
    }

    public static String checkKey(String key) {
        return checkWord("key", key);
    }

    public static String checkValue(String key, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("empty value for " + key + ": the driver ignores the line");
        }
        if (value.length() >= ConfGrammar.MAX_LENGTH) {
            throw new IllegalArgumentException("value for " + key + " is " + value.length()
                    + " characters: the driver allows at most " + (ConfGrammar.MAX_LENGTH - 1));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                throw new IllegalArgumentException("value '" + value + "' for " + key
                        + " contains a blank: the driver deletes spaces and keeps tabs");
            }
            if (c == '#') {
                throw new IllegalArgumentException("value '" + value + "' for " + key
                        + " contains '#': the driver cuts the value there");
            }
            if (c == '"') {
                throw new IllegalArgumentException("value '" + value + "' for " + key
                        + " contains a double quote, which the driver strips");
            }
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("value for " + key
                        + " contains a control or non-ASCII character at position " + (i + 1));
            }
        }
        return value;
    }

    private static String checkWord(String what, String word) {
        if (word == null || word.isEmpty()) {
            throw new IllegalArgumentException("empty " + what);
        }
        if (word.length() >= ConfGrammar.MAX_LENGTH) {
            throw new IllegalArgumentException(what + " '" + word.substring(0, 20) + "...' is "
                    + word.length() + " characters: the driver allows at most " + (ConfGrammar.MAX_LENGTH - 1));
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.';
            if (!ok) {
                throw new IllegalArgumentException(what + " '" + word
                        + "' may contain only letters, digits, '_', '-' and '.'");
            }
        }
        return word;
    }
}
