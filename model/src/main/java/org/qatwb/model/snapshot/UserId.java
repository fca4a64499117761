package org.qatwb.model.snapshot;

import java.util.Objects;

/**
 * Who the agent ran as ({@code id -u}, {@code id -un}).
 *
 * @param uid  the numeric user id; 0 is root
 * @param name the user name
 */
public record UserId(long uid, String name) {

    public UserId {
        Objects.requireNonNull(name, "name");
    }

    public boolean root() {
        return uid == 0;
    }
}
