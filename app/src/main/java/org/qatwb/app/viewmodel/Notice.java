package org.qatwb.app.viewmodel;

import java.util.Objects;
import org.qatwb.app.usecase.UserMessage;

/**
 * Something the user should see as a notification: a failure, a refusal, a done change.
 *
 * @param level   how it reads
 * @param title   a few words
 * @param message one or two sentences: what happened and what to check
 */
public record Notice(Level level, String title, String message) {

    public enum Level {
        INFO,
        WARNING,
        ERROR
    }

    /** A use case's message, as the window shows it. */
    public static Notice of(UserMessage m) {
        return new Notice(Level.valueOf(m.level().name()), m.title(), m.line());
    }

    public Notice {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
    }
}
