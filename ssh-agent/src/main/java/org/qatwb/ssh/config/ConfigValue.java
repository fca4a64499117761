package org.qatwb.ssh.config;

import java.nio.file.Path;

/** A value as written in a configuration file (before token expansion), with where it was written. */
public record ConfigValue(String value, Path file, int line) {

    /** {@code file:line}, for messages. */
    public String origin() {
        return file + ":" + line;
    }
}
