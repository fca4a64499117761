package org.qatwb.model.apply;

/** Which files of an earlier transaction a restore puts back. */
public enum RestorePoint {
    /** The files as they were before it: its backups (undo it). */
    BEFORE("before"),
    /** The files it wrote (go back to it). */
    AFTER("after");

    private final String wire;

    RestorePoint(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
