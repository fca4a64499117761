package org.qatwb.ssh.hostkey;

import java.util.List;

/** What a {@code known_hosts} file says about the key a host offers. */
public sealed interface KnownHostsVerdict {

    /** The key is on an ordinary line for this host. */
    record Known(KnownHostsEntry entry) implements KnownHostsVerdict {
    }

    /**
     * No line has this key for this host.
     *
     * @param otherTypes lines with keys of other types for this host (the server did not offer those)
     * @param certAuthorities {@code @cert-authority} lines that match the host, which qatwb ignores
     */
    record Unknown(List<KnownHostsEntry> otherTypes, List<KnownHostsEntry> certAuthorities)
            implements KnownHostsVerdict {
        public Unknown {
            otherTypes = List.copyOf(otherTypes);
            certAuthorities = List.copyOf(certAuthorities);
        }
    }

    /** A line has a different key of the same type for this host: the first such line. */
    record Changed(KnownHostsEntry conflicting) implements KnownHostsVerdict {
    }

    /** The key is on a {@code @revoked} line matching this host. */
    record Revoked(KnownHostsEntry entry) implements KnownHostsVerdict {
    }
}
