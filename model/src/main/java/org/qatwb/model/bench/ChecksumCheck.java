package org.qatwb.model.bench;

/** Whether what a pass read back is what it wrote (sha256). */
public enum ChecksumCheck {
    VERIFIED, MISMATCH, NOT_CHECKED;

    /** The JSON word: {@code verified}, {@code mismatch}, {@code not_checked}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
