package org.qatwb.app.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.app.cli.json.LayoutJson;
import org.qatwb.app.cli.json.LayoutJsonReader;
import org.qatwb.app.settings.AuthMethod;
import org.qatwb.app.settings.ConnectionStore;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.app.settings.SettingsException;
import org.qatwb.app.settings.UiSettings;
import org.qatwb.app.settings.UiSettingsStore;
import org.qatwb.model.fuzz.FuzzTarget;
import org.qatwb.model.fuzz.Mutator;
import org.qatwb.model.layout.Baseline;
import org.qatwb.model.layout.Preset;
import org.qatwb.model.testutil.HostSnapshots;

/**
 * The input files {@code app} reads, as {@link FuzzTarget}s of model's fuzz suite: a layout
 * (through Jackson, as {@code qatwb apply} reads it) and the settings files.
 */
public final class AppTargets {

    private AppTargets() {
    }

    private static final List<byte[]> JSON_WORDS = Mutator.utf8("{", "}", "[", "]", ":", ",", "\"", "null", "true", "false",
            "-1", "1e999", "2147483648", "\"\\u0000\"", "\"\\u001b[2J\"", "\"\\u202e\"", "/*", "//", "\"format\": ",
            "\"version\": ", "\"devices\": ", "\"sections\": ", "\"coreAffinity\": ", "\"id\": ", "\"role\": ");

    /**
     * A layout file as {@code qatwb apply} reads it: text to {@link LayoutJsonReader#read(String)},
     * bounded Jackson and then every field, refused with one line (IllegalArgumentException).
     */
    public static final FuzzTarget LAYOUT_JSON = new FuzzTarget("app LayoutJsonReader (Jackson)", layoutSeeds(), JSON_WORDS,
            in -> {
                LayoutJsonReader.read(new String(in, StandardCharsets.UTF_8));
                return List.of();
            }, List.of(IllegalArgumentException.class));

    public static final FuzzTarget CONNECTIONS = new FuzzTarget("app connections.json (ConnectionStore)",
            List.of(connectionsSeed()), JSON_WORDS, in -> {
                Path dir = writeSettings("connections.json", in);
                new ConnectionStore(dir).load().forEach(SavedConnection::destination);
                return List.of();
            }, List.of(SettingsException.class));

    /** Never refused: a file it cannot use gives the defaults. */
    public static final FuzzTarget UI_SETTINGS = new FuzzTarget("app ui.json (UiSettingsStore)",
            List.of(uiSeed()), JSON_WORDS, in -> {
                Path dir = writeSettings("ui.json", in);
                new UiSettingsStore(dir).load();
                return List.of();
            }, List.of());

    public static List<FuzzTarget> all() {
        return List.of(LAYOUT_JSON, CONNECTIONS, UI_SETTINGS);
    }

    private static List<byte[]> layoutSeeds() {
        Baseline c62x = Baseline.of(HostSnapshots.c62x().snapshot());
        Baseline small = Baseline.of(HostSnapshots.host().adfStatus(HostSnapshots.adfStatusFor("c6xx", 2, 0))
                .defaultQat("SRIOV_ENABLE=1\nENABLE_KAPI=1\n").blacklist("blacklist qat_c62xvf\n").snapshot());
        return List.of(json(Preset.ZFS_ALL.apply(small.layout())), json(Preset.INSTALLER_DEFAULTS.apply(small.layout())),
                json(c62x.layout()));
    }

    private static byte[] json(org.qatwb.model.layout.Layout l) {
        return JsonOut.write(LayoutJson.layout(l)).getBytes(StandardCharsets.UTF_8);
    }

    private static final ThreadLocal<Path> DIR = ThreadLocal.withInitial(() -> {
        try {
            Path d = Files.createTempDirectory("qatwb-fuzz-settings");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    private static Path writeSettings(String name, byte[] in) throws IOException {
        Path dir = DIR.get();
        Files.write(dir.resolve(name), in);
        return dir;
    }

    private static byte[] connectionsSeed() {
        try {
            Path dir = Files.createTempDirectory("qatwb-fuzz-seed");
            ConnectionStore store = new ConnectionStore(dir);
            store.save(new SavedConnection("nas01", "nas01.example.org", 22, "admin", AuthMethod.KEY, "/home/a/.ssh/id_ed25519",
                    true, null));
            store.save(new SavedConnection("lab", "lab-alias", null, null, AuthMethod.AGENT, null, false, "/tmp/known_hosts"));
            return Files.readAllBytes(store.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] uiSeed() {
        try {
            Path d = Files.createTempDirectory("qatwb-fuzz-ui");
            new UiSettingsStore(d).save(UiSettings.defaults().withDark(true)
                    .withWindow(new UiSettings.WindowPlace(10, 20, 1440, 900, false)));
            try (var s = Files.list(d)) {
                return Files.readAllBytes(s.findFirst().orElseThrow());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
