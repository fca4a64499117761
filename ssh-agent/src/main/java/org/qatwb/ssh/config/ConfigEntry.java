package org.qatwb.ssh.config;

import java.nio.file.Path;
import java.util.List;

/**
 * One keyword line, flattened out of its file and the {@code Include}s that led to it. It applies
 * to a host when every enclosing block does (the block in its own file and the blocks around each
 * {@code Include} on the way), which is how OpenSSH evaluates included files.
 */
record ConfigEntry(String keyword, List<String> args, Path file, int line, List<BlockCondition> conditions) {

    ConfigEntry {
        args = List.copyOf(args);
        conditions = List.copyOf(conditions);
    }

    boolean appliesTo(String host) {
        for (BlockCondition c : conditions) {
            if (!c.matches(host)) {
                return false;
            }
        }
        return true;
    }

    ConfigValue firstArg() {
        return new ConfigValue(args.get(0), file, line);
    }
}
