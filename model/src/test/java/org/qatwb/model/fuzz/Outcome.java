package org.qatwb.model.fuzz;

/** What one hostile input did to a reader. */
public sealed interface Outcome {

    /** A result whose messages are all clean. */
    record Result(long allocated) implements Outcome {
    }

    /** The reader's documented refusal, with a clean one-line message. */
    record Refusal(long allocated) implements Outcome {
    }

    /**
     * Something the reader must never do.
     *
     * @param key    what makes two findings the same: the kind and the exception's class and place,
     *               or the kind of character
     * @param detail the whole story, safe to print
     */
    record Finding(Kind kind, String key, String detail, Throwable cause) implements Outcome {
    }

    enum Kind {
        /** An exception the reader does not document (a bug of ours, or an Error). */
        FOREIGN_EXCEPTION,
        /** A message (of a refusal or a warning) that is null, empty, or holds a control character. */
        UNSAFE_MESSAGE,
        /** More allocated than the bound in proportion to the input. */
        OVER_ALLOCATION
    }
}
