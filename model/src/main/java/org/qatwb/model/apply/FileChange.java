package org.qatwb.model.apply;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One file an apply writes, as the user approved it in the diff.
 *
 * @param path   the absolute path on the NAS ({@code /etc/c6xxvf_dev0.conf}, {@code /etc/default/qat},
 *               {@code /etc/modprobe.d/blacklist-qat-vfs.conf})
 * @param before the bytes the snapshot read; empty for a file that does not exist yet. The NAS-side
 *               transaction refuses to write when the file changed since (someone else edited it)
 * @param after  the bytes to write
 */
public record FileChange(String path, Optional<byte[]> before, byte[] after) {

    public FileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (!path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
            throw new IllegalArgumentException("not an absolute, normalised path: " + path);
        }
        before = before.map(byte[]::clone);
        after = after.clone();
    }

    /** Whether the file's bytes change (a new file always does). */
    public boolean changes() {
        return before.map(b -> !Arrays.equals(b, after)).orElse(true);
    }

    @Override
    public byte[] after() {
        return after.clone();
    }

    @Override
    public Optional<byte[]> before() {
        return before.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileChange f && path.equals(f.path) && Arrays.equals(after, f.after)
                && before.isPresent() == f.before.isPresent()
                && (before.isEmpty() || Arrays.equals(before.get(), f.before.get()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(after), before.map(Arrays::hashCode).orElse(0));
    }

    @Override
    public String toString() {
        return "FileChange[" + path + (before.isEmpty() ? ", new" : "") + ", " + after.length + " bytes]";
    }
}
