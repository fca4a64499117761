package org.qatwb.app.settings;

import java.nio.file.Path;

/** Reads and writes {@code ui.json}; a missing or unreadable file gives the defaults (it holds nothing precious). */
public final class UiSettingsStore {

    private final Path file;

    public UiSettingsStore(Path configDir) {
        this.file = configDir.resolve("ui.json");
    }

    public UiSettings load() {
        try {
            return JsonFiles.read(file, UiSettings.class).orElse(UiSettings.defaults());
        } catch (SettingsException e) {
            return UiSettings.defaults();
        }
    }

    public void save(UiSettings s) throws SettingsException {
        JsonFiles.write(file, s);
    }
}
