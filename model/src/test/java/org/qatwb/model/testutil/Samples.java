package org.qatwb.model.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The public sample corpus beside the checkout ({@code ../shared/samples}), when it is there. */
public final class Samples {

    private Samples() {
    }

    /** The corpus root, from the build's {@code qatwb.samples} property. */
    public static Path root() {
        return Path.of(System.getProperty("qatwb.samples", "../../shared/samples"));
    }

    public static boolean present() {
        return Files.isDirectory(root());
    }

    /** Every file of a corpus folder, sorted; skips the calling test when the corpus is absent. */
    public static List<Path> files(String folder) {
        Path dir = root().resolve(folder);
        Assumptions.assumeTrue(Files.isDirectory(dir), "sample corpus not present at " + dir);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
