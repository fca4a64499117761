package org.qatwb.sim.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.qatwb.sim.request.Response;

/**
 * The modelled {@code fio} and the model behind the {@code dd} stand-in: jobs that take simulated
 * time. A stand-in asks for a job ({@code fio ID CWD ARGS...}, {@code dd ID OP FILE BYTES ERRFILE}) and
 * waits for it on its FIFO {@code job-ID.fifo} (see {@code sim_job} in sim.sh); the job runs on its own
 * thread, never on the request watcher's, so other requests are answered meanwhile. When it ends it
 * writes {@code job-ID.out}, {@code job-ID.err} and then its exit status into the FIFO.
 *
 * <p>fio writes and reads real bytes in the dataset's directory (fio's buffers and verify headers,
 * {@link FioData}), measures what they compress to ({@link Compressibility}) and asks the performance
 * model how long it takes ({@link PerfModel}); on the real-time clock it writes at that pace, on the
 * driven clock it moves the clock on. {@code job-stop ID} (the stand-in got INT, TERM or HUP) ends a job
 * where it is, as fio stops on a signal.
 */
public final class BenchTools {

    private final BenchHost host;
    private final Path requests;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    /** The patterns of the files fio wrote last (a few: 8 MiB each), so that reading them back costs a compare. */
    private final Map<Path, FioData.Patterns> written = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(4, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Path, FioData.Patterns> eldest) {
                    return size() > 4;
                }
            });

    public BenchTools(BenchHost host, Path requests) {
        this.host = host;
        this.requests = requests;
    }

    /** The requests it answers: {@code fio}, {@code dd-source}, {@code dd}, {@code job-stop}. */
    public static boolean answers(String tool) {
        return List.of("fio", "dd-source", "dd", "job-stop").contains(tool);
    }

    public Response handle(String tool, List<String> args) {
        return switch (tool) {
            case "fio" -> fio(args);
            case "dd-source" -> ddSource(args);
            case "dd" -> dd(args);
            default -> stop(args);
        };
    }

    /** Every job stops where it is (the machine goes down). */
    public void stopAll() {
        running.values().forEach(s -> s.set(true));
    }

    private Response stop(List<String> args) {
        AtomicBoolean stop = args.size() == 1 ? running.get(args.get(0)) : null;
        if (stop != null) {
            stop.set(true);
        }
        return Response.ok("");
    }

    private Response fio(List<String> args) {
        if (args.size() < 2 || !args.get(0).matches("[0-9]{1,10}")) {
            return Response.fail("qatwb-sim: fio request without its id\n", 70);
        }
        String id = args.get(0);
        Path cwd = Path.of(args.get(1));
        FioJob.Result parsed = FioJob.parse(args.subList(2, args.size()));
        if (parsed.error() != null) {
            return Response.fail(parsed.error() + "\n", 1);
        }
        FioJob job = parsed.job();
        Path file = cwd.resolve(job.filename()).normalize();
        Optional<BenchHost.Target> target = host.datasetOf(file);
        if (target.isEmpty()) {
            return Response.fail("qatwb-sim: fio runs here only on files in a dataset made with zfs create: " + file + "\n", 1);
        }
        if (!job.write() && (!Files.isRegularFile(file) || size(file) < job.size())) {
            return Response.fail("qatwb-sim: fio reads only a file written before (laying it out is not simulated): "
                    + file + "\n", 1);
        }
        Path output = job.output() == null ? null : cwd.resolve(job.output());
        AtomicBoolean stop = new AtomicBoolean();
        running.put(id, stop);
        start(id, () -> runFio(job, file, output, target.get(), stop, cwd));
        return Response.ok("");
    }

    /** Runs one job on its thread and reports to the stand-in's FIFO; a failure of the simulator is exit 70. */
    private void start(String id, java.util.function.Supplier<Response> work) {
        Thread t = new Thread(() -> {
            Response r;
            try {
                r = work.get();
            } catch (RuntimeException e) {
                r = Response.fail("qatwb-sim: " + e + "\n", 70);
            }
            running.remove(id);
            finish(id, r);
        }, "qatwb-sim-job-" + id);
        t.setDaemon(true);
        t.start();
    }

    private void finish(String id, Response r) {
        try {
            Files.writeString(requests.resolve("job-" + id + ".out"), r.stdout(), StandardCharsets.UTF_8);
            Files.writeString(requests.resolve("job-" + id + ".err"), r.stderr(), StandardCharsets.UTF_8);
            Path fifo = requests.resolve("job-" + id + ".fifo");
            if (Files.exists(fifo)) {
                try (RandomAccessFile f = new RandomAccessFile(fifo.toFile(), "rw")) {
                    f.write((r.rc() + "\n").getBytes(StandardCharsets.US_ASCII));
                }
            }
        } catch (IOException e) {
            // the stand-in and its files are gone (a reboot): nobody to tell
        }
    }

    private Response runFio(FioJob job, Path file, Path output, BenchHost.Target t, AtomicBoolean stop, Path cwd) {
        long seed = file.hashCode() * 31L + job.size();
        int bs = job.blockSize();
        long blocks = (job.size() + bs - 1) / bs;
        boolean verifying = !job.verify().equals("0");
        // a read checks against the patterns the file was written with, when this simulator wrote it
        FioData.Patterns patterns = job.write() ? new FioData.Patterns(seed, bs, job.compressPercentage(), verifying)
                : written.getOrDefault(file, new FioData.Patterns(seed, bs, job.compressPercentage(), verifying));
        if (job.write()) {
            written.put(file, patterns);
        }
        PerfModel.Op op = job.write() ? PerfModel.Op.WRITE : PerfModel.Op.READ;
        double ratio;
        if (job.write()) {
            ratio = sampledRatio(patterns, blocks, bs, job, PerfModel.zlibLevel(t.dataset(), t.offloaded()));
            host.recordRatio(t.name(), ratio);
        } else {
            ratio = t.dataset().compressRatio();
        }
        PerfModel.Cost cost = PerfModel.cost(op, job.size(), ratio, t.dataset(), t.offloaded(),
                PerfModel.ToolCost.fio(op, job.compressPercentage(), job.verify(), job.doVerify()), host.profile());
        long startWall = System.nanoTime();
        StringBuilder err = new StringBuilder();
        int error = 0;
        long done = 0;
        boolean corrupt = !job.write() && host.takeCorruptRead();
        try (FileChannel ch = FileChannel.open(file, job.write()
                ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE}
                : new StandardOpenOption[] {StandardOpenOption.READ})) {
            byte[] buf = new byte[bs];
            for (long i = 0; i < blocks && !stop.get(); i++) {
                int len = (int) Math.min(bs, job.size() - i * bs);
                long offset = i * bs;
                if (job.write()) {
                    ch.write(ByteBuffer.wrap(patterns.block(i, len, offset)), offset);
                } else {
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, len);
                    while (bb.hasRemaining() && ch.read(bb, offset + bb.position()) > 0) {
                        // until the block is read
                    }
                    if (corrupt && i == blocks / 2) {
                        buf[len / 2] ^= 0x5a; // what a faulty decompression hands back: one byte wrong
                    }
                    if (verifying && job.doVerify()) {
                        String why = patterns.check(buf, len, i, offset, file.toString());
                        if (why != null) {
                            err.append(why);
                            error = 84; // EILSEQ, as fio's verify failure sets it
                            done += len;
                            if (host.realTime()) {
                                progress(t, op, len, cost, job.size());
                            }
                            break;
                        }
                    }
                }
                done += len;
                if (host.realTime()) {
                    // the work is accounted as it is done, at the model's pace (or later, when this machine is slower)
                    progress(t, op, len, cost, job.size());
                    pace(startWall, cost.seconds() * (i + 1) / blocks);
                }
            }
            if (job.write() && job.endFsync()) {
                ch.force(true);
            }
        } catch (IOException e) {
            return Response.fail("fio: " + file + ": " + e.getMessage() + "\n", 1);
        }
        double fraction = (double) done / job.size();
        PerfModel.Cost did = new PerfModel.Cost(cost.seconds() * fraction, cost.userCpu() * fraction,
                cost.systemCpu() * fraction, cost.iowait() * fraction);
        double seconds = did.seconds();
        if (host.realTime()) {
            seconds = Math.max(seconds, (System.nanoTime() - startWall) / 1e9); // fio reports the time it took
        } else {
            host.startWork(t.name(), op, done, did);
        }
        if (stop.get()) {
            err.append("fio: terminating on signal 15\n");
        }
        if (error != 0) {
            err.append("fio: pid=").append(ProcessHandle.current().pid())
                    .append(", err=84/file:io_u.c:2250, func=io_u_queued_complete, error=Invalid or incomplete multibyte or wide character\n");
        }
        if (job.write() && verifying && !"0".equals(job.options().get("verify_state_save"))) {
            saveVerifyState(cwd, job, done);
        }
        long runtimeMs = Math.max(1, Math.round(seconds * 1000));
        FioJson.Outcome outcome = new FioJson.Outcome(job, done, (done + bs - 1) / bs, runtimeMs,
                did.userCpu(), done / PerfModel.COPY_BPS, error, System.currentTimeMillis());
        String json = FioJson.render(outcome);
        String stdout = json;
        if (output != null) {
            try {
                Files.writeString(output, json, StandardCharsets.UTF_8);
                stdout = "";
            } catch (IOException e) {
                return Response.fail("fio: failed to open output " + output + ": " + e.getMessage() + "\n", 1);
            }
        }
        return new Response(stdout, err.toString(), error != 0 ? 1 : 0);
    }

    /**
     * fio saves a write job's verify state when the job ends (backend.c, {@code verify_state_save},
     * default on) as {@code local-NAME-0-verify.state} in its working directory (verify.c
     * {@code verify_state_gen_name}); here a small stand-in for its binary contents.
     */
    private static void saveVerifyState(Path cwd, FioJob job, long done) {
        if (job.name().contains("/")) {
            return; // no such file can be made; fio only warns
        }
        try {
            Files.writeString(cwd.resolve("local-" + job.name() + "-0-verify.state"),
                    "qatwb-sim fio verify state: " + done + " bytes written\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // fio only warns when it cannot save it
        }
    }

    /** The ratio of the job's blocks (a sample of its patterns), as ZFS would store them at {@code level}. */
    private static double sampledRatio(FioData.Patterns patterns, long blocks, int bs, FioJob job, int level) {
        int n = (int) Math.min(Compressibility.SAMPLES, blocks);
        long logical = 0;
        long physical = 0;
        for (int i = 0; i < n; i++) {
            int len = (int) Math.min(bs, job.size() - (long) i * bs);
            byte[] b = patterns.block(i, len, (long) i * bs);
            logical += len;
            physical += Compressibility.physicalSize(b, len, level);
        }
        return (double) logical / physical;
    }

    /** {@code bytes} of a phase whose whole is {@code total} bytes costing {@code cost}: done now (the real-time clock). */
    private void progress(BenchHost.Target t, PerfModel.Op op, long bytes, PerfModel.Cost cost, long total) {
        double f = (double) bytes / total;
        host.progress(t.name(), op, bytes, cost.userCpu() * f, cost.systemCpu() * f, cost.iowait() * f);
    }

    /**
     * The dd stand-in's read source for {@code FILE}: the file itself, or with the corrupt-read fault
     * armed a copy with one byte changed (what a faulty decompression would hand back), which the
     * stand-in reads instead and deletes.
     */
    private Response ddSource(List<String> args) {
        if (args.size() != 2) {
            return Response.fail("qatwb-sim: dd-source ID FILE\n", 70);
        }
        Path file = Path.of(args.get(1));
        if (host.datasetOf(file).isEmpty() || !Files.isRegularFile(file) || !host.takeCorruptRead()) {
            return Response.ok(file + "\n");
        }
        Path copy = requests.resolve("job-" + args.get(0) + ".corrupt");
        try {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
                long at = f.length() / 2;
                f.seek(at);
                int b = f.read();
                f.seek(at);
                f.write((b < 0 ? 0 : b) ^ 0x5a);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(copy + "\n");
    }

    /**
     * After the system's dd copied {@code BYTES} into or out of {@code FILE}: the modelled time and
     * CPU of that work, and dd's summary line saying the modelled time.
     */
    private Response dd(List<String> args) {
        if (args.size() != 5 || !args.get(0).matches("[0-9]{1,10}") || !args.get(3).matches("[0-9]{1,19}")
                || !List.of("read", "write").contains(args.get(1))) {
            return Response.fail("qatwb-sim: dd ID read|write FILE BYTES ERRFILE\n", 70);
        }
        String id = args.get(0);
        PerfModel.Op op = args.get(1).equals("write") ? PerfModel.Op.WRITE : PerfModel.Op.READ;
        Path file = Path.of(args.get(2));
        long bytes = Long.parseLong(args.get(3));
        Path errFile = Path.of(args.get(4));
        Optional<BenchHost.Target> target = host.datasetOf(file);
        if (target.isEmpty()) {
            return Response.fail("qatwb-sim: " + file + " is in no dataset made with zfs create\n", 70);
        }
        BenchHost.Target t = target.get();
        double ratio = t.dataset().compressRatio();
        if (op == PerfModel.Op.WRITE && Files.isRegularFile(file)) {
            ratio = Compressibility.ofFile(file, (int) t.dataset().blockSize(), PerfModel.zlibLevel(t.dataset(), t.offloaded()));
            host.recordRatio(t.name(), ratio);
        }
        PerfModel.Cost cost = PerfModel.cost(op, bytes, ratio, t.dataset(), t.offloaded(), PerfModel.ToolCost.dd(op),
                host.profile());
        String realErr;
        try {
            realErr = Files.isRegularFile(errFile) ? Files.readString(errFile, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            realErr = "";
        }
        String summary = ddSummary(bytes, cost.seconds());
        String err = realErr.lines().map(l -> l.contains(" copied, ") ? summary : l)
                .reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append).toString();
        AtomicBoolean stop = new AtomicBoolean();
        running.put(id, stop);
        start(id, () -> {
            if (!host.realTime()) {
                host.startWork(t.name(), op, bytes, cost);
                return new Response("", err, 0);
            }
            // the real-time clock: the modelled work in tenths of a second, as the time passes
            long startWall = System.nanoTime();
            int slices = Math.max(1, (int) Math.ceil(cost.seconds() * 10));
            long given = 0;
            for (int k = 1; k <= slices && !stop.get(); k++) {
                long until = bytes * k / slices;
                progress(t, op, until - given, cost, Math.max(1, bytes));
                given = until;
                pace(startWall, cost.seconds() * k / slices);
            }
            return new Response("", err, 0);
        });
        return Response.ok("");
    }

    /** GNU dd's last line ({@code print_xfer_stats}): bytes, SI and IEC sizes, seconds, rate. */
    static String ddSummary(long bytes, double seconds) {
        return String.format(Locale.ROOT, "%d bytes (%s, %s) copied, %.6g s, %s/s", bytes, human(bytes, 1000, ""),
                human(bytes, 1024, "i"), seconds, human((long) (bytes / Math.max(seconds, 1e-9)), 1000, ""));
    }

    private static String human(long n, int base, String i) {
        String units = "kMGTPE";
        double v = n;
        int u = -1;
        while (v >= base && u < units.length() - 1) {
            v /= base;
            u++;
        }
        if (u < 0) {
            return n + " B";
        }
        String unit = (base == 1024 && u == 0 ? "K" : units.substring(u, u + 1)) + i + "B";
        return v < 10 ? String.format(Locale.ROOT, "%.1f %s", v, unit) : String.format(Locale.ROOT, "%.0f %s", v, unit);
    }

    private static void pace(long startWall, double untilSeconds) {
        long wait = startWall + (long) (untilSeconds * 1e9) - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }
}
