package org.qatwb.app.workbench;

/** How a status reads at a glance; the view turns it into a colour and a glyph. */
public enum Tone {
    GOOD,
    WARN,
    BAD,
    NEUTRAL
}
