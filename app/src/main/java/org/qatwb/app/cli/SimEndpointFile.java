package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where a running {@code qatwb sim} leaves its endpoint, so that {@code --sim} on another command
 * finds it: {@code $XDG_RUNTIME_DIR/qatwb-sim/endpoint.json}, else a per-user directory in the
 * temporary directory. Holds paths and a port, never a secret (the key file is the simulator's own).
 */
final class SimEndpointFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimEndpointFile() {
    }

    static Path path() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path dir = runtime != null && !runtime.isBlank() ? Path.of(runtime, "qatwb-sim")
                : Path.of(System.getProperty("java.io.tmpdir"), "qatwb-sim-" + System.getProperty("user.name"));
        return dir.resolve("endpoint.json");
    }

    static void write(ObjectNode endpoint) throws IOException {
        Path file = path();
        Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path tmp = Files.createTempFile(file.getParent(), "endpoint", ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(endpoint));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void delete() {
        try {
            Files.deleteIfExists(path());
        } catch (IOException ignored) {
            // a stale file is harmless: the next --sim finds the port closed and says so
        }
    }

    static Optional<JsonNode> read() {
        try {
            return Optional.of(JSON.readTree(Files.readString(path())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
