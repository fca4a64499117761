package org.qatwb.sim.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a concurrent reader ({@code cat} in a stand-in, the agent) sees either the
 * old or the new content, never half of it: a temporary file beside it, then a rename.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            // dot-named, so that a glob over the directory (qat_*, *_dev*.conf) never sees it
            Path tmp = file.resolveSibling("." + file.getFileName() + ".sim-tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
