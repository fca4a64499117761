package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.qatwb.app.json.BoundedJson;

/**
 * Where a running {@code qatwb sim} leaves its endpoint, so that {@code --sim} on another command
 * finds it: {@code $XDG_RUNTIME_DIR/qatwb-sim/endpoint.json}, else a per-user directory in the
 * temporary directory. Holds paths and a port, never a secret (the key file is the simulator's own).
 *
 * <p>The endpoint names the key and the known_hosts file to trust, so whoever can write it can
 * send {@code --sim} to a NAS of their own. In a shared temporary directory anyone can create
 * {@code qatwb-sim-$USER} first; the directory is therefore used, for reading and for writing,
 * only when it is a real directory (not a link) of the current user that nobody else may write,
 * and the file only when it is a regular file of the current user.
 */
final class SimEndpointFile {

    /** The endpoint is a few short fields; the same bounds as every other JSON file from outside. */
    private static final ObjectMapper JSON = JsonMapper.builder(BoundedJson.factory(64 * 1024, 4, 4096)).build();
    private static final String NAME = "endpoint.json";

    private SimEndpointFile() {
    }

    static Path dir() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        return runtime != null && !runtime.isBlank() ? Path.of(runtime, "qatwb-sim")
                : Path.of(System.getProperty("java.io.tmpdir"), "qatwb-sim-" + System.getProperty("user.name"));
    }

    static Path path() {
        return dir().resolve(NAME);
    }

    static void write(ObjectNode endpoint) throws IOException {
        write(dir(), endpoint);
    }

    /** Writes into {@code dir}, creating it private, or refuses one that is not the user's alone. */
    static void write(Path dir, ObjectNode endpoint) throws IOException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            // someone made it before: maybe an earlier run, maybe not; checked below either way
        }
        unsafeDirectory(dir).ifPresent(why -> {
            throw new CliException(ExitCodes.INPUT, "cannot leave the endpoint for --sim in " + dir + ": " + why
                    + "; remove it (rm -r '" + dir + "') and start 'qatwb sim' again, or set XDG_RUNTIME_DIR");
        });
        Path tmp = Files.createTempFile(dir, "endpoint", ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(endpoint));
        Files.move(tmp, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void delete() {
        delete(dir());
    }

    static void delete(Path dir) {
        try {
            if (unsafeDirectory(dir).isEmpty()) {
                Files.deleteIfExists(dir.resolve(NAME));
            }
        } catch (IOException ignored) {
            // a stale file is harmless: the next --sim finds the port closed and says so
        }
    }

    static Optional<JsonNode> read() {
        return read(dir());
    }

    /**
     * The endpoint a simulator left in {@code dir}; empty when there is none. A directory or file
     * that someone else could have written is refused with one line (exit 3: not to be trusted).
     */
    static Optional<JsonNode> read(Path dir) {
        Path file = dir.resolve(NAME);
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            Optional<String> why = unsafeDirectory(dir).or(() -> unsafeFile(file));
            if (why.isPresent()) {
                throw new CliException(ExitCodes.UNREACHABLE, "not trusting the --sim endpoint in " + dir + ": "
                        + why.get() + ", so anyone could have written it; remove it (rm -r '" + dir
                        + "') and start 'qatwb sim' again, or give --host, --port, --identity and --known-hosts");
            }
            return Optional.of(JSON.readTree(Files.readString(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Why {@code dir} is not the user's own private directory, if it is not. */
    private static Optional<String> unsafeDirectory(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            return Optional.of("it is a symbolic link, not a directory of yours");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("it is not a directory");
        }
        Map<String, Object> a = Files.readAttributes(dir, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
        Optional<String> notMine = notMine(a);
        if (notMine.isPresent()) {
            return notMine.map(w -> "it " + w);
        }
        int mode = (Integer) a.get("mode");
        if ((mode & 022) == 0) {
            return Optional.empty();
        }
        return Optional.of("it is writable by " + ((mode & 002) != 0 ? "others" : "its group")
                + " (mode " + String.format("%04o", mode & 07777) + ")");
    }

    /** Why {@code file} is not the user's own regular file, if it exists and is not. */
    private static Optional<String> unsafeFile(Path file) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(NAME + " is not a regular file");
            }
            return notMine(Files.readAttributes(file, "unix:uid", LinkOption.NOFOLLOW_LINKS)).map(w -> NAME + " " + w);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(NAME + " cannot be examined (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Optional<String> notMine(Map<String, Object> attributes) {
        int owner = (Integer) attributes.get("uid");
        long me = CurrentUser.uid();
        return owner == me ? Optional.empty() : Optional.of("belongs to uid " + owner + ", not to you (uid " + me + ")");
    }
}
