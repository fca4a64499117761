package org.qatwb.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a command's input file, or stdin for {@code -}, with errors worded for the command line. */
final class InputFiles {

    /** Inputs larger than this are refused: no QAT output or conf file comes near it. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private InputFiles() {
    }

    static byte[] read(String name, InputStream stdin) {
        try {
            if (name.equals("-")) {
                byte[] data = stdin.readNBytes((int) MAX_BYTES + 1);
                return checkSize(name, data.length, data);
            }
            Path p = Path.of(name);
            if (Files.isDirectory(p)) {
                throw new CliException(ExitCodes.USAGE, name + ": is a directory, expected a file");
            }
            long size = Files.size(p);
            checkSize(name, size, null);
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.USAGE, name + ": no such file");
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, name + ": cannot read: " + e.getMessage(), e);
        }
    }

    static String readText(String name, InputStream stdin) {
        return new String(read(name, stdin), StandardCharsets.UTF_8);
    }

    private static byte[] checkSize(String name, long size, byte[] data) {
        if (size > MAX_BYTES) {
            throw new CliException(ExitCodes.INPUT, name + ": larger than " + (MAX_BYTES >> 20) + " MiB, not a QAT file");
        }
        return data;
    }
}
