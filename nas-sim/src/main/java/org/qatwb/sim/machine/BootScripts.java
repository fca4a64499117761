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
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.sim.tree.RootLayout;

/**
 * What a boot runs that the simulated machine can feel: the enabled systemd units under
 * {@code etc/systemd/system} and TrueNAS's enabled {@code POSTINIT} commands. A command that runs
 * one of qatwb's scripts ({@code /bin/sh /var/lib/qatwb/PATH ARGS} in a unit, {@code sh
 * /var/lib/qatwb/PATH ARGS} in an init script) is run for real ({@link #script}); of any other only
 * its writes to ZFS's QAT parameters ({@code echo N > /sys/module/zfs/parameters/zfs_qat_*_disable})
 * and qatwb's IRQ pins (an IRQ found by its handler's name) do anything here; the rest of it is a
 * real NAS's business.
 */
final class BootScripts {

    private static final Pattern WRITE = Pattern.compile("echo (-?[0-9]+) > /sys/module/zfs/parameters/([A-Za-z0-9_]+)");
    /** An IRQ pin of qatwb's unit, the IRQ found by its handler's name ({@code model.irq.IrqPinUnit}). */
    private static final Pattern PIN = Pattern.compile(
            "cd /proc/irq/\\*/([A-Za-z0-9_:.-]+)/\\.\\. && echo ([0-9,-]+) > smp_affinity_list");

    /**
     * A command that runs one of qatwb's scripts: {@code sh}, a path under /var/lib/qatwb (no segment
     * starts with a dot, so none is {@code ..}), then plain words (no quotes, no shell syntax).
     */
    private static final Pattern SCRIPT = Pattern.compile(
            "(?:/bin/)?sh /var/lib/qatwb/((?:[A-Za-z0-9_][A-Za-z0-9._-]*/)*[A-Za-z0-9_][A-Za-z0-9._-]*)((?: [A-Za-z0-9._,:=+/-]+)*)");

    private BootScripts() {
    }

    /** Each unit enabled for multi-user.target, by name, as {@link BootUnit} reads it. */
    static List<BootUnit> enabledUnits(RootLayout layout) {
        List<BootUnit> units = new ArrayList<>();
        if (!Files.isDirectory(layout.multiUserWants())) {
            return units;
        }
        try (Stream<Path> links = Files.list(layout.multiUserWants())) {
            for (Path link : links.sorted().toList()) {
                // the link points at /etc/systemd/system/NAME on the real box: the unit is found by name
                String name = link.getFileName().toString();
                Path unit = layout.systemdUnits().resolve(name);
                if (Files.isRegularFile(unit)) {
                    units.add(BootUnit.parse(name, Files.readAllLines(unit, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return units;
    }

    /**
     * The command line of a real process for one of qatwb's scripts ({@code /bin/sh ROOT/var/lib/qatwb/PATH
     * ARGS}), or empty when {@code command} is not one: {@code /bin/sh /var/lib/qatwb/...} as a unit's
     * {@code ExecStart=} writes it (with systemd's {@code -} prefix), {@code sh /var/lib/qatwb/...} as an
     * init script's. Words are plain (no quotes, no shell syntax), so splitting at spaces is what
     * systemd's and sh's word splitting would do.
     */
    static Optional<List<String>> script(String command, Path root) {
        String c = command.startsWith("-") ? command.substring(1) : command;
        Matcher m = SCRIPT.matcher(c);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> argv = new ArrayList<>(List.of("/bin/sh", root.resolve("var/lib/qatwb").resolve(m.group(1)).toString()));
        for (String w : m.group(2).strip().split(" ")) {
            if (!w.isEmpty()) {
                argv.add(w);
            }
        }
        return Optional.of(argv);
    }

    private static boolean pins(String command, BiPredicate<String, String> pin) {
        boolean ok = true;
        Matcher m = PIN.matcher(command);
        while (m.find()) {
            ok &= pin.test(m.group(1), m.group(2));
        }
        return ok;
    }

    /**
     * A command the boot does not run (a unit's {@code ExecStart=}, an init script's command): its
     * parameter writes and its IRQ pins (qatwb's params unit and init script, model's IrqPinUnit and IrqPinInit).
     */
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
