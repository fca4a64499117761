package org.qatwb.model.doctor;

import java.util.Locale;

/** How a link of the chain stands. Only {@code FAIL} makes {@code qatwb doctor} exit 1. */
public enum CheckStatus {
    /** The link holds. */
    PASS,
    /** It holds, but something deserves a look (it may be deliberate, or could not be proved). */
    WARN,
    /** The link is broken: ZFS does not (or will not, after a reboot) use QAT as configured. */
    FAIL,
    /** Not checked: it does not apply here, or a link it depends on failed. */
    SKIP;

    /** How bad it is, to pick the worst of several verdicts: skip, pass, warn, fail. */
    int rank() {
        return switch (this) {
            case FAIL -> 3;
            case WARN -> 2;
            case PASS -> 1;
            case SKIP -> 0;
        };
    }

    /** The lower-case word of CLI.md ({@code "pass"}). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
