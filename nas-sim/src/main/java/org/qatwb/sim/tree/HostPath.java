package org.qatwb.sim.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The exec PATH without this machine's copies of tools the simulator models whole (fio): a directory
 * of the PATH that holds one is replaced by a mirror of links to everything else in it, so that
 * {@code command -v fio} finds the stand-in where the profile has fio and nothing where it has none,
 * whatever is installed here. A PATH without such a tool is returned as it is.
 */
public final class HostPath {

    private HostPath() {
    }

    public static String without(String path, Path simBin, Path mirrors, Set<String> tools) {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String dir : path.split(":", -1)) {
            Path d = dir.isEmpty() ? null : Path.of(dir);
            boolean holds = d != null && !d.equals(simBin) && tools.stream().anyMatch(t -> Files.exists(d.resolve(t)));
            out.add(holds ? mirror(d, mirrors.resolve(Integer.toString(n++)), tools).toString() : dir);
        }
        return String.join(":", out);
    }

    private static Path mirror(Path dir, Path to, Set<String> tools) {
        try {
            if (Files.exists(to)) {
                TreeGenerator.deleteTree(to);
            }
            Files.createDirectories(to);
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path e : entries.toList()) {
                    String name = e.getFileName().toString();
                    if (!tools.contains(name)) {
                        Files.createSymbolicLink(to.resolve(name), e);
                    }
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mirror " + dir, e);
        }
    }
}
