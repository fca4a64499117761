package org.qatwb.model.bench;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.qatwb.model.json.Json;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * The few fields of fio's {@code --output-format=json} the benchmark reads, from the first job
 * (stat.c show_thread_status_json: "jobs" with "error", and per direction "read"/"write" objects
 * with "io_bytes", written by add_ddir_status_json).
 *
 * @param version   "fio version", e.g. fio-3.33
 * @param error     the job's error number (0: none; a verify failure is EILSEQ, 84)
 * @param readBytes bytes the job read
 * @param writeBytes bytes the job wrote
 */
public record FioReport(String version, long error, OptionalLong readBytes, OptionalLong writeBytes) {

    /** fio's JSON for one job is a few hundred values; a file larger than this is not fio's. */
    public static final int MAX_CHARS = 1 << 20;

    public static FioReport read(String text) throws ParseException {
        if (text.length() > MAX_CHARS) {
            throw new ParseException(0, "fio's JSON: more than " + MAX_CHARS + " characters");
        }
        // fio prints notes before the JSON when something is off ("fio: ..."); the document starts at its brace
        int brace = text.indexOf('{');
        if (brace < 0) {
            throw new ParseException(0, "fio's output holds no JSON: " + Snippet.quote(text.strip()));
        }
        Object doc = Json.parse(text.substring(brace));
        if (!(doc instanceof Map<?, ?> top)) {
            throw new ParseException(0, "fio's JSON is not an object");
        }
        String version = top.get("fio version") instanceof String s ? Snippet.excerpt(s) : "fio";
        if (!(top.get("jobs") instanceof List<?> jobs) || jobs.isEmpty() || !(jobs.get(0) instanceof Map<?, ?> job)) {
            throw new ParseException(0, "fio's JSON has no job");
        }
        long error = job.get("error") instanceof Long l ? l : 0;
        return new FioReport(version, error, ioBytes(job.get("read")), ioBytes(job.get("write")));
    }

    private static OptionalLong ioBytes(Object dir) {
        if (dir instanceof Map<?, ?> m && m.get("io_bytes") instanceof Long l && l >= 0) {
            return OptionalLong.of(l);
        }
        return OptionalLong.empty();
    }
}
