package org.qatwb.model.etc;

import java.util.Objects;

/**
 * A modprobe.d line that keeps a module from loading.
 *
 * @param module    the module, with {@code -} turned into {@code _} as modprobe does
 * @param directive {@code blacklist} (blocks loading by alias, i.e. udev autoloading when VFs
 *                  appear) or {@code install} (replaces loading with a command that does not load it)
 * @param line      1-based line of the directive
 */
public record BlacklistEntry(String module, String directive, int line) {

    public BlacklistEntry {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(directive, "directive");
    }
}
