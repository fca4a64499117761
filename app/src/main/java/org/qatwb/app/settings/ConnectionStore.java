package org.qatwb.app.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The saved connections, {@code connections.json} in the config directory:
 * {@code {"version": 1, "connections": [...]}}. Written atomically (see {@link JsonFiles}).
 */
public final class ConnectionStore {

    static final int VERSION = 1;
    private final Path file;

    public ConnectionStore(Path configDir) {
        this.file = configDir.resolve("connections.json");
    }

    public Path file() {
        return file;
    }

    /** The saved connections; none when the file does not exist yet. */
    public List<SavedConnection> load() throws SettingsException {
        return JsonFiles.read(file, Document.class).map(d -> {
            if (d.version() != VERSION) {
                throw new SettingsException(file + ": version " + d.version() + " is not one this qatwb reads (" + VERSION + ")");
            }
            return d.connections() == null ? List.<SavedConnection>of() : List.copyOf(d.connections());
        }).orElse(List.of());
    }

    /** Saves {@code c}, replacing a saved connection of the same name. */
    public List<SavedConnection> save(SavedConnection c) throws SettingsException {
        List<SavedConnection> all = new ArrayList<>(load());
        all.removeIf(s -> s.name().equals(c.name()));
        all.add(c);
        write(all);
        return List.copyOf(all);
    }

    public List<SavedConnection> remove(String name) throws SettingsException {
        List<SavedConnection> all = new ArrayList<>(load());
        all.removeIf(s -> s.name().equals(name));
        write(all);
        return List.copyOf(all);
    }

    private void write(List<SavedConnection> all) throws SettingsException {
        JsonFiles.write(file, new Document(VERSION, all));
    }

    record Document(int version, List<SavedConnection> connections) {
    }
}
