package org.qatwb.ssh.hostkey;

/** The optional {@code @} marker at the start of a {@code known_hosts} line. */
public enum Marker {
    /** An ordinary host key line. */
    NONE,
    /** {@code @revoked}: this key must never be accepted for the matching hosts. */
    REVOKED,
    /** {@code @cert-authority}: a CA for host certificates; qatwb does not use host certificates. */
    CERT_AUTHORITY
}
