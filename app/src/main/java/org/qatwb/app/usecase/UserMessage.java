package org.qatwb.app.usecase;

import java.util.Objects;
import org.qatwb.model.parse.Snippet;

/**
 * What a use case tells the user, worded once for both front ends: the CLI prints {@link #line()}
 * on stderr after {@code qatwb: }, the window shows {@link #title()} over it as a notice. The line
 * stands on its own (it names what it is about), since the CLI prints it without the title.
 *
 * @param level how it reads
 * @param title a few words, for the window's notice
 * @param line  one line: what happened and what to check (made safe for a terminal)
 */
public record UserMessage(Level level, String title, String line) {

    public enum Level {
        INFO,
        WARNING,
        ERROR
    }

    public UserMessage {
        Objects.requireNonNull(level, "level");
        title = Snippet.oneLine(Objects.requireNonNull(title, "title"));
        line = Snippet.oneLine(Objects.requireNonNull(line, "line"));
    }

    public static UserMessage info(String title, String line) {
        return new UserMessage(Level.INFO, title, line);
    }

    public static UserMessage warning(String title, String line) {
        return new UserMessage(Level.WARNING, title, line);
    }

    public static UserMessage error(String title, String line) {
        return new UserMessage(Level.ERROR, title, line);
    }

    /** Whether this says something went wrong or was not done (the CLI exits non-zero for it). */
    public boolean problem() {
        return level != Level.INFO;
    }
}
