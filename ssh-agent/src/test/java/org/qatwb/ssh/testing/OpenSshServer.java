package org.qatwb.ssh.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.qatwb.ssh.hostkey.HostKeyName;
import org.qatwb.ssh.hostkey.HostPublicKey;

/**
 * A real OpenSSH {@code sshd} for tests: {@code /usr/sbin/sshd -D -e -f <config>} on 127.0.0.1 and
 * a free port, with its own ed25519 host key, its own {@code sshd_config} (no PAM, {@code StrictModes
 * no}, key authentication only, {@code AuthorizedKeysFile} in its own directory, {@code SetEnv} for
 * server-side variables such as {@code QATWB_ROOT}, {@code PidFile} in its directory), and a key
 * for the current user already authorized.
 *
 * <p>Tests that need it call {@link #assumeAvailable()} first: they are skipped, with the reason,
 * where sshd is not installed or cannot run (not root and no {@code /run/sshd}).
 */
public final class OpenSshServer implements AutoCloseable {

    public static final Path SSHD = Path.of("/usr/sbin/sshd");
    public static final String HOST = "127.0.0.1";

    private final Path dir;
    private final Map<String, String> setEnv;
    private final Path hostKey;
    private final Path userKey;
    private final String currentUser;
    private int port;
    private Process process;

    private OpenSshServer(Path dir, Map<String, String> setEnv) throws IOException {
        this.dir = dir;
        this.setEnv = new LinkedHashMap<>(setEnv);
        this.hostKey = SshKeygen.generate(dir.resolve("ssh_host_ed25519_key"), "ed25519", "");
        this.userKey = SshKeygen.generate(dir.resolve("id_ed25519"), "ed25519", "");
        this.currentUser = Processes.run(List.of("id", "-un")).trim();
        Files.createDirectories(dir.resolve("authorized_keys"));
        chmod(dir.resolve("authorized_keys"), "rwxr-xr-x");
        authorize(currentUser, SshKeygen.publicKey(userKey));
    }

    /** Skips the calling test, saying why, when a real sshd cannot be run here. */
    public static void assumeAvailable() {
        assumeTrue(Files.isExecutable(SSHD), "needs OpenSSH's " + SSHD + " (Debian package openssh-server)");
        SshKeygen.assumeInstalled();
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep) && isRoot()) {
            try {
                // sshd's privilege separation directory: root-owned, not group or world writable
                Files.createDirectories(privsep);
                chmod(privsep, "rwxr-xr-x");
            } catch (IOException e) {
                assumeTrue(false, "cannot create " + privsep + ": " + e.getMessage());
            }
        }
        assumeTrue(Files.isDirectory(privsep), "sshd needs " + privsep + " (run the tests as root once to create it)");
    }

    /** Whether the tests run as root (needed for throwaway users and sudoers drop-ins). */
    public static boolean isRoot() {
        try {
            return Processes.run(List.of("id", "-u")).trim().equals("0");
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts a server with no extra environment. */
    public static OpenSshServer start() throws IOException {
        return start(Map.of());
    }

    /** Starts a server whose sessions get {@code setEnv} (sshd's {@code SetEnv}). */
    public static OpenSshServer start(Map<String, String> setEnv) throws IOException {
        assumeAvailable();
        Path dir = Files.createTempDirectory("qatwb-sshd");
        // readable by the throwaway users too: sshd reads their authorized_keys as them
        chmod(dir, "rwxr-xr-x");
        OpenSshServer s = new OpenSshServer(dir, setEnv);
        try {
            s.port = freePort();
            s.startProcess();
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** The login name of the user running the tests, whose key {@link #userKey()} is authorized. */
    public String currentUser() {
        return currentUser;
    }

    /** The private key file authorized for {@link #currentUser()}. */
    public Path userKey() {
        return userKey;
    }

    public HostPublicKey hostKey() throws IOException {
        return SshKeygen.publicKey(hostKey);
    }

    public Path directory() {
        return dir;
    }

    /** A {@code known_hosts} line that trusts this server. */
    public String knownHostsLine() throws IOException {
        HostPublicKey k = hostKey();
        return HostKeyName.of(HOST, port) + " " + k.type() + " " + k.base64();
    }

    /** Adds {@code key} to what {@code user} may log in with. */
    public void authorize(String user, HostPublicKey key) throws IOException {
        Path file = dir.resolve("authorized_keys").resolve(user);
        Files.writeString(file, key.type() + " " + key.base64() + " qatwb-test\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        chmod(file, "rw-r--r--");
    }

    /** sshd's own log ({@code -e}), for failure messages. */
    public String log() {
        try {
            return Files.readString(dir.resolve("sshd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Stops sshd and every connection it serves, their processes too, as a reboot of the NAS would:
     * SIGTERM first (so shells run their exit traps: a login shell killed outright in its rc files can
     * leave lock files behind, pyenv's for one), SIGKILL for what is left after two seconds.
     */
    public void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        // sshd -D leaves running sessions alone when the listener stops: end them, they are its children
        List<ProcessHandle> all = new java.util.ArrayList<>(p.descendants().toList());
        all.add(p.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            pause();
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts sshd again on the same port with the same keys. */
    public void restart() throws IOException {
        stop();
        startProcess();
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is not worth failing a test for
        }
    }

    private void startProcess() throws IOException {
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, config());
        Path logFile = dir.resolve("sshd.log");
        process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited with " + process.exitValue() + ": " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        stop();
        throw new IOException("sshd did not listen on " + HOST + ":" + port + " within 10 s: " + log());
    }

    private String config() {
        StringBuilder c = new StringBuilder();
        c.append("Port ").append(port).append('\n');
        c.append("ListenAddress ").append(HOST).append('\n');
        c.append("HostKey ").append(hostKey).append('\n');
        c.append("PidFile ").append(dir.resolve("sshd.pid")).append('\n');
        c.append("AuthorizedKeysFile ").append(dir.resolve("authorized_keys")).append("/%u\n");
        c.append("""
                StrictModes no
                UsePAM no
                PubkeyAuthentication yes
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PermitRootLogin prohibit-password
                UseDNS no
                X11Forwarding no
                AllowTcpForwarding no
                PrintMotd no
                PrintLastLog no
                MaxStartups 50
                LogLevel VERBOSE
                """);
        if (!setEnv.isEmpty()) {
            c.append("SetEnv");
            setEnv.forEach((k, v) -> c.append(" \"").append(k).append('=').append(v).append('"'));
            c.append('\n');
        }
        return c.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void chmod(Path p, String perms) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }
}
