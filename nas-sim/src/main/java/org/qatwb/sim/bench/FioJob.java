package org.qatwb.sim.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One fio job from its command line: the subset the simulator models ({@code --name}, {@code --filename},
 * {@code --rw=read|write}, {@code --bs}, {@code --size}, {@code --ioengine=psync|sync|pvsync},
 * {@code --fallocate}, {@code --buffer_compress_percentage}, {@code --buffer_compress_chunk},
 * {@code --refill_buffers}, {@code --verify}, {@code --do_verify}, {@code --end_fsync},
 * {@code --output-format=json}, {@code --output}, {@code --numjobs=1}, {@code --iodepth=1},
 * {@code --direct=0}, {@code --group_reporting}, {@code --verify_state_save}). Options are {@code --opt=value} or
 * {@code --opt value}, as fio's getopt_long takes them. An option fio does not know is fio's
 * {@code fio: unrecognized option '--x'}; one it knows but the simulator does not model, or a value
 * outside the model, is refused in the simulator's words; both exit 1 (init.c {@code parse_cmd_line}).
 *
 * @param options the job's options as given, in order (for the JSON's "job options")
 */
public record FioJob(String name, String filename, boolean write, int blockSize, long size, int compressPercentage,
                     String verify, boolean doVerify, boolean endFsync, String output, Map<String, String> options) {

    /** fio's version string ({@code fio --version}); Debian 12 and TrueNAS SCALE 24.04 ship 3.33. */
    public static final String VERSION = "fio-3.33";

    private static final Set<String> FLAGS = Set.of("refill_buffers", "group_reporting", "thread");
    private static final Set<String> VALUED = Set.of("name", "filename", "rw", "readwrite", "bs", "blocksize", "size",
            "ioengine", "fallocate", "buffer_compress_percentage", "buffer_compress_chunk", "verify", "do_verify",
            "end_fsync", "output-format", "output", "numjobs", "iodepth", "direct", "verify_state_save");
    /** Options fio has that the simulator does not model (a few; anything else unknown is fio's "unrecognized"). */
    private static final Set<String> KNOWN_NOT_MODELLED = Set.of("runtime", "time_based", "rate", "randrepeat",
            "norandommap", "offset", "nrfiles", "directory", "verify_pattern", "verify_fatal", "verify_backlog",
            "invalidate", "fsync", "fdatasync", "sync", "buffered", "zero_buffers", "scramble_buffers",
            "dedupe_percentage", "rwmixread", "rwmixwrite", "startdelay", "ramp_time", "loops", "unlink", "create_only",
            "output-format=terse", "minimal", "eta", "status-interval", "section", "cpus_allowed", "gtod_reduce");

    /** An option without a value ({@code --refill_buffers}). */
    static boolean isFlag(String option) {
        return FLAGS.contains(option);
    }

    /** The job, or the one line fio (or the simulator) says when it refuses the command line. */
    public static Result parse(List<String> args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                return Result.error("qatwb-sim: fio job files are not simulated: " + a);
            }
            String body = a.substring(2);
            int eq = body.indexOf('=');
            String key = eq < 0 ? body : body.substring(0, eq);
            String value = eq < 0 ? null : body.substring(eq + 1);
            if (FLAGS.contains(key)) {
                opts.put(key, value == null ? "1" : value);
                continue;
            }
            if (!VALUED.contains(key)) {
                return Result.error(KNOWN_NOT_MODELLED.contains(key) ? "qatwb-sim: fio option --" + key + " is not simulated"
                        : "fio: unrecognized option '" + a + "'");
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    return Result.error("fio: option '--" + key + "' requires an argument");
                }
                value = args.get(++i);
            }
            opts.put(key.equals("readwrite") ? "rw" : key.equals("blocksize") ? "bs" : key, value);
        }
        if (!opts.containsKey("name")) {
            return Result.error("No job(s) defined");
        }
        String rw = opts.getOrDefault("rw", "read");
        if (!rw.equals("read") && !rw.equals("write")) {
            return Result.error("qatwb-sim: fio rw=" + rw + " is not simulated (read or write)");
        }
        Optional<String> bad = check(opts);
        if (bad.isPresent()) {
            return Result.error(bad.get());
        }
        long bs = size(opts.getOrDefault("bs", "4k"));
        long size = size(opts.getOrDefault("size", "0"));
        if (bs <= 0 || bs > (16L << 20) || size <= 0) {
            return Result.error("fio: failed parsing " + (bs <= 0 || bs > (16L << 20) ? "bs=" + opts.get("bs") : "size=" + opts.get("size")));
        }
        if (!opts.containsKey("filename")) {
            return Result.error("qatwb-sim: fio without --filename is not simulated");
        }
        String verify = opts.getOrDefault("verify", "0");
        if (!Set.of("0", "sha256", "crc32c", "crc32c-intel", "md5").contains(verify)) {
            return Result.error("qatwb-sim: fio verify=" + verify + " is not simulated");
        }
        return new Result(new FioJob(opts.get("name"), opts.get("filename"), rw.equals("write"), (int) bs, size,
                Integer.parseInt(opts.getOrDefault("buffer_compress_percentage", "0")), verify,
                !opts.getOrDefault("do_verify", "1").equals("0"), opts.getOrDefault("end_fsync", "0").equals("1"),
                opts.get("output"), opts), null);
    }

    private static Optional<String> check(Map<String, String> o) {
        String[][] allowed = {
            {"ioengine", "psync|sync|pvsync"},
            {"numjobs", "1"},
            {"iodepth", "1"},
            {"direct", "0"},
            {"output-format", "json"},
            {"do_verify", "0|1"},
            {"end_fsync", "0|1"},
            {"verify_state_save", "0|1"},
            {"refill_buffers", "0|1"},
            {"fallocate", "none|native|posix|keep|0|1"},
            {"buffer_compress_percentage", "[0-9]|[1-9][0-9]|100"},
            {"buffer_compress_chunk", "[0-9]+[kKmM]?"},
        };
        for (String[] a : allowed) {
            String v = o.get(a[0]);
            if (v != null && !v.matches(a[1])) {
                return Optional.of("qatwb-sim: fio " + a[0] + "=" + v + " is not simulated");
            }
        }
        return Optional.empty();
    }

    /** fio's sizes: a number with k, m, g, t (powers of 1024, fio's default kb_base), optional i and b. */
    static long size(String v) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,15})([kmgt]?)(i?b)?",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(v);
        if (!m.matches()) {
            return -1;
        }
        int shift = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
    }

    /** A job or why not. */
    public record Result(FioJob job, String error) {
        static Result error(String line) {
            return new Result(null, line);
        }
    }
}
