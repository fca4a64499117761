package org.qatwb.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.qatwb.sim.machine.Machine;
import org.qatwb.sim.ssh.SshServerHost;
import org.qatwb.sim.tree.AtomicFiles;
import org.qatwb.sim.tree.RootLayout;
import org.qatwb.sim.tree.StandIns;

/**
 * Fault injection for tests (DESIGN.md): a failing restart, a read-only {@code /etc}, a full disk,
 * dropped connections (after a time, or at a chosen call of a tool), a failing call of a tool, slow
 * answers, a sudo that wants a password, no systemd, a tool replaced by a hostile one. Faults the stand-ins must see are flag files
 * under {@code .sim/faults}, so checking one costs a {@code test -e}.
 */
public final class SimFaults {

    static final String READONLY_ETC = "readonly-etc";
    static final String SUDO_PASSWORD = "sudo-password";
    static final String DISK_FULL = "disk-full";
    /** Where sd_booted(3) looks: systemd runs when this directory exists. */
    public static final String SYSTEMD_RUNTIME = "run/systemd/system";

    private final Machine machine;
    private final RootLayout layout;
    private final Supplier<SshServerHost> server;
    private final AtomicReference<Duration> slow;
    private final PowerCycle power;
    private final Set<String> hostile = ConcurrentHashMap.newKeySet();

    SimFaults(Machine machine, RootLayout layout, Supplier<SshServerHost> server, AtomicReference<Duration> slow,
              PowerCycle power) {
        this.machine = machine;
        this.layout = layout;
        this.server = server;
        this.slow = slow;
        this.power = power;
    }

    /**
     * At the next boot the driver refuses the first VF's configuration: qat.service's start reads
     * that VF's file as one the driver cannot place (more kernel instances than its one bank holds),
     * so the VF stays down with the kernel's {@code Don't have enough rings for instance ...} and
     * adf_ctl's {@code Failed to configure qat_devN}, through the simulator's own driver. The file on
     * disk is not touched, and later restarts (a boot check's rollback) read the files as they are.
     */
    public SimFaults refuseVfAtNextBoot() {
        machine.refuseVfAtNextBoot();
        return this;
    }

    /**
     * At the next boot, the first QAT restart after qat.service's start (a boot check's rollback)
     * brings no device up and fails, as {@link #failNextRestart} does.
     */
    public SimFaults rollbackFailsAtNextBoot() {
        machine.failRestartAtNextBoot();
        return this;
    }

    /** The next reboot does not come back: the NAS goes down and stays down (until {@link SimulatedNas#powerOn()}). */
    public SimFaults noReturn() {
        power.noReturn();
        return this;
    }

    /** The next reboot keeps the NAS down for {@code down} instead of {@link SimOptions#downTime}. */
    public SimFaults slowBoot(Duration down) {
        if (down.isNegative()) {
            throw new IllegalArgumentException("down time " + down);
        }
        power.slowBoot(down);
        return this;
    }

    /**
     * The next QAT restart (or start: {@code adf_ctl restart|up}, {@code systemctl restart qat})
     * brings no device up and reports {@code message} on stderr and in the kernel log; the one after
     * works again.
     */
    public SimFaults failNextRestart(String message) {
        machine.failNextRestart(message);
        return this;
    }

    /** The next QAT restart leaves ZFS without its QAT kstat, as if ZFS lost QAT (see {@link Machine#loseKstatOnNextRestart}). */
    public SimFaults loseKstatOnNextRestart() {
        machine.loseKstatOnNextRestart();
        return this;
    }

    /**
     * Makes writes under {@code etc/} fail as on a read-only file system: the write bits go (which
     * stops anyone but root) and the stand-in file tools ({@code tee mv cp rm ln touch mkdir rmdir
     * mktemp install}) refuse, which stops root too. A shell redirection ({@code > file}) by root is
     * the one write this cannot stop.
     */
    public SimFaults readOnlyEtc(boolean on) {
        flag(READONLY_ETC, on);
        chmodTree(layout.etc(), on);
        return this;
    }

    /** {@code sudo} (with or without {@code -n}) fails with "sudo: a password is required", exit 1. */
    public SimFaults sudoRequiresPassword(boolean on) {
        flag(SUDO_PASSWORD, on);
        return this;
    }

    /** Cuts every SSH connection now. */
    public SimFaults dropAllConnections() {
        server.get().dropAllConnections();
        return this;
    }

    /**
     * Cuts every connection {@code after} it is opened (open ones: {@code after} from now), until
     * called with null.
     */
    public SimFaults dropConnectionsAfter(Duration after) {
        server.get().dropConnectionsAfter(after);
        return this;
    }

    /** Every exec starts {@code delay} late (null or zero: on time). */
    public SimFaults slowAnswers(Duration delay) {
        slow.set(delay == null ? Duration.ZERO : delay);
        return this;
    }

    /**
     * A full disk: {@code df} shows 0 KiB available everywhere under the root, and the file tools
     * refuse to create anything under {@code etc/} and {@code var/} ("No space left on device").
     */
    public SimFaults diskFull(boolean on) {
        flag(DISK_FULL, on);
        return this;
    }

    /**
     * Puts {@code script} (POSIX sh, without the {@code #!} line) first on every exec's PATH as
     * {@code tool}, as a hostile NAS's own tool would be: the agent then runs it instead of the
     * system's. Only for tools the simulator has no stand-in for ({@code head}, {@code cat}, ...);
     * {@link #clear()} removes them.
     */
    public SimFaults hostileTool(String tool, String script) {
        Path f = layout.simBin().resolve(tool);
        if (!tool.matches("[a-z][a-z0-9_-]*") || tool.equals("sh") || (Files.exists(f) && !hostile.contains(tool))) {
            throw new IllegalArgumentException("not a tool that may be replaced: " + tool);
        }
        try {
            AtomicFiles.write(f, "#!/bin/sh\n" + script + "\n");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        hostile.add(tool);
        return this;
    }

    /** Removes every {@link #hostileTool}. */
    public SimFaults honestTools() {
        try {
            for (String tool : hostile) {
                Files.deleteIfExists(layout.simBin().resolve(tool));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        hostile.clear();
        return this;
    }

    /**
     * systemd is not running (a container, an init-script box): {@code run/systemd/system} is gone, so
     * whoever checks as sd_booted(3) does finds no systemd, and {@code systemd-run} fails. The agent
     * then runs its transaction worker and rollback timer as setsid processes on the real clock.
     */
    public SimFaults withoutSystemd(boolean on) {
        Path d = layout.root().resolve(SYSTEMD_RUNTIME);
        try {
            if (on) {
                Files.deleteIfExists(d);
            } else {
                Files.createDirectories(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * The {@code nth} call (from now, 1 for the next) of the stand-in {@code tool} with an argument
     * starting with {@code pattern} fails with {@code message} on stderr, exit status 1, and does
     * nothing. A path under the root is matched without the root: {@code failCall("mv", "/etc/", 3,
     * ...)} fails the third rename into etc/. Tools: the file tools of {@link #readOnlyEtc} and
     * {@code tee}, {@code adf_ctl}, {@code systemctl}, {@code systemd-run}, {@code df}. One fault per
     * tool; the next arming replaces it, {@code clearCalls()} ends them.
     */
    public SimFaults failCall(String tool, String pattern, int nth, String message) {
        return armCall(tool, pattern, nth, "fail", message);
    }

    /**
     * As {@link #failCall}, but the call drops every SSH connection (a QAT restart that takes the
     * network link down) and then does its work: processes in an SSH session end with it, those
     * outside (a transient unit, a setsid process) go on.
     */
    public SimFaults dropConnectionsAtCall(String tool, String pattern, int nth) {
        return armCall(tool, pattern, nth, "drop", "");
    }

    /**
     * As {@link #failCall}, but the call hangs: it becomes a {@code sleep} of an hour in its own
     * process (same pid: whoever bounds the call with timeout(1) ends it), as an adf_ctl or a
     * {@code systemctl restart} stuck in the driver does.
     */
    public SimFaults hangAtCall(String tool, String pattern, int nth) {
        return armCall(tool, pattern, nth, "hang", "");
    }

    /** As {@link #failCall}, but the call waits {@code delay} (whole seconds) and then does its work. */
    public SimFaults slowCall(String tool, String pattern, int nth, Duration delay) {
        if (delay.isNegative() || delay.toSeconds() > 3600) {
            throw new IllegalArgumentException("a delay of 0..3600 s: " + delay);
        }
        return armCall(tool, pattern, nth, "slow", Long.toString(delay.toSeconds()));
    }

    /** How many calls of {@code tool} matched its armed call fault so far. */
    public int calls(String tool) {
        try {
            Path c = layout.faults().resolve("call-" + tool + ".count");
            return Files.exists(c) ? Integer.parseInt(Files.readString(c).strip()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next read of a file in a dataset made with zfs create, by the fio or the dd stand-in, returns
     * one byte wrong (the file on disk stays right), as a faulty decompression would: fio's verify and
     * a sha256 of what dd read see a mismatch. One read; then reads are right again.
     */
    public SimFaults corruptNextRead() {
        machine.corruptNextRead();
        return this;
    }

    /** The NAS without fio (the dd path of a benchmark), or with it again; the profile decides at start. */
    public SimFaults withoutFio(boolean on) {
        StandIns.fio(layout, !on);
        return this;
    }

    /**
     * For a test of the space a benchmark needs: {@code pool} fills until only {@code available} bytes are
     * left for its datasets ({@code zfs get available}); zpool's free and allocated follow.
     */
    public SimFaults poolAvailable(String pool, long available) {
        machine.leaveAvailable(pool, available);
        return this;
    }

    /** Disarms every call fault. */
    public SimFaults clearCalls() {
        try (Stream<Path> files = Files.list(layout.faults())) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("call-")).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private SimFaults armCall(String tool, String pattern, int nth, String action, String message) {
        if (!tool.matches("[a-z_-]+") || nth < 1 || pattern.contains("\n")) {
            throw new IllegalArgumentException("call fault " + tool + " #" + nth);
        }
        try {
            Path f = layout.faults().resolve("call-" + tool);
            Files.deleteIfExists(layout.faults().resolve("call-" + tool + ".count"));
            // line 1: N ACTION; line 2: the pattern; then the message. The stand-in reads it whole.
            AtomicFiles.write(f, nth + " " + action + "\n" + pattern + "\n" + message + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Disarms every fault (a restart failure and the boot faults of the driver already armed stay armed
     * until a restart or a boot uses them; {@code no-return} and {@code slow-boot} are disarmed).
     */
    public SimFaults clear() {
        readOnlyEtc(false);
        sudoRequiresPassword(false);
        diskFull(false);
        honestTools();
        withoutSystemd(false);
        clearCalls();
        dropConnectionsAfter(null);
        slowAnswers(null);
        power.clear();
        return this;
    }

    private void flag(String name, boolean on) {
        Path f = layout.faults().resolve(name);
        try {
            if (on) {
                Files.writeString(f, "1\n");
            } else {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chmodTree(Path dir, boolean readOnly) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path p : all) {
            if (Files.isSymbolicLink(p)) {
                continue;
            }
            boolean isDir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            String mode = isDir ? (readOnly ? "r-xr-xr-x" : "rwxr-xr-x") : (readOnly ? "r--r--r--" : "rw-r--r--");
            try {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
