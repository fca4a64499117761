package org.qatwb.ssh.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real {@code ssh-agent} started by a test on its own socket, and {@code ssh-add} to load it. */
public final class SshAgentProcess implements AutoCloseable {

    private static final Path SSH_AGENT = Path.of("/usr/bin/ssh-agent");
    private static final Path SSH_ADD = Path.of("/usr/bin/ssh-add");

    private final Process process;
    private final Path socket;

    private SshAgentProcess(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts {@code ssh-agent -D -a <dir>/agent.sock}; skips the test where ssh-agent is missing. */
    public static SshAgentProcess start(Path dir) throws IOException {
        assumeTrue(Files.isExecutable(SSH_AGENT) && Files.isExecutable(SSH_ADD),
                "needs ssh-agent and ssh-add (Debian package openssh-client)");
        Path socket = dir.resolve("agent.sock");
        Process p = new ProcessBuilder(SSH_AGENT.toString(), "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(socket)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("ssh-agent did not create " + socket + ": " + Files.readString(dir.resolve("agent.log")));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        return new SshAgentProcess(p, socket);
    }

    public Path socket() {
        return socket;
    }

    /** {@code ssh-add key} against this agent. */
    public void add(Path privateKey) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(SSH_ADD.toString(), "-q", privateKey.toString()).redirectErrorStream(true);
        pb.environment().put("SSH_AUTH_SOCK", socket.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("ssh-add failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
