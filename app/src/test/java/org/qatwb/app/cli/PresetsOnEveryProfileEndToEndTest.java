package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.layout.Preset;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.sim.profile.Dataset;
import org.qatwb.sim.profile.Profile;
import org.qatwb.sim.profile.Profiles;
import org.qatwb.sim.profile.QatCard;
import org.qatwb.ssh.testing.QatFileSet;

/**
 * Issue 12's "done when", tried as a user would with the CLI: on every simulated NAS that has a
 * QAT card, every preset is made from the NAS's own snapshot ({@code qatwb layout --preset}),
 * compiled with no finding ({@code apply --dry-run}), applied with a QAT restart
 * ({@code apply --restart}: written, restarted, verified, confirmed), linted clean where the NAS
 * keeps it ({@code qatwb lint} of its etc/, as the NAS's driver release reads it, with its core
 * count), and the simulated driver (nas-sim's own, written from Intel's source, not the product's
 * allocator) brings every PF and VF up. What the driver loaded for ZFS shows in ZFS's kstat
 * counters under load (the simulator has no debugfs {@code dev_cfg}): compression moves only with
 * Dc instances and a dataset QAT can compress, checksums only with Cy instances. Then the NAS is
 * put back with {@code apply --restore}, byte for byte, and the next preset starts from the
 * profile's own files. One simulator per profile.
 */
class PresetsOnEveryProfileEndToEndTest {

    /**
     * Presets no NAS can take, on purpose, and why. The findings each one gives are all it may give
     * ({@link #refusedOnPurpose}).
     */
    private static final Map<Preset, String> REFUSED_ON_PURPOSE = Map.of(Preset.INSTALLER_DEFAULTS,
            "it is what Intel's installer writes for an SR-IOV host with the kernel API: every VF's [KERNEL_QAT]"
                    + " instances polled (ZFS never polls: its thread would block for good, zfs.polled) and the VF"
                    + " driver blacklisted (host.vf-blacklisted); the preset exists to show why that cannot serve ZFS,"
                    + " so apply refuses it and changes nothing");

    @TempDir
    Path dir;

    /**
     * Every built-in profile with a QAT card: the presets need QAT devices to lay out. {@code new-kernel}
     * is left out: its running system, devices and files are c62x's (only a kernel not yet booted
     * differs), so it would prove nothing more at the cost of a fifth full run.
     */
    static Stream<String> qatProfiles() {
        return Profiles.NAMES.stream().filter(n -> Profiles.byName(n).orElseThrow().qat().isPresent())
                .filter(n -> !n.equals("new-kernel"));
    }

    private static CliRun cli(String command, SimulatedNas nas, String... more) {
        return NasCommandsEndToEndTest.cli(command, nas, more);
    }

    @ParameterizedTest
    @MethodSource("qatProfiles")
    void everyPresetLintsCleanAndTheSimulatedDriverBringsEveryDeviceUp(String profile) throws IOException {
        try (SimulatedNas nas = SimulatedNas.start(restartable(profile))) {
            QatFileSet original = QatFileSet.read(nas.root());
            JsonNode params = snapshot(nas).get("params");
            for (Preset preset : Preset.values()) {
                String what = profile + ", " + preset.id();
                Path layout = dir.resolve(profile + "-" + preset.id() + ".json");
                CliRun made = cli("layout", nas, "--preset", preset.id());
                assertEquals(0, made.exit(), what + ": " + made.err());
                Files.writeString(layout, made.out());
                if (REFUSED_ON_PURPOSE.containsKey(preset)) {
                    refusedOnPurpose(nas, preset, layout, original, what);
                    continue;
                }
                boolean changed = appliedCleanAndUp(nas, made.json(), layout, what);
                driverLoadedWhatZfsUses(nas, made.json(), params, what);
                if (changed) {
                    putBack(nas, original, what);
                }
            }
        }
    }

    /**
     * A NAS without a QAT card (no-qat: stock TrueNAS, no driver): a preset has nothing to lay out, and
     * applying it writes nothing, not even an {@code /etc/default/qat} for a driver the NAS lacks.
     */
    @ParameterizedTest
    @MethodSource("profilesWithoutQat")
    void onANasWithoutQatEveryPresetChangesNothing(String profile) throws IOException {
        try (SimulatedNas nas = SimulatedNas.start(restartable(profile))) {
            QatFileSet original = QatFileSet.read(nas.root());
            for (Preset preset : Preset.values()) {
                String what = profile + ", " + preset.id();
                CliRun made = cli("layout", nas, "--preset", preset.id());
                assertEquals(0, made.exit(), what + ": " + made.err());
                assertEquals(0, made.json().get("devices").size(), what);
                assertTrue(made.err().contains("adf_ctl lists no QAT device on this NAS: the layout is empty and preset "
                        + preset.id() + " has nothing to lay out"), what + ": " + made.err());
                Path layout = dir.resolve(profile + "-" + preset.id() + ".json");
                Files.writeString(layout, made.out());
                CliRun applied = cli("apply", nas, "--yes", layout.toString());
                assertEquals(0, applied.exit(), what + ": " + applied.err());
                assertEquals(0, applied.json().get("files").size(), what + ": " + applied.out());
                assertTrue(applied.err().contains("nothing to change"), what + ": " + applied.err());
                assertTrue(QatFileSet.read(nas.root()).sameAs(original), what);
            }
        }
    }

    static Stream<String> profilesWithoutQat() {
        return Profiles.NAMES.stream().filter(n -> Profiles.byName(n).orElseThrow().qat().isEmpty());
    }

    /**
     * A host whose VFs have no conf file yet (qat_service creates every VF, but only a VF with a file
     * starts): every ZFS preset writes their files from the project's templates (conf-templates), the
     * simulated driver takes them, and the restore removes them again. One profile per card type
     * with templates (c6xx, dh895xcc).
     */
    @ParameterizedTest
    @ValueSource(strings = {"c62x", "dh8950"})
    void presetsStartVfsWithoutAFileFromTheTemplatesAndTheDriverTakesThem(String profile) throws IOException {
        try (SimulatedNas nas = SimulatedNas.start(restartable(profile))) {
            QatCard card = nas.profile().qat().orElseThrow();
            int vfs = card.pfs() * card.model().vfsPerPf();
            List<String> without = new ArrayList<>();
            for (int i = vfs / 2; i < vfs; i++) {
                String name = card.model().vfType() + "_dev" + i + ".conf";
                Files.delete(nas.root().resolve("etc").resolve(name));
                without.add("/etc/" + name);
            }
            assertEquals(0, SimShell.run(nas, "systemctl restart qat").rc());
            long down = StreamSupport.stream(snapshot(nas).get("devices").spliterator(), false)
                    .filter(d -> d.get("state").asText().equals("down")).count();
            assertEquals(without.size(), down, "a VF without a file does not start");
            QatFileSet original = QatFileSet.read(nas.root());
            JsonNode params = snapshot(nas).get("params");
            for (Preset preset : Preset.values()) {
                if (REFUSED_ON_PURPOSE.containsKey(preset)) {
                    continue;
                }
                String what = profile + " without " + without.size() + " VF files, " + preset.id();
                Path layout = dir.resolve(profile + "-new-" + preset.id() + ".json");
                CliRun made = cli("layout", nas, "--preset", preset.id());
                assertEquals(0, made.exit(), what + ": " + made.err());
                Files.writeString(layout, made.out());
                List<String> created = new ArrayList<>();
                cli("apply", nas, layout.toString(), "--dry-run").json().get("files").forEach(f -> {
                    if (f.get("new").asBoolean()) {
                        created.add(f.get("path").asText());
                    }
                });
                assertEquals(without, created, what + ": the missing files, from the templates");
                assertTrue(appliedCleanAndUp(nas, made.json(), layout, what), what);
                driverLoadedWhatZfsUses(nas, made.json(), params, what);
                putBack(nas, original, what);
            }
        }
    }

    /**
     * Compiled with no finding, applied with a restart and confirmed, linted clean, every device up.
     * False when the NAS's files already are the preset (dh8950's are zfs-all's): nothing to apply.
     */
    private boolean appliedCleanAndUp(SimulatedNas nas, JsonNode preset, Path layout, String what) {
        CliRun dry = cli("apply", nas, layout.toString(), "--dry-run");
        assertEquals(0, dry.exit(), what + ": " + dry.err());
        assertEquals(0, dry.json().get("findings").size(), what + ": " + dry.json().get("findings"));
        assertTrue(dry.json().get("applicable").asBoolean(), what);
        boolean changes = dry.json().get("files").size() > 0;

        CliRun applied = cli("apply", nas, "--yes", layout.toString(), "--restart", "--confirm-timeout", "60");
        assertEquals(0, applied.exit(), what + ": " + applied.err());
        if (changes) {
            JsonNode tx = applied.json().get("transaction");
            assertEquals("confirmed", tx.get("state").asText(), what + ": " + tx);
            assertTrue(applied.err().contains("QAT is up on the new files"), what + ": " + applied.err());
        } else {
            assertTrue(applied.err().contains("nothing to change"), what + ": " + applied.err());
        }

        JsonNode snap = snapshot(nas);
        QatCard card = nas.profile().qat().orElseThrow();
        DeviceModel model = card.model();
        List<String> notUp = new ArrayList<>();
        snap.get("devices").forEach(d -> {
            if (!d.get("state").asText().equals("up")) {
                notUp.add(d.get("name").asText() + " (" + d.get("conf").asText() + ")");
            }
        });
        assertEquals(List.of(), notUp, what + ": every device up");
        assertEquals(card.pfs() * (1 + model.vfsPerPf()), snap.get("devices").size(),
                what + ": every PF and every VF it can host");
        assertEquals("active", snap.get("qatService").asText(), what);
        snap.get("confFiles").forEach(f -> assertEquals(0, f.get("findings").size(), what + ": " + f));

        // the files as the NAS keeps them, through qatwb lint as its driver release reads them
        String release = snap.get("driverRelease").get("modelled").asText();
        String cores = snap.get("cpu").get("cores").asText();
        CliRun lint = CliRun.of("lint", "-q", "--driver-release", release, "--cores", cores,
                nas.root().resolve("etc").toString());
        assertEquals(0, lint.exit(), what + ": " + lint.out());
        assertEquals(snap.get("devices").size(), lint.json().get("files").size(), what + ": one file per device");
        lint.json().get("files").forEach(f -> assertEquals(0, f.get("findings").size(), what + ": " + f));
        assertEquals(preset.get("zfsInstances"), cli("layout", nas).json().get("zfsInstances"),
                what + ": the NAS's layout read back is the preset's");
        return changes;
    }

    /**
     * ZFS's kstat under load, with every parameter on: a kind of request moves only when the driver
     * placed instances of its kind for the kernel API (and, for compression, a dataset QAT can
     * compress: gzip in blocks of 4 KiB to 128 KiB, DOMAIN.md section 7; checksums move with any
     * pool's label writes). With no Cy instance, checksum "on" reads 0 and does nothing (DOMAIN.md
     * section 6's trap). The parameters go back to what the NAS had.
     */
    private static void driverLoadedWhatZfsUses(SimulatedNas nas, JsonNode preset, JsonNode params, String what) {
        CliRun on = cli("params", nas, "--compress", "on", "--checksum", "on", "--encrypt", "on");
        assertEquals(0, on.exit(), what + ": " + on.err());
        for (Dataset d : nas.profile().datasets()) {
            nas.workload().set(d.name(), 20, 20);
        }
        JsonNode before = snapshot(nas).get("kstat").get("counters");
        nas.advance(Duration.ofSeconds(12));
        JsonNode after = snapshot(nas).get("kstat").get("counters");
        nas.workload().clear();

        boolean gzipFits = nas.profile().datasets().stream().anyMatch(d -> d.compression().startsWith("gzip")
                && d.blockSize() >= 4096 && d.blockSize() <= 128 * 1024);
        boolean dc = preset.get("zfsInstances").get("dc").asInt() > 0;
        boolean cy = preset.get("zfsInstances").get("cy").asInt() > 0;
        assertEquals(dc && gzipFits, grew(before, after, "comp_requests"), what + ": comp_requests " + before + " " + after);
        assertEquals(cy, grew(before, after, "cksum_requests"), what + ": cksum_requests " + before + " " + after);
        assertEquals(0, after.get("dc_fails").asLong() + after.get("crypt_fails").asLong() + after.get("cksum_fails").asLong(),
                what + ": no failures");

        CliRun back = cli("params", nas, "--compress", onOff(params, "compress"), "--checksum", onOff(params, "checksum"),
                "--encrypt", onOff(params, "encrypt"));
        assertEquals(0, back.exit(), what + ": " + back.err());
    }

    /**
     * The NAS's files as the profile made them, from the transaction's backups, and QAT started on
     * them by a reboot: once the confirmed apply put the parameters back to 0, ZFS initialised QAT
     * and holds its devices, so a restart would be refused (issue 13); the reboot (zfs.ko first)
     * releases them, as on a real NAS.
     */
    private static void putBack(SimulatedNas nas, QatFileSet original, String what) {
        CliRun history = cli("apply", nas, "--history");
        String last = history.json().get("transactions").get(0).get("id").asText();
        CliRun restore = cli("apply", nas, "--yes", "--restore", last, "--stage");
        assertEquals(0, restore.exit(), what + ": " + restore.err());
        nas.reboot();
        assertTrue(QatFileSet.read(nas.root()).sameAs(original),
                what + ": put back: " + original.differences(QatFileSet.read(nas.root())));
    }

    /** Its findings are the ones it documents, and nothing else; apply refuses it and writes nothing. */
    private static void refusedOnPurpose(SimulatedNas nas, Preset preset, Path layout, QatFileSet original, String what) {
        String why = REFUSED_ON_PURPOSE.get(preset);
        CliRun dry = cli("apply", nas, layout.toString(), "--dry-run");
        assertEquals(1, dry.exit(), what + ": " + why);
        Map<String, Integer> errors = new TreeMap<>();
        Map<String, Integer> warnings = new TreeMap<>();
        dry.json().get("findings").forEach(f -> (f.get("severity").asText().equals("error") ? errors : warnings)
                .merge(f.get("rule").asText(), 1, Integer::sum));
        QatCard card = nas.profile().qat().orElseThrow();
        int vfs = card.pfs() * card.model().vfsPerPf();
        assertEquals(Map.of("zfs.polled", 2 * vfs, "host.vf-blacklisted", 1), errors, what + ": " + why);
        // core 0, as Intel's file says it, is on node 0: a card on another node gets a warning per instance
        assertEquals(card.nodeId() == 0 ? Map.of() : Map.of("affinity.remote-node", 2 * vfs), warnings, what);

        CliRun applied = cli("apply", nas, "--yes", layout.toString(), "--restart");
        assertEquals(1, applied.exit(), what);
        assertTrue(applied.err().strip().endsWith("error finding(s); nothing was applied"), what + ": " + applied.err());
        assertTrue(QatFileSet.read(nas.root()).sameAs(original), what + ": nothing written");
        assertFalse(applied.json().has("transaction"), what + ": no transaction");
    }

    private static JsonNode snapshot(SimulatedNas nas) {
        CliRun run = cli("snapshot", nas);
        assertEquals(0, run.exit(), run.err());
        return run.json();
    }

    private static boolean grew(JsonNode before, JsonNode after, String counter) {
        return after.get(counter).asLong() > before.get(counter).asLong();
    }

    /** on writes 0 (QAT used), off writes 1: the value the NAS had. */
    private static String onOff(JsonNode params, String name) {
        return params.get(name).asInt() == 0 ? "on" : "off";
    }

    /**
     * The profile booted with zfs.ko before qat.service: ZFS holds no QAT device, so a restart can
     * apply a preset (on c62x as shipped, ZFS holds them and a restart ends deferred: ApplyEndToEndTest).
     */
    private static SimOptions restartable(String profile) {
        return SimOptions.driven(profile).withKeptParams(false);
    }
}
