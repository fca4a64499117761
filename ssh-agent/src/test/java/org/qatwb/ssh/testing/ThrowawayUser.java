package org.qatwb.ssh.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * A non-root account that exists only for one test: created with a unique name by
 * {@code useradd}, given a sudoers drop-in when the test asks, and removed (account, home and
 * drop-in) on {@link #close()}. Tests are skipped when not running as root or without useradd.
 */
public final class ThrowawayUser implements AutoCloseable {

    private static final Path USERADD = Path.of("/usr/sbin/useradd");
    private static final Path USERDEL = Path.of("/usr/sbin/userdel");
    private static final Path USERMOD = Path.of("/usr/sbin/usermod");
    private static final Path SUDOERS_D = Path.of("/etc/sudoers.d");

    private final String name;
    private Path dropIn;

    private ThrowawayUser(String name) {
        this.name = name;
    }

    /** Creates the account, or skips the test (with the reason) where that is not possible. */
    public static ThrowawayUser create() throws IOException {
        assumeTrue(OpenSshServer.isRoot(), "creating a throwaway user needs root");
        assumeTrue(Files.isExecutable(USERADD) && Files.isExecutable(USERDEL) && Files.isExecutable(USERMOD),
                "needs useradd, usermod and userdel (Debian package passwd)");
        byte[] r = new byte[4];
        new SecureRandom().nextBytes(r);
        // lower case, starts with a letter, 12 characters: valid everywhere
        String name = "qatwbt" + HexFormat.of().formatHex(r).substring(0, 6);
        Processes.run(List.of(USERADD.toString(), "-m", "-s", "/bin/sh", name));
        ThrowawayUser u = new ThrowawayUser(name);
        try {
            // '*': no password can match, but the account is not locked ('!'), which sshd would refuse
            Processes.run(List.of(USERMOD.toString(), "-p", "*", name));
        } catch (IOException e) {
            u.close();
            throw e;
        }
        return u;
    }

    public String name() {
        return name;
    }

    /** Writes {@code /etc/sudoers.d/<drop-in>} with {@code rule} for this user ({@code "ALL=(ALL) NOPASSWD: ALL"}). */
    public void sudoers(String rule) throws IOException {
        assumeTrue(Files.isDirectory(SUDOERS_D), "needs " + SUDOERS_D + " (Debian package sudo)");
        removeDropIn();
        // no dot in the name: sudo ignores drop-ins whose names contain one
        Path file = SUDOERS_D.resolve("qatwb-test-" + name);
        Files.writeString(file, name + " " + rule + "\n");
        OpenSshServer.chmod(file, "r--r-----");
        dropIn = file;
        if (Files.isExecutable(Path.of("/usr/sbin/visudo"))) {
            Processes.run(List.of("/usr/sbin/visudo", "-c", "-q", "-f", file.toString()));
        }
    }

    private void removeDropIn() throws IOException {
        if (dropIn != null) {
            Files.deleteIfExists(dropIn);
            dropIn = null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            removeDropIn();
        } finally {
            // -f: a session process of the user that has not quite exited must not leave the account behind
            Processes.runAllowingFailure(List.of(USERDEL.toString(), "-f", "-r", name));
        }
    }
}
