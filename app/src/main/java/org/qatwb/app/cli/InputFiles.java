package org.qatwb.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.qatwb.model.parse.Snippet;

/** Reads a command's input file, or stdin for {@code -}, with errors worded for the command line. */
final class InputFiles {

    /** Inputs larger than this are refused: no QAT output or conf file comes near it. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    private InputFiles() {
    }

    /** The bytes of a file, a pipe or stdin ({@code -}); one bounded read whatever it is. */
    static byte[] read(String name, InputStream stdin) {
        Path p = name.equals("-") ? null : path(name);
        if (p != null && Files.isDirectory(p)) {
            throw new CliException(ExitCodes.USAGE, Snippet.excerpt(name) + ": is a directory, expected a file");
        }
        try (InputStream in = p == null ? stdin : Files.newInputStream(p)) {
            byte[] data = in.readNBytes(MAX_BYTES + 1);
            if (data.length > MAX_BYTES) {
                throw new CliException(ExitCodes.INPUT, Snippet.excerpt(name) + ": larger than "
                        + (MAX_BYTES >> 20) + " MiB, not a QAT file");
            }
            return data;
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.USAGE, Snippet.excerpt(name) + ": no such file");
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, Snippet.excerpt(name) + ": cannot read: "
                    + Snippet.excerpt(String.valueOf(e.getMessage())), e);
        }
    }

    static String readText(String name, InputStream stdin) {
        return new String(read(name, stdin), StandardCharsets.UTF_8);
    }

    /** A path from the command line; a name the file system cannot hold is a usage error. */
    static Path path(String name) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new CliException(ExitCodes.USAGE, Snippet.excerpt(name) + ": not a valid path", e);
        }
    }
}
