package org.qatwb.ssh.hostkey;

import java.nio.file.Path;

/** How the host key check of one connection ended. */
public sealed interface HostKeyOutcome {

    /** Whether the connection may proceed. */
    default boolean trusted() {
        return this instanceof Known || this instanceof AcceptedOnce || this instanceof Saved;
    }

    /** On an ordinary line of {@code knownHosts} ({@code line}), or accepted earlier in this session ({@code line} 0). */
    record Known(HostPublicKey key, Path knownHosts, int line) implements HostKeyOutcome {
    }

    /** Unknown, accepted by the user for this session only. */
    record AcceptedOnce(HostPublicKey key) implements HostKeyOutcome {
    }

    /**
     * Unknown, and appended to {@code knownHosts} at {@code line} (asked, or accept-new). A failed write
     * does not stop the connection, as with ssh: {@code line} is then 0 and {@code saveError} says why.
     */
    record Saved(HostPublicKey key, Path knownHosts, int line, String saveError) implements HostKeyOutcome {
    }

    /** Unknown and not accepted: refused by the user ({@code asked}), or nobody to ask and no accept-new. */
    record NotAccepted(UnknownHostKey key, boolean asked) implements HostKeyOutcome {
    }

    /** A different key of the same type is on {@code conflicting}'s line: never accepted. */
    record Changed(String name, HostPublicKey offered, Path knownHosts, KnownHostsEntry conflicting)
            implements HostKeyOutcome {
    }

    /** The key is {@code @revoked} in {@code knownHosts}: never accepted. */
    record Revoked(String name, HostPublicKey offered, Path knownHosts, KnownHostsEntry entry)
            implements HostKeyOutcome {
    }
}
