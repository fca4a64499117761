package org.qatwb.sim.machine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.qatwb.model.snapshot.ZfsParam;
import org.qatwb.sim.tree.RootLayout;

/**
 * What the end of a boot runs that the simulated machine can feel: the enabled systemd units under
 * {@code etc/systemd/system} (their {@code ExecStart=} lines, in order; a failing line ends its unit
 * unless it starts with {@code -}, as systemd runs a oneshot service) and TrueNAS's enabled
 * {@code POSTINIT} commands. Of a command only its writes to ZFS's QAT parameters
 * ({@code echo N > /sys/module/zfs/parameters/zfs_qat_*_disable}) and qatwb's IRQ pins (an IRQ found
 * by its handler's name) do anything here; the rest of it is a real NAS's business.
 */
final class BootScripts {

    private static final Pattern WRITE = Pattern.compile("echo (-?[0-9]+) > /sys/module/zfs/parameters/([A-Za-z0-9_]+)");
    /** An IRQ pin of qatwb's unit, the IRQ found by its handler's name ({@code model.persist.IrqPinUnit}). */
    private static final Pattern PIN = Pattern.compile(
            "cd /proc/irq/\\*/([A-Za-z0-9_:.-]+)/\\.\\. && echo ([0-9,-]+) > smp_affinity_list");

    private BootScripts() {
    }

    /** The {@code ExecStart=} commands of each unit enabled for multi-user.target, units by name. */
    static List<List<String>> enabledUnits(RootLayout layout) {
        List<List<String>> units = new ArrayList<>();
        if (!Files.isDirectory(layout.multiUserWants())) {
            return units;
        }
        try (Stream<Path> links = Files.list(layout.multiUserWants())) {
            for (Path link : links.sorted().toList()) {
                // the link points at /etc/systemd/system/NAME on the real box: the unit is found by name
                Path unit = layout.systemdUnits().resolve(link.getFileName().toString());
                if (Files.isRegularFile(unit)) {
                    units.add(Files.readAllLines(unit, StandardCharsets.UTF_8).stream()
                            .filter(l -> l.startsWith("ExecStart=")).map(l -> l.substring("ExecStart=".length())).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return units;
    }

    /** Runs a unit's commands; a failing one ends the unit unless it is marked {@code -}. */
    static void runUnit(List<String> execStarts, BiPredicate<ZfsParam, String> write) {
        runUnit(execStarts, write, (name, cpus) -> true);
    }

    /** The same, with the IRQ pins: {@code pin} sets the IRQ named so to the CPU list, false when it cannot. */
    static void runUnit(List<String> execStarts, BiPredicate<ZfsParam, String> write, BiPredicate<String, String> pin) {
        for (String exec : execStarts) {
            if (!(run(exec, write) & pins(exec, pin)) && !exec.startsWith("-")) {
                return;
            }
        }
    }

    private static boolean pins(String command, BiPredicate<String, String> pin) {
        boolean ok = true;
        Matcher m = PIN.matcher(command);
        while (m.find()) {
            ok &= pin.test(m.group(1), m.group(2));
        }
        return ok;
    }

    /** One init script's command: its parameter writes and its IRQ pins (qatwb's TrueNAS init script, model's IrqPinInit). */
    static boolean run(String command, BiPredicate<ZfsParam, String> write, BiPredicate<String, String> pin) {
        return run(command, write) & pins(command, pin);
    }

    /**
     * Runs the parameter writes of one command, each one; false when any failed (a shell's
     * {@code a; b} runs b after a failed a, and reports b's status: close enough for a boot).
     */
    static boolean run(String command, BiPredicate<ZfsParam, String> write) {
        boolean ok = true;
        Matcher m = WRITE.matcher(command);
        while (m.find()) {
            Optional<ZfsParam> p = ZfsParam.bySysfsName(m.group(2));
            if (p.isPresent()) {
                ok &= write.test(p.get(), m.group(1));
            }
        }
        return ok;
    }
}
