package org.qatwb.model.parse;

/**
 * The one error every parser in {@code model} raises for input it cannot make sense of.
 *
 * <p>Its message is a single line meant for an administrator: what is wrong and where
 * ("line 7: ..."). Parsers never let any other exception escape for bad input; property
 * tests hold them to that.
 */
public final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    /** @param line 1-based line the problem is on, or 0 when it concerns the input as a whole */
    public ParseException(int line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    /** 1-based line of the problem, or 0 when it concerns the input as a whole. */
    public int line() {
        return line;
    }
}
