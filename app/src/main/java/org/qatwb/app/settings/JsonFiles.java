package org.qatwb.app.settings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.Optional;
import org.qatwb.app.json.BoundedJson;
import org.qatwb.model.parse.Snippet;

/** Reading and atomically writing the small JSON settings files. */
final class JsonFiles {

    /** A settings file larger than this is refused: a thousand saved connections take some 300 KiB. */
    static final int MAX_BYTES = 1024 * 1024;

    /**
     * Indented for a human who opens the file; unknown fields ignored, so an older qatwb reads a
     * newer file; read within bounds, since the file may have been copied from someone else.
     */
    private static final ObjectMapper JSON = JsonMapper.builder(BoundedJson.factory(MAX_BYTES, 16, 64 * 1024))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonFiles() {
    }

    /** {@code value} as JSON in {@code file}, atomically; every failure is one line naming the file. */
    static void write(Path file, Object value) throws SettingsException {
        try {
            writeAtomically(file, JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new SettingsException("cannot encode " + file + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SettingsException("cannot write " + file + ": " + Snippet.failure(e));
        }
    }

    static <T> Optional<T> read(Path file, Class<T> type) throws SettingsException {
        byte[] bytes;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw new SettingsException(name(file) + ": larger than " + (MAX_BYTES >> 20) + " MiB, not a qatwb settings file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new SettingsException("cannot read " + name(file) + ": " + Snippet.failure(e));
        }
        try (JsonParser p = JSON.createParser(bytes)) {
            try {
                return Optional.ofNullable(JSON.readValue(p, type));
            } catch (JsonProcessingException e) {
                throw new SettingsException(name(file) + ":" + BoundedJson.location(e, p).getLineNr() + ": not valid settings JSON: "
                        + (e instanceof MismatchedInputException m ? mismatch(m) : BoundedJson.message(e.getOriginalMessage())));
            }
        } catch (IOException e) {
            throw new SettingsException("cannot read " + name(file) + ": " + Snippet.failure(e));
        }
    }

    /**
     * A value of the wrong kind, said in the file's terms ({@code $.connections[0]: expected an
     * object}), not in Jackson's, which name the Java types behind the file.
     */
    static String mismatch(MismatchedInputException e) {
        StringBuilder at = new StringBuilder("$");
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                at.append('.').append(Snippet.excerpt(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                at.append('[').append(r.getIndex()).append(']');
            }
        }
        Class<?> t = e.getTargetType();
        String want = t == null ? "another kind of value"
                : t == String.class || t.isEnum() ? "a string"
                : t == boolean.class || t == Boolean.class ? "true or false"
                : t.isPrimitive() || Number.class.isAssignableFrom(t) ? "a number"
                : t.isArray() || Collection.class.isAssignableFrom(t) ? "a list"
                : "an object";
        return at + ": expected " + want;
    }

    private static String name(Path file) {
        return Snippet.oneLine(file.toString());
    }

    /**
     * Writes through a private temporary file in the same directory, synced, then renamed over
     * the old one: a crash leaves the old file or the new one, never half of either.
     */
    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
