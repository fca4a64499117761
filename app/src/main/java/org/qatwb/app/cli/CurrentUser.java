package org.qatwb.app.cli;

import com.sun.security.auth.module.UnixSystem;

/** The uid this process runs as, to compare with a file's owner. */
final class CurrentUser {

    private CurrentUser() {
    }

    static long uid() {
        return new UnixSystem().getUid();
    }
}
