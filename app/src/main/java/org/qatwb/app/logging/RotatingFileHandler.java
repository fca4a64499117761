package org.qatwb.app.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Appends records to {@code NAME.log} in the log directory and rotates it to {@code NAME.1.log} ...
 * {@code NAME.<count-1>.log} past {@code limit} bytes.
 *
 * <p>Not java.util.logging's FileHandler, for two reasons: its files get the process's umask
 * (usually readable by everyone) while a log that names hosts, users and key files must be the
 * owner's only (0600), and it opens its file when created, while a CLI command that logs nothing
 * (most offline ones) should not touch the disk at all: this handler opens the file at the first
 * record. Two processes appending to one file is safe line by line (append mode); the window and
 * the CLI write different files, so their rotations do not race.
 */
final class RotatingFileHandler extends Handler {

    private final Path dir;
    private final String name;
    private final long limit;
    private final int count;
    private OutputStream out;
    private long written;
    private boolean failing;

    RotatingFileHandler(Path dir, String name, long limit, int count) {
        if (limit < 1 || count < 1) {
            throw new IllegalArgumentException("limit and count must be positive");
        }
        this.dir = dir;
        this.name = name;
        this.limit = limit;
        this.count = count;
        setFormatter(new LineFormatter());
        // the default ErrorManager prints to stderr, which is the CLI's contract with its user: a log
        // that cannot be written is noted here instead (and the one-line messages stop naming it)
        setErrorManager(new ErrorManager() {
            @Override
            public synchronized void error(String msg, Exception ex, int code) {
                failing = true;
            }
        });
    }

    /** Whether writing the file failed (no space, no permission); then no message should send a user to it. */
    synchronized boolean failing() {
        return failing;
    }

    /** The file being written (or that the first record will create). */
    Path file() {
        return file(0);
    }

    private Path file(int generation) {
        return dir.resolve(generation == 0 ? name + ".log" : name + "." + generation + ".log");
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String text;
        try {
            text = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError(null, e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            if (out == null) {
                open();
            } else if (written > 0 && written + bytes.length > limit) {
                rotate();
            }
            out.write(bytes);
            out.flush(); // an administrator tails it, and a crash must not eat the last lines
            written += bytes.length;
        } catch (IOException e) {
            reportError(null, e, ErrorManager.WRITE_FAILURE);
        }
    }

    private void open() throws IOException {
        LogDir.create(dir);
        Path f = file();
        if (Files.notExists(f) && LogDir.posix()) {
            try {
                Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another qatwb made it first
            }
        }
        out = Files.newOutputStream(f, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        written = Files.size(f);
    }

    private void rotate() throws IOException {
        out.close();
        out = null;
        if (count == 1) {
            Files.deleteIfExists(file());
        } else {
            Files.deleteIfExists(file(count - 1));
            for (int g = count - 2; g >= 0; g--) {
                if (Files.exists(file(g))) {
                    Files.move(file(g), file(g + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        open();
    }

    @Override
    public synchronized void flush() {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                reportError(null, e, ErrorManager.FLUSH_FAILURE);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                reportError(null, e, ErrorManager.CLOSE_FAILURE);
            }
            out = null;
        }
    }
}
