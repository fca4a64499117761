package org.qatwb.ssh;

/**
 * Where the SSH library's own log goes. {@link #NONE} by default. What arrives here is JSch's
 * protocol log (algorithms, authentication methods, channel events): it never includes passwords
 * or passphrases, which qatwb hands to JSch only through its authentication callbacks, never
 * through anything JSch logs.
 */
@FunctionalInterface
public interface SshLog {

    /** Drops everything. */
    SshLog NONE = (level, message) -> { };

    void log(System.Logger.Level level, String message);

    /** Whether anything at {@code level} is wanted; lets the library skip building messages. */
    default boolean enabled(System.Logger.Level level) {
        return this != NONE;
    }

    /** Forwards to a {@link System.Logger} (and so to whatever logging the application set up). */
    static SshLog to(System.Logger logger) {
        return new SshLog() {
            @Override
            public void log(System.Logger.Level level, String message) {
                logger.log(level, message);
            }

            @Override
            public boolean enabled(System.Logger.Level level) {
                return logger.isLoggable(level);
            }
        };
    }
}
