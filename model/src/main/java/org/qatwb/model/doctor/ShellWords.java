package org.qatwb.model.doctor;

/** Words for the commands a fix shows: a dataset name with a blank must still paste as one word. */
final class ShellWords {

    private ShellWords() {
    }

    /** {@code word} as is when it needs no quoting, else in POSIX single quotes. */
    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
