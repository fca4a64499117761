package org.qatwb.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoresTest {

    @TempDir
    Path dir;

    @Test
    void configDirFollowsXdgAndIgnoresARelativeOne() {
        Path home = Path.of("/home/ann");
        assertEquals(Path.of("/x/qatwb"), ConfigDir.of(Map.of("XDG_CONFIG_HOME", "/x"), home));
        assertEquals(Path.of("/home/ann/.config/qatwb"), ConfigDir.of(Map.of(), home));
        assertEquals(Path.of("/home/ann/.config/qatwb"), ConfigDir.of(Map.of("XDG_CONFIG_HOME", "rel"), home));
    }

    @Test
    void savedConnectionsRoundTripReplaceByNameAndHoldNoSecret() throws Exception {
        ConnectionStore store = new ConnectionStore(dir.resolve("qatwb"));
        assertEquals(List.of(), store.load(), "no file yet: none saved");
        SavedConnection a = new SavedConnection("nas", "truenas.lan", 22, "admin", AuthMethod.PASSWORD, null, true, null);
        SavedConnection b = new SavedConnection("lab", "10.0.0.9", null, null, AuthMethod.KEY, "/k/id_ed25519", false, "/k/kh");
        store.save(a);
        store.save(b);
        SavedConnection a2 = new SavedConnection("nas", "truenas.lan", 2222, "admin", AuthMethod.AGENT, null, false, null);
        assertEquals(List.of(b, a2), store.save(a2));
        assertEquals(List.of(b, a2), new ConnectionStore(dir.resolve("qatwb")).load());
        String json = Files.readString(store.file());
        assertFalse(json.toLowerCase().contains("password\""), json);
        assertTrue(json.contains("\"version\" : 1"), json);
        assertEquals(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(store.file()), "private to the user");
        assertEquals(List.of(a2), store.remove("lab"));
        try (var files = Files.list(store.file().getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aBrokenConnectionsFileIsOneLineNamingFileAndLine() throws Exception {
        ConnectionStore store = new ConnectionStore(dir);
        Files.writeString(store.file(), "{\n  \"version\": 1,\n  \"connections\": [ {\"name\": }\n");
        SettingsException e = assertThrows(SettingsException.class, store::load);
        assertTrue(e.getMessage().startsWith(store.file() + ":3: not valid settings JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals("{\n  \"version\": 1,\n  \"connections\": [ {\"name\": }\n", Files.readString(store.file()), "left as it was");

        Files.writeString(store.file(), "{\"version\": 9, \"connections\": []}");
        assertTrue(assertThrows(SettingsException.class, store::load).getMessage().contains("version 9"));
    }

    /** A value of the wrong kind is said in the file's terms, not with the Java types behind it. */
    @Test
    void aValueOfTheWrongKindIsNamedByItsPlaceInTheFile() throws Exception {
        ConnectionStore store = new ConnectionStore(dir);
        Files.writeString(store.file(), "{\"version\": 1,\n \"connections\": [[]]}");
        SettingsException e = assertThrows(SettingsException.class, store::load);
        assertEquals(store.file() + ":2: not valid settings JSON: $.connections[0]: expected an object", e.getMessage());

        Files.writeString(store.file(), "{\"version\": 1, \"connections\": [{\"name\": {}, \"host\": \"h\"}]}");
        assertEquals(store.file() + ":1: not valid settings JSON: $.connections[0].name: expected a string",
                assertThrows(SettingsException.class, store::load).getMessage());
    }

    /** Issue 11: past Jackson's own limits this was a NullPointerException; now one line with the file and line. */
    @Test
    void aConnectionsFilePastTheLimitsIsOneLine() throws Exception {
        ConnectionStore store = new ConnectionStore(dir);
        Files.writeString(store.file(), "{\"version\": 1, \"later\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
        SettingsException deep = assertThrows(SettingsException.class, store::load);
        assertTrue(deep.getMessage().startsWith(store.file() + ":1: not valid settings JSON: Document nesting depth (17)"
                + " exceeds the maximum allowed (16)"), deep.getMessage());

        Files.writeString(store.file(), "{\"version\": 1, \"connections\": [{\"name\": \"" + "x".repeat(100_000)
                + "\", \"host\": \"h\"}]}");
        SettingsException longString = assertThrows(SettingsException.class, store::load);
        assertTrue(longString.getMessage().startsWith(store.file() + ":1: not valid settings JSON: String value length"),
                longString.getMessage());

        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(store.file().toFile(), "rw")) {
            raf.setLength(60L * 1000 * 1000);
        }
        SettingsException huge = assertThrows(SettingsException.class, store::load);
        assertEquals(store.file() + ": larger than 1 MiB, not a qatwb settings file", huge.getMessage());
        for (SettingsException e : List.of(deep, longString, huge)) {
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("StreamReadConstraints"), e.getMessage());
        }
    }

    @Test
    void uiSettingsRememberTheWindowAndFallBackToDefaults() throws Exception {
        UiSettingsStore store = new UiSettingsStore(dir);
        assertEquals(UiSettings.defaults(), store.load());
        UiSettings s = UiSettings.defaults().withDark(true).withWindow(new UiSettings.WindowPlace(10, 20, 1200, 800, false));
        store.save(s);
        assertEquals(s, new UiSettingsStore(dir).load());
        Files.writeString(dir.resolve("ui.json"), "not json");
        assertEquals(UiSettings.defaults(), store.load(), "a broken ui.json holds nothing precious");
    }
}
