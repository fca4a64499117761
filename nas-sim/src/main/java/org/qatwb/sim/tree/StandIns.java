package org.qatwb.sim.tree;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.qatwb.sim.profile.Profile;

/**
 * Installs the stand-in tools into {@code sim-bin} (first on the exec PATH) and their shell
 * library into {@code .sim/lib}. A tool the profile's NAS lacks is not installed at all, so that
 * {@code command -v adf_ctl} fails there as on the real box.
 */
public final class StandIns {

    /** File tools wrapped for the readonly-etc fault; each is a copy of {@code guard}. */
    static final List<String> GUARDED = List.of("mv", "cp", "rm", "ln", "touch", "mkdir", "rmdir", "mktemp", "install");

    private static final String BASE = "/org/qatwb/sim/";

    /** Tools the simulator models whole (never the system's): a real one on this machine is hidden from the NAS's PATH. */
    public static final java.util.Set<String> MODELLED = java.util.Set.of("fio");

    /**
     * Profiles whose NAS has no fio: TrueNAS SCALE ships it (truenas/scale-build conf/build.manifest,
     * additional-packages: fio), c62x's administrator installed it; broken's Ubuntu has none.
     */
    private static final java.util.Set<String> WITHOUT_FIO = java.util.Set.of("broken");

    public static boolean hasFio(Profile profile) {
        return !WITHOUT_FIO.contains(profile.name());
    }

    /** Installs or removes the fio stand-in (a NAS with or without fio). */
    public static void fio(RootLayout layout, boolean installed) {
        try {
            if (installed) {
                copy("bin/fio", layout.simBin().resolve("fio"), true);
            } else {
                Files.deleteIfExists(layout.simBin().resolve("fio"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StandIns() {
    }

    /** The stand-ins a profile's NAS has. */
    public static List<String> toolsOf(Profile profile) {
        List<String> tools = new ArrayList<>(List.of("systemctl", "systemd-run", "journalctl", "zfs", "zpool", "dmesg", "sudo", "tee", "df", "reboot", "dd"));
        if (hasFio(profile)) {
            tools.add("fio");
        }
        if (profile.qat().isPresent()) {
            tools.add(0, "adf_ctl");
        }
        if (profile.os().trueNas()) {
            tools.add("midclt");
        }
        return tools;
    }

    public static void install(RootLayout layout, Profile profile) {
        try {
            Files.createDirectories(layout.simBin());
            try (var old = Files.list(layout.simBin())) {
                for (Path p : old.toList()) {
                    Files.delete(p); // a tool of another profile must not linger
                }
            }
            for (String tool : toolsOf(profile)) {
                copy("bin/" + tool, layout.simBin().resolve(tool), true);
            }
            for (String tool : GUARDED) {
                copy("bin/guard", layout.simBin().resolve(tool), true);
            }
            copy("lib/sim.sh", layout.lib().resolve("sim.sh"), false);
            copy("lib/props.awk", layout.lib().resolve("props.awk"), false);
            copy("lib/list.awk", layout.lib().resolve("list.awk"), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(String resource, Path target, boolean executable) throws IOException {
        try (InputStream in = StandIns.class.getResourceAsStream(BASE + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BASE + resource);
            }
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }
}
