package org.qatwb.model.bench;

/** The two passes of a benchmark, in the order they run. */
public enum BenchPass {
    QAT_ON("QAT on"),
    QAT_OFF("QAT off");

    private final String label;

    BenchPass(String label) {
        this.label = label;
    }

    /** "QAT on", "QAT off": how the CLI's text and the window name a pass. */
    public String label() {
        return label;
    }

    /** The JSON word: {@code on}, {@code off}. */
    public String wire() {
        return this == QAT_ON ? "on" : "off";
    }
}
