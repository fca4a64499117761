package org.qatwb.model.layout;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a PF or VF is for, read from where its instances are (DOMAIN.md sections 2 and 4). */
public enum Role {
    /** Instances only in {@code [KERNEL_QAT]}: the kernel QAT API, which ZFS uses. */
    ZFS,
    /** Instances only in user-space process sections ({@code [SSL]}, {@code [SHIM]}). */
    USER,
    /** No instances: a PF that only hosts its VFs, or a function nobody uses. */
    UNUSED,
    /**
     * Instances in {@code [KERNEL]} (Linux's in-kernel crypto) or in more than one kind of section
     * (a PF serving ZFS and a user process): kept as read, never chosen by an edit.
     */
    OTHER;

    /** The lower-case word used in JSON ({@code "zfs"}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
