package org.qatwb.app.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** Reads and writes {@code ui.json}; a missing or unreadable file gives the defaults (it holds nothing precious). */
public final class UiSettingsStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public UiSettingsStore(Path configDir) {
        this.file = configDir.resolve("ui.json");
    }

    public UiSettings load() {
        try {
            return JsonFiles.read(file, JSON, UiSettings.class).orElse(UiSettings.defaults());
        } catch (SettingsException e) {
            return UiSettings.defaults();
        }
    }

    public void save(UiSettings s) throws SettingsException {
        try {
            JsonFiles.write(file, JSON.writeValueAsBytes(s));
        } catch (JsonProcessingException e) {
            throw new SettingsException("cannot encode " + file + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SettingsException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
