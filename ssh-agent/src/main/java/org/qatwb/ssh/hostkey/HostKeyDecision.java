package org.qatwb.ssh.hostkey;

/** What the user decided about an unknown host key. */
public enum HostKeyDecision {
    /** Trust it for this session only; {@code known_hosts} is not changed. */
    ACCEPT_ONCE,
    /** Trust it and append it to {@code known_hosts}. */
    ACCEPT_AND_SAVE,
    /** Do not connect. */
    REFUSE
}
