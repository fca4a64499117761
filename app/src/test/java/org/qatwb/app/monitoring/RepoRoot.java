package org.qatwb.app.monitoring;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, found from the test's working directory (the module, app/) upward. */
final class RepoRoot {

    private RepoRoot() {
    }

    /** The nearest directory at or above the module that holds the parent pom and {@code monitoring/}. */
    static Path find() {
        Path start = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("monitoring"))) {
                return d;
            }
        }
        return fail("no directory with pom.xml and monitoring/ at or above " + start);
    }
}
