package org.qatwb.model.history;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes a window of an {@link OffloadHistory} as CSV: a header {@code time,<series ids>}, then
 * one row per sample with the time in ISO-8601 UTC to the millisecond
 * ({@code 2026-11-22T10:00:00.000Z}) and each value in plain decimal notation with a {@code .},
 * whatever the locale, with the digits that read back as the stored float; a gap is an empty cell. Lines end with
 * {@code \n}; a field holding a comma, a quote or a line break (a strange debugfs name) is quoted
 * as RFC 4180 says.
 */
public final class HistoryCsv {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private HistoryCsv() {
    }

    /** Every series the history holds, samples in [from, to). */
    public static void write(OffloadHistory history, long fromMillis, long toMillis, Writer out) throws IOException {
        write(history, history.series(), fromMillis, toMillis, out);
    }

    /** The given series, in that order, samples in [from, to). */
    public static void write(OffloadHistory history, List<? extends Series> series, long fromMillis, long toMillis,
                             Writer out) throws IOException {
        out.write("time");
        for (Series s : series) {
            out.write(',');
            out.write(field(s.id()));
        }
        out.write('\n');
        int hi = history.indexAtOrAfter(toMillis);
        for (int i = history.indexAtOrAfter(fromMillis); i < hi; i++) {
            out.write(TIME.format(Instant.ofEpochMilli(history.timeAt(i))));
            for (Series s : series) {
                out.write(',');
                out.write(number(history.valueAt(s, i)));
            }
            out.write('\n');
        }
    }

    /** {@code v} in the digits {@link Float#toString} gives, without an exponent; empty for NaN. */
    static String number(float v) {
        if (Float.isNaN(v)) return "";
        if (Float.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        return new BigDecimal(Float.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static String field(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
