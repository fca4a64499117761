package org.qatwb.app.exporter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.qatwb.model.metrics.MetricsFormat;

/**
 * Writes the exposition for node_exporter's textfile collector: {@code DIR/qatwb.prom}, replaced
 * whole by a rename so that node_exporter never reads half a file. The file is written under a
 * temporary name that does not end in {@code .prom} (the collector reads only {@code *.prom}, and
 * would otherwise read the half-written file), synced to disk, made 0644 (node_exporter often runs
 * as another user) and renamed over the old one. Prometheus text without timestamps: the collector
 * refuses samples with them.
 */
public final class TextfileWriter {

    public static final String FILE = "qatwb.prom";

    private final Path dir;

    /** @throws IOException when {@code dir} is not an existing directory */
    public TextfileWriter(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no such directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new NotDirectoryException(dir.toString());
        }
        this.dir = dir;
    }

    public Path file() {
        return dir.resolve(FILE);
    }

    /** Writes what {@code exporter} knows now. */
    public void write(Exporter exporter) throws IOException {
        write(exporter.render(MetricsFormat.PROMETHEUS_TEXT));
    }

    void write(String exposition) throws IOException {
        Path tmp = Files.createTempFile(dir, ".qatwb-", ".prom.tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(exposition.getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its default permissions stand
            }
            Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
