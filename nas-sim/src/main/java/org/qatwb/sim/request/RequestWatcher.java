package org.qatwb.sim.request;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Answers the stand-ins' requests (see docs/architecture.md, "The simulated NAS"). A stand-in:
 * <ol>
 * <li>makes a FIFO {@code ID.fifo} in the requests directory and holds it open for reading;</li>
 * <li>writes any input to {@code ID.in}, the request (tool, then one argument per line) to a
 *     temporary file, and renames that to {@code ID.req}, so the request appears complete;</li>
 * <li>blocks reading one line, its exit status, from the FIFO.</li>
 * </ol>
 * This watcher sees {@code ID.req} through inotify (the JDK's WatchService on Linux), runs the
 * handler, writes {@code ID.out} and {@code ID.err}, then the status line into the FIFO. It opens the
 * FIFO read-write, which never blocks, so a stand-in that died cannot hang the watcher.
 */
public final class RequestWatcher implements AutoCloseable {

    private static final String SUFFIX = ".req";

    private final Path dir;
    private final RequestHandler handler;
    private WatchService watch;
    private Thread thread;

    public RequestWatcher(Path dir, RequestHandler handler) {
        this.dir = dir;
        this.handler = handler;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            watch = FileSystems.getDefault().newWatchService();
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + dir, e);
        }
        WatchService w = watch;
        thread = new Thread(() -> loop(w), "qatwb-sim-requests");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(WatchService w) {
        scan(); // requests written while no watcher ran
        try {
            while (true) {
                WatchKey key = w.take();
                boolean overflow = false;
                for (WatchEvent<?> e : key.pollEvents()) {
                    if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                        overflow = true;
                    } else if (e.context() instanceof Path p && p.toString().endsWith(SUFFIX)) {
                        answer(p.toString());
                    }
                }
                if (overflow) {
                    scan();
                }
                if (!key.reset()) {
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopped
        }
    }

    private void scan() {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                answer(p.getFileName().toString());
            }
        } catch (IOException e) {
            // the directory went away with the simulator's root: nothing to answer
        }
    }

    private void answer(String fileName) {
        String id = fileName.substring(0, fileName.length() - SUFFIX.length());
        Path req = dir.resolve(fileName);
        Response response;
        try {
            List<String> lines;
            try {
                lines = new ArrayList<>(Arrays.asList(Files.readString(req, StandardCharsets.UTF_8).split("\n", -1)));
                Files.deleteIfExists(req);
            } catch (IOException gone) {
                return; // answered already (a scan raced an event)
            }
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            Path in = dir.resolve(id + ".in");
            byte[] input = Files.isRegularFile(in) ? Files.readAllBytes(in) : new byte[0];
            if (lines.isEmpty()) {
                response = Response.fail("qatwb-sim: empty request\n", 70);
            } else {
                try {
                    response = handler.handle(new Request(id, lines.get(0), lines.subList(1, lines.size()), input));
                } catch (RuntimeException e) {
                    response = Response.fail("qatwb-sim: " + e + "\n", 70);
                }
            }
            Files.writeString(dir.resolve(id + ".out"), response.stdout(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(id + ".err"), response.stderr(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            response = Response.fail("qatwb-sim: " + e.getMessage() + "\n", 70);
        }
        Path fifo = dir.resolve(id + ".fifo");
        if (Files.exists(fifo)) {
            try (RandomAccessFile f = new RandomAccessFile(fifo.toFile(), "rw")) {
                f.write((response.rc() + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // the stand-in is gone; nobody to tell
            }
        }
    }

    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        try {
            watch.close();
        } catch (IOException e) {
            // closing anyway
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }
}
