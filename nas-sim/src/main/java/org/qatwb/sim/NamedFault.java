package org.qatwb.sim;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The faults {@code qatwb sim --fault NAME[=VALUE]} arms by name, each with one line of what it does.
 * Armed after the simulator's first boot, so a fault aimed at "the next boot" waits for a reboot.
 *
 * @param name        what {@code --fault} takes
 * @param valueLabel  the value it takes after {@code =}, or "" for none
 * @param description one line for {@code --fault list}
 * @param arm         arms it on a running simulator, with the value ("" when none was given)
 */
public record NamedFault(String name, String valueLabel, String description, BiConsumer<SimFaults, String> arm) {

    /** How long {@code slow-boot} keeps the NAS down without a value. */
    public static final Duration SLOW_BOOT = Duration.ofSeconds(30);

    public static final List<NamedFault> ALL = List.of(
            new NamedFault("refuse-vf-at-boot", "",
                    "at the next boot the driver refuses the first VF's configuration (not enough rings): it stays down",
                    (f, v) -> f.refuseVfAtNextBoot()),
            new NamedFault("rollback-fails-at-boot", "",
                    "at the next boot the first QAT restart after qat.service (a boot check's rollback) fails",
                    (f, v) -> f.rollbackFailsAtNextBoot()),
            new NamedFault("no-return", "", "the next reboot does not come back: the NAS stays down",
                    (f, v) -> f.noReturn()),
            new NamedFault("slow-boot", "SECONDS", "the next reboot keeps the NAS down SECONDS (default "
                    + SLOW_BOOT.toSeconds() + ") before it boots",
                    (f, v) -> f.slowBoot(v.isEmpty() ? SLOW_BOOT : Duration.ofSeconds(Long.parseLong(v)))),
            new NamedFault("readonly-etc", "", "writes under /etc fail as on a read-only file system",
                    (f, v) -> f.readOnlyEtc(true)),
            new NamedFault("disk-full", "", "df shows no space, and creating files under /etc and /var fails",
                    (f, v) -> f.diskFull(true)),
            new NamedFault("sudo-password", "", "sudo says a password is required",
                    (f, v) -> f.sudoRequiresPassword(true)),
            new NamedFault("no-systemd", "", "systemd is not running: systemd-run and systemctl reboot fail",
                    (f, v) -> f.withoutSystemd(true)),
            new NamedFault("no-fio", "", "the NAS has no fio (a benchmark takes its dd path)",
                    (f, v) -> f.withoutFio(true)),
            new NamedFault("corrupt-read", "", "the next read of a benchmark's file returns one byte wrong (its checksum fails)",
                    (f, v) -> f.corruptNextRead()));

    /**
     * The fault {@code spec} ({@code NAME} or {@code NAME=VALUE}) names with its value, or empty when
     * there is none such or the value does not fit.
     */
    public static Optional<Armed> parse(String spec) {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec : spec.substring(0, eq);
        String value = eq < 0 ? "" : spec.substring(eq + 1);
        for (NamedFault f : ALL) {
            if (f.name.equals(name)) {
                boolean fits = f.valueLabel.isEmpty() ? eq < 0 : value.matches("[0-9]{1,6}") || eq < 0;
                return fits ? Optional.of(new Armed(f, value)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** {@code NAME} or {@code NAME[=VALUE]}, as the list shows it. */
    public String usage() {
        return valueLabel.isEmpty() ? name : name + "[=" + valueLabel + "]";
    }

    /** A fault and its value, ready to arm. */
    public record Armed(NamedFault fault, String value) {
        public void arm(SimFaults faults) {
            fault.arm.accept(faults, value);
        }
    }
}
