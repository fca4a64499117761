package org.qatwb.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.qatwb.sim.machine.Machine;
import org.qatwb.sim.ssh.SshServerHost;
import org.qatwb.sim.tree.RootLayout;

/**
 * Fault injection for tests (DESIGN.md): a failing restart, a read-only {@code /etc}, dropped
 * connections, slow answers, a sudo that wants a password. Faults the stand-ins must see are flag
 * files under {@code .sim/faults}, so checking one costs a {@code test -e}.
 */
public final class SimFaults {

    static final String READONLY_ETC = "readonly-etc";
    static final String SUDO_PASSWORD = "sudo-password";

    private final Machine machine;
    private final RootLayout layout;
    private final Supplier<SshServerHost> server;
    private final AtomicReference<Duration> slow;

    SimFaults(Machine machine, RootLayout layout, Supplier<SshServerHost> server, AtomicReference<Duration> slow) {
        this.machine = machine;
        this.layout = layout;
        this.server = server;
        this.slow = slow;
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

    /** Disarms every fault (a restart failure already armed stays armed until a restart uses it). */
    public SimFaults clear() {
        readOnlyEtc(false);
        sudoRequiresPassword(false);
        dropConnectionsAfter(null);
        slowAnswers(null);
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
