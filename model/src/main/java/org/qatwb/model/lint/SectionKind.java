package org.qatwb.model.lint;

/** What a section configures, which decides the rules its instances follow. */
public enum SectionKind {
    /** {@code [GENERAL]}: device-wide settings, no instances. */
    GENERAL,
    /** {@code [KERNEL]}: in-kernel Linux crypto users; not used by ZFS. */
    KERNEL,
    /** {@code [KERNEL_QAT]}: the kernel QAT API; the instances ZFS uses. */
    KERNEL_QAT,
    /** Any other name: a user-space process section ({@code [SSL]}, {@code [SHIM]}). */
    USER;

    public static final String GENERAL_NAME = "GENERAL";
    public static final String KERNEL_QAT_NAME = "KERNEL_QAT";

    public static SectionKind of(String name) {
        return switch (name) {
            case GENERAL_NAME -> GENERAL;
            case "KERNEL" -> KERNEL;
            case KERNEL_QAT_NAME -> KERNEL_QAT;
            default -> USER;
        };
    }

    public boolean kernel() {
        return this == KERNEL || this == KERNEL_QAT;
    }
}
