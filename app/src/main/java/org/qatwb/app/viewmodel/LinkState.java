package org.qatwb.app.viewmodel;

/** The connection of one NAS tab, as the status bar and the tab show it. */
public enum LinkState {
    CONNECTING,
    CONNECTED,
    /** The live stream lost the connection and is retrying with backoff. */
    RECONNECTING,
    /** Could not connect, or gave up: host key, authentication, unreachable. */
    FAILED,
    CLOSED
}
