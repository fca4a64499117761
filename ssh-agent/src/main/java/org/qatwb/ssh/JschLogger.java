package org.qatwb.ssh;

import com.jcraft.jsch.Logger;

/** JSch's log, routed to an {@link SshLog} ({@link SshLog#NONE} unless the application asks). */
final class JschLogger implements Logger {

    private final SshLog log;

    JschLogger(SshLog log) {
        this.log = log;
    }

    private static System.Logger.Level level(int jschLevel) {
        return switch (jschLevel) {
            case DEBUG -> System.Logger.Level.DEBUG;
            case INFO -> System.Logger.Level.INFO;
            case WARN -> System.Logger.Level.WARNING;
            default -> System.Logger.Level.ERROR;
        };
    }

    @Override
    public boolean isEnabled(int level) {
        return log.enabled(level(level));
    }

    @Override
    public void log(int level, String message) {
        log.log(level(level), message);
    }
}
