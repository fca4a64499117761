package org.qatwb.app.usecase;

/**
 * What a refusal for want of rights suggests: each front end names its own way to get them (the
 * CLI's {@code --sudo}, the window's per-connection setting); none where neither helps (the
 * simulator, where the user is root already).
 */
public enum SudoHint {
    CLI("connect as root, or use --sudo"),
    WINDOW("connect as root, or enable sudo for this connection"),
    NONE("");

    private final String advice;

    SudoHint(String advice) {
        this.advice = advice;
    }

    /** The advice, in a few words; empty for {@link #NONE}. */
    public String advice() {
        return advice;
    }

    /** {@code " (advice)"}, to end a line with; empty for {@link #NONE}. */
    public String suffix() {
        return advice.isEmpty() ? "" : " (" + advice + ")";
    }
}
