package org.qatwb.ssh.config;

import java.util.List;
import java.util.Optional;

/**
 * What a configuration says about one host: for each keyword the first value obtained (OpenSSH's
 * rule), and every {@code IdentityFile} in the order read. Values are raw: tokens and {@code ~} are
 * expanded by {@link ConnectionSpec#resolve}.
 */
public record HostSettings(Optional<ConfigValue> hostName, Optional<ConfigValue> port, Optional<ConfigValue> user,
        List<ConfigValue> identityFiles) {

    public HostSettings {
        identityFiles = List.copyOf(identityFiles);
    }

    /** Nothing configured. */
    public static HostSettings none() {
        return new HostSettings(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }
}
