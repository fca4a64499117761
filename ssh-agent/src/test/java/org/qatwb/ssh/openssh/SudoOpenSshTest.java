package org.qatwb.ssh.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.ExecResult;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.testing.OpenSshServer;
import org.qatwb.ssh.testing.SshKeygen;
import org.qatwb.ssh.testing.Specs;
import org.qatwb.ssh.testing.ThrowawayUser;

/**
 * The {@code sudo -n} path of the agent protocol, as a non-root NAS account sees it: a throwaway
 * user logs in over real SSH, with a sudoers drop-in that allows everything without a password,
 * or with one. Skipped unless running as root with useradd.
 */
class SudoOpenSshTest {

    @TempDir
    Path dir;
    OpenSshServer server;
    ThrowawayUser user;

    @BeforeEach
    void setUp() throws Exception {
        OpenSshServer.assumeAvailable();
        user = ThrowawayUser.create();
        server = OpenSshServer.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
        if (user != null) {
            user.close();
        }
    }

    private ExecResult sudoAs() throws Exception {
        return as("sudo -n true");
    }

    private ExecResult as(String command) throws Exception {
        Path key = dir.resolve("user_key");
        if (!Files.exists(key)) {
            SshKeygen.generate(key, "ed25519", "");
            server.authorize(user.name(), SshKeygen.publicKey(key));
        }
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, server.knownHostsLine() + "\n");
        try (NasSession s = NasSession.connect(Specs.spec(server.host(), server.port(), user.name(), List.of(key), kh,
                false, Optional.empty()), Specs.fast(), Optional.empty(), Credentials.none())) {
            assertEquals(user.name() + "\n", s.exec("id -un", new byte[0], Duration.ofSeconds(10)).stdoutText());
            return s.exec(command, new byte[0], Duration.ofSeconds(10));
        }
    }

    @Test
    void sudoWithoutPasswordSucceeds() throws Exception {
        user.sudoers("ALL=(ALL) NOPASSWD: ALL");
        ExecResult r = sudoAs();
        assertEquals(0, r.exitStatus(), r.stderrText());
        assertEquals("", r.stderrText());
    }

    @Test
    void sudoThatWantsAPasswordFailsAtOnceWithSudosMessage() throws Exception {
        user.sudoers("ALL=(ALL) ALL");
        ExecResult r = sudoAs();
        assertEquals(1, r.exitStatus());
        assertEquals("sudo: a password is required\n", r.stderrText());
    }

    /** The stream's probe (AgentCommand.Stream): sudo -l says whether sh may run, without running it. */
    @Test
    void sudoListSaysWhetherShMayRunAsTheStreamAsks() throws Exception {
        user.sudoers("ALL=(ALL) NOPASSWD: ALL");
        assertEquals(0, as("sudo -n -l sh >/dev/null 2>&1 </dev/null").exitStatus());
        user.sudoers("ALL=(ALL) NOPASSWD: /usr/bin/cat, /bin/cat");
        assertEquals(1, as("sudo -n -l sh >/dev/null 2>&1 </dev/null").exitStatus());
        assertEquals(0, as("sudo -n -l cat >/dev/null 2>&1 </dev/null").exitStatus());
    }
}
