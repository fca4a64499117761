package org.qatwb.model.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.qatwb.model.kstat.KstatEntry;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.NamedKstat;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * One pass's records as the worker left them in BD ({@code PASS.info}, {@code PASS.write},
 * {@code PASS.read}, their {@code .kstat0}/{@code .kstat1} before and after, the tool's
 * {@code .json} or {@code .tool} output), turned into the pass's figures.
 *
 * <p>QAT's share of each kind of work is what the QAT kstat (OpenZFS module/os/linux/zfs/qat.c,
 * qat_stats) counted over the phase, divided by what ZFS had to process: compression takes the
 * logical bytes written (comp_total_in_bytes), decompression gives back the logical bytes read
 * (decomp_total_out_bytes); checksums and encryption work on the compressed blocks (zio's write
 * pipeline compresses, then encrypts, then checksums), so those are divided by the physical bytes,
 * the logical ones over the compression ratio.
 */
public final class PassRecords {

    private final BenchPass pass;
    private final Map<String, String> files = new LinkedHashMap<>();

    public PassRecords(BenchPass pass) {
        this.pass = pass;
    }

    /** Keeps one record ({@code on.write}, {@code on.write.kstat0}...), its name without the pass. */
    public void put(String name, String text) {
        files.put(name, text);
    }

    public BenchRun run(boolean encrypt) {
        List<String> errors = new ArrayList<>();
        Map<String, String> info = new LinkedHashMap<>();
        ChecksumCheck checksum = ChecksumCheck.NOT_CHECKED;
        for (String line : text("info").lines().limit(256).toList()) {
            if (line.startsWith("error ")) {
                errors.add(Snippet.output(line.substring(6)));
            } else if (line.equals("checksum verified")) {
                checksum = ChecksumCheck.VERIFIED;
            } else if (line.equals("checksum mismatch")) {
                checksum = ChecksumCheck.MISMATCH;
                errors.add("what was read back is not what was written (sha256)");
            } else {
                int sp = line.indexOf(' ');
                if (sp > 0) {
                    info.putIfAbsent(line.substring(0, sp), line.substring(sp + 1));
                }
            }
        }
        Optional<PhaseRecord> write = record("write");
        Optional<PhaseRecord> read = record("read");
        OptionalDouble ratio = ratio(info.get("zfs_compressratio"));
        long failures = 0;
        Map<String, Double> share = new LinkedHashMap<>();
        Optional<Deltas> w = deltas("write", errors);
        Optional<Deltas> r = deltas("read", errors);
        long bytes = write.map(PhaseRecord::bytes).orElse(0L);
        double physical = ratio.isPresent() && ratio.getAsDouble() > 0 ? bytes / ratio.getAsDouble() : bytes;
        if (w.isPresent() && bytes > 0) {
            share(share, "compress", w.get().of("comp_total_in_bytes"), bytes);
            share(share, "checksum", w.get().of("cksum_total_in_bytes"), physical);
            if (encrypt) {
                share(share, "encrypt", w.get().of("encrypt_total_in_bytes"), physical);
            }
            failures += w.get().failures();
        }
        if (r.isPresent() && read.isPresent() && read.get().bytes() > 0) {
            share(share, "decompress", r.get().of("decomp_total_out_bytes"), read.get().bytes());
            if (encrypt) {
                share(share, "decrypt", r.get().of("decrypt_total_in_bytes"), physical);
            }
            failures += r.get().failures();
        }
        for (String phase : List.of("write", "read")) {
            Optional<PhaseRecord> rec = phase.equals("write") ? write : read;
            if (rec.isPresent() && rec.get().rc() != 0) {
                failures++;
                errors.add(phase + ": the tool failed (exit status " + rec.get().rc() + ")" + toolSays(phase));
            }
            if (files.containsKey(phase + ".json")) {
                try {
                    FioReport fio = FioReport.read(files.get(phase + ".json"));
                    if (fio.error() != 0 && (rec.isEmpty() || rec.get().rc() == 0)) {
                        failures++;
                        errors.add(phase + ": fio reports error " + fio.error());
                    }
                    OptionalLong moved = phase.equals("write") ? fio.writeBytes() : fio.readBytes();
                    if (moved.isPresent() && moved.getAsLong() < bytes && rec.isPresent() && rec.get().rc() == 0) {
                        errors.add(phase + ": fio moved " + moved.getAsLong() + " bytes, not " + bytes);
                    }
                } catch (ParseException e) {
                    errors.add(phase + ": " + Snippet.failure(e));
                }
            }
        }
        return new BenchRun(pass, write.map(PhaseRecord::mibPerSecond).orElse(OptionalDouble.empty()),
                read.map(PhaseRecord::mibPerSecond).orElse(OptionalDouble.empty()),
                write.map(PhaseRecord::cpuSecondsPerGiB).orElse(OptionalDouble.empty()),
                read.map(PhaseRecord::cpuSecondsPerGiB).orElse(OptionalDouble.empty()),
                share, ratio, failures, checksum, errors);
    }

    private String toolSays(String phase) {
        String said = text(phase + ".tool").strip();
        if (said.isEmpty()) {
            return "";
        }
        return ": " + Snippet.excerpt(said.lines().filter(l -> !l.isBlank()).findFirst().orElse(""));
    }

    private String text(String name) {
        return files.getOrDefault(name, "");
    }

    private Optional<PhaseRecord> record(String phase) {
        return files.containsKey(phase) ? Optional.of(PhaseRecord.read(files.get(phase))) : Optional.empty();
    }

    private static void share(Map<String, Double> share, String group, OptionalLong handled, double total) {
        if (handled.isPresent() && total > 0) {
            share.put(group, Math.max(0, Math.min(1, handled.getAsLong() / total)));
        }
    }

    private static OptionalDouble ratio(String s) {
        if (s == null) {
            return OptionalDouble.empty();
        }
        String t = s.strip();
        if (t.endsWith("x")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            double v = Double.parseDouble(t);
            return v >= 1 && v < 1e6 ? OptionalDouble.of(v) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** The kstat counters' growth over a phase; a counter that shrank (a module reload) has none. */
    private record Deltas(NamedKstat before, NamedKstat after) {
        OptionalLong of(String name) {
            Optional<KstatEntry> a = before.entry(name);
            Optional<KstatEntry> b = after.entry(name);
            if (a.isEmpty() || b.isEmpty()) {
                return OptionalLong.empty();
            }
            try {
                long d = Long.parseUnsignedLong(b.get().value()) - Long.parseUnsignedLong(a.get().value());
                return d >= 0 ? OptionalLong.of(d) : OptionalLong.empty();
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }

        long failures() {
            long n = 0;
            for (String f : List.of("dc_fails", "crypt_fails", "cksum_fails")) {
                n += of(f).orElse(0);
            }
            return n;
        }
    }

    private Optional<Deltas> deltas(String phase, List<String> errors) {
        String k0 = files.get(phase + ".kstat0");
        String k1 = files.get(phase + ".kstat1");
        if (k0 == null || k1 == null || k0.isBlank() || k1.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Deltas(KstatParser.parse(k0), KstatParser.parse(k1)));
        } catch (ParseException e) {
            errors.add(phase + ": the QAT kstat could not be read: " + Snippet.failure(e));
            return Optional.empty();
        }
    }
}
