package org.qatwb.model.bench;

/** What moves the data on the NAS: fio when it is installed, else dd with a generated pattern. */
public enum BenchTool {
    FIO, DD;

    /** The JSON word: {@code fio}, {@code dd}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
