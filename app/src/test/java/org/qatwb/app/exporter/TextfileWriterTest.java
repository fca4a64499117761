package org.qatwb.app.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.app.testing.Exposition;
import org.qatwb.app.testing.Promtool;
import org.qatwb.sim.SimOptions;

/** node_exporter's textfile collector: one valid file, replaced whole, nothing else it would read. */
class TextfileWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesAFilePromtoolAcceptsAndNoOtherPromFile() throws Exception {
        try (SimulatedTargets sims = SimulatedTargets.start(List.of("c62x"), p -> SimOptions.driven(p).withDemoLoad(true));
                Exporter exporter = new Exporter(sims.targets(), new ExporterSettings(200, Duration.ofSeconds(60),
                        Duration.ofSeconds(5)), "test", line -> { }, System::currentTimeMillis).start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (exporter.states(exporter.now()).stream().noneMatch(s -> s.up() && s.snapshot().isPresent())) {
                assertTrue(System.nanoTime() < deadline, "the simulated NAS was not read within 60 s");
                Thread.sleep(50);
            }
            TextfileWriter writer = new TextfileWriter(dir);
            for (int i = 0; i < 5; i++) {
                writer.write(exporter);
            }
            String text = Files.readString(dir.resolve("qatwb.prom"));
            Promtool.assertAccepts(text);
            assertEquals(1.0, Exposition.parse(text).value("qatwb_nas_up", "nas", "sim-c62x").orElseThrow());
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of("qatwb.prom"), files.map(p -> p.getFileName().toString()).toList(),
                        "only the final file: no temporary one left, none a collector would read");
            }
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("qatwb.prom"))));
        }
    }

    @Test
    void theTemporaryFileIsNeverNamedAsOneTheCollectorReads() throws Exception {
        // the collector globs *.prom: the file being written must not match, not even for an instant
        Files.writeString(dir.resolve("other.prom"), "# another exporter's file\n");
        List<String> created = new ArrayList<>();
        try (WatchService watch = dir.getFileSystem().newWatchService()) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            new TextfileWriter(dir).write("qatwb_exporter_targets 0\n");
            WatchKey key;
            while ((key = watch.poll(2, TimeUnit.SECONDS)) != null && !created.contains("qatwb.prom")) {
                key.pollEvents().forEach(e -> created.add(e.context().toString()));
                key.reset();
            }
        }
        assertTrue(created.contains("qatwb.prom"), "the file appears by its rename: " + created);
        assertTrue(created.size() >= 2, "a temporary file was written first: " + created);
        for (String name : created) {
            assertTrue(name.equals("qatwb.prom") || !name.endsWith(".prom"), "the collector would read " + name);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("other.prom", "qatwb.prom"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("qatwb_exporter_targets 0\n", Files.readString(dir.resolve("qatwb.prom")));
    }

    @Test
    void refusesAMissingDirectoryOrAFile() throws IOException {
        assertThrows(IOException.class, () -> new TextfileWriter(dir.resolve("missing")));
        Path file = Files.writeString(dir.resolve("file"), "");
        assertThrows(IOException.class, () -> new TextfileWriter(file));
    }
}
