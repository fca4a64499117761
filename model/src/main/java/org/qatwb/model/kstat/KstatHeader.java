package org.qatwb.model.kstat;

import java.util.Objects;

/**
 * Line 1 of an SPL kstat file: {@code kid type flags ndata datasize crtime snaptime}.
 *
 * <p>SPL prints it with {@code "%d %d 0x%02x %d %d %lld %lld"} (OpenZFS
 * module/os/linux/spl/spl-kstat.c, {@code kstat_seq_show_headers}). {@code kid} is a running
 * id that differs between boots and machines, so nothing should key on it.
 *
 * @param kid      unique kstat id
 * @param type     kstat type; 1 is named (the only one {@link KstatParser} accepts)
 * @param flags    the flags as printed, e.g. {@code 0x01} (virtual)
 * @param ndata    number of rows the kernel announces; a capture with fewer rows was cut
 * @param datasize size of the data section in bytes
 * @param crtime   creation time, nanoseconds of the kernel's monotonic clock
 * @param snaptime time of this read, same clock
 */
public record KstatHeader(long kid, int type, String flags, long ndata, long datasize, long crtime, long snaptime) {

    /** {@code KSTAT_TYPE_NAMED}: name/value rows. */
    public static final int TYPE_NAMED = 1;

    public KstatHeader {
        Objects.requireNonNull(flags, "flags");
    }

    /** Whether this is a named kstat (type 1), the only kind with {@code name type data} rows. */
    public boolean named() {
        return type == TYPE_NAMED;
    }

    /** SPL's name for a kstat type ({@code KSTAT_TYPE_*} in sys/kstat.h), or {@code "unknown"}. */
    public static String typeName(long type) {
        if (type == 0) return "raw";
        if (type == 1) return "named";
        if (type == 2) return "intr";
        if (type == 3) return "io";
        if (type == 4) return "timer";
        return "unknown";
    }
}
