package org.qatwb.ssh.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * glob(3) as {@code Include} uses it: {@code *}, {@code ?} and {@code [...]} in any path component,
 * a leading dot matched only explicitly, matches in lexical order, no match meaning no file (not an
 * error: OpenSSH ignores an {@code Include} that matches nothing).
 */
final class IncludeGlob {

    private IncludeGlob() {
    }

    static List<Path> expand(Path pattern) throws IOException {
        Path root = pattern.getRoot();
        List<Path> current = new ArrayList<>();
        current.add(root == null ? Path.of("") : root);
        for (Path part : pattern) {
            String name = part.toString();
            List<Path> next = new ArrayList<>();
            if (!hasGlob(name)) {
                for (Path dir : current) {
                    next.add(dir.resolve(name));
                }
            } else {
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
                for (Path dir : current) {
                    if (!Files.isDirectory(dir)) {
                        continue;
                    }
                    List<Path> found = new ArrayList<>();
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                        for (Path e : entries) {
                            String n = e.getFileName().toString();
                            if (n.startsWith(".") && !name.startsWith(".")) {
                                continue;
                            }
                            if (matcher.matches(Path.of(n))) {
                                found.add(e);
                            }
                        }
                    }
                    found.sort(null);
                    next.addAll(found);
                }
            }
            current = next;
        }
        List<Path> files = new ArrayList<>();
        for (Path p : current) {
            if (Files.isRegularFile(p)) {
                files.add(p);
            }
        }
        return files;
    }

    private static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }
}
