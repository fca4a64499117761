package org.qatwb.app.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import org.qatwb.model.parse.Snippet;

/**
 * One line per record: UTC time, level, thread, logger, message; then the failure's trace, if any.
 * The message is made one line ({@link Snippet#oneLine}): messages quote what a NAS answered, and a
 * NAS that prints a newline must not be able to write a line of its own into the log.
 */
final class LineFormatter extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord r) {
        StringBuilder b = new StringBuilder(160);
        b.append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ')
                .append(String.format("%-5s", LogLevels.word(r.getLevel()))).append(" [")
                .append(Snippet.oneLine(Thread.currentThread().getName())).append("] ")
                .append(shortName(r.getLoggerName())).append(": ")
                .append(Snippet.oneLine(String.valueOf(formatMessage(r)))).append('\n');
        if (r.getThrown() != null) {
            StringWriter trace = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(trace));
            b.append(trace);
        }
        return b.toString();
    }

    /** {@code org.qatwb.ssh.NasSession} as {@code ssh.NasSession}: the project's prefix says nothing. */
    private static String shortName(String logger) {
        if (logger == null || logger.isEmpty()) {
            return "root";
        }
        return logger.startsWith("org.qatwb.") ? logger.substring("org.qatwb.".length()) : logger;
    }
}
