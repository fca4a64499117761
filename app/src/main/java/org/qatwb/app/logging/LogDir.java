package org.qatwb.app.logging;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where the workbench writes its log: {@code $XDG_STATE_HOME/qatwb}, else
 * {@code ~/.local/state/qatwb} (the XDG Base Directory specification puts logs in the state
 * directory: data that outlives a run but is not worth a backup). A relative
 * {@code XDG_STATE_HOME} is invalid by that specification and ignored.
 */
public final class LogDir {

    private LogDir() {
    }

    public static Path of(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local/state");
        return base.resolve("qatwb");
    }

    /** This user's directory. */
    public static Path user() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * Creates {@code dir} (and its parents) if needed; the directory itself only its owner may
     * enter (0700), since a log names hosts, users and key files.
     */
    static void create(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.getParent());
        if (posix()) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another qatwb made it first: the same directory
            }
        } else {
            Files.createDirectories(dir);
        }
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
