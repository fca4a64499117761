package org.qatwb.app.cli;

/** The exit codes of CLI.md: a public interface scripts depend on. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The input has problems: lint errors, unparseable input, an apply that was rolled back. */
    public static final int INPUT = 1;
    public static final int USAGE = 2;
    /** Cannot reach or trust the NAS. */
    public static final int UNREACHABLE = 3;
    /** An apply that could not be rolled back. */
    public static final int NEEDS_ATTENTION = 4;

    private ExitCodes() {
    }
}
