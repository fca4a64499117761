package org.qatwb.model.metrics;

/** Kstat text pieces for the tests. */
final class NasOutputsKstat {

    /** A kstat header and the column line, with no row: tests append theirs. */
    static final String WITH_HEADER = "19 1 0x01 17 4624 1645575508916183 3447141868397572\nname type data\n";

    private NasOutputsKstat() {
    }
}
