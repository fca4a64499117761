package org.qatwb.sim.machine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.qatwb.model.zia.ZiaHooks;
import org.qatwb.sim.tree.RootLayout;

/**
 * The end of a boot for qatwb's Z.I.A. hooks, run for real: the zedlets the agent wrote are
 * executed by {@code /bin/sh} against the simulated root, and their {@code zpool set} reaches the
 * simulated zpool through its stand-in, as on a NAS. Run once the simulator answers requests (never
 * under the machine's lock, which the stand-ins' requests need).
 * qatwb's re-apply unit ({@code /bin/sh /var/lib/qatwb/...}) runs in the boot's order with the other
 * units ({@link BootScripts#script}); what is left for the end of the boot is ZED:
 * <ul>
 * <li>after a reboot it finds its saved event id gone and replays every event since zfs.ko
 *     loaded (cmd/zed/zed_event.c {@code zed_event_seek} seeks to the start), so each boot import's
 *     {@code pool_import} event runs the zedlets named {@code pool_import-*} or {@code all-*}
 *     (zed_exec.c {@code zed_exec_process}) that are regular, executable and not writable by group
 *     or other (zed_conf.c {@code zed_conf_scan_dir}), with {@code ZEVENT_POOL}.</li>
 * </ul>
 * The stand-in {@code zpool import} runs the same zedlets for the pool it imports.
 */
final class ZiaHooksAtBoot {

    private static final long TIMEOUT_SECONDS = 60;

    private ZiaHooksAtBoot() {
    }

    /** Runs the hooks; what they print goes to the simulator's journal file, as a unit's output would. */
    static void run(RootLayout layout, Map<String, String> env, List<String> pools) {
        Path zedDir = layout.root().resolve(ZiaHooks.ZEDLET.substring(1)).getParent();
        for (String pool : pools) {
            for (Path zedlet : zedlets(zedDir)) {
                sh(layout, env, List.of(zedlet.toString()), Map.of("ZEVENT_POOL", pool, "ZEVENT_SUBCLASS", "pool_import",
                        "ZEVENT_CLASS", "sysevent.fs.zfs.pool_import"));
            }
        }
    }

    private static List<Path> zedlets(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                boolean matches = name.startsWith("pool_import-") || name.startsWith("all-");
                if (matches && Files.isRegularFile(f) && Files.isExecutable(f) && !writableByOthers(f)) {
                    out.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean writableByOthers(Path f) throws IOException {
        String perms = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
        return perms.charAt(4) == 'w' || perms.charAt(7) == 'w';
    }

    private static void sh(RootLayout layout, Map<String, String> env, List<String> args, Map<String, String> extra) {
        List<String> command = new ArrayList<>(List.of("/bin/sh"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().putAll(extra);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(layout.state().resolve("journal-boot").toFile()));
        try {
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + args, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
