package org.qatwb.ssh.mina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.ssh.AuthenticationFailed;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.SessionSettings;
import org.qatwb.ssh.config.ConnectionSpec;
import org.qatwb.ssh.testing.RecordingCredentials;
import org.qatwb.ssh.testing.Specs;

/**
 * Password and keyboard-interactive authentication against an in-process MINA server, with the
 * secret checked to appear nowhere: not in exceptions (message, causes, suppressed), not in the
 * SSH library's log at its most verbose.
 */
class PasswordAuthTest {

    private static final String SECRET = "Sup3r-Secret-Pa55word";

    @TempDir
    Path dir;
    final List<String> log = new CopyOnWriteArrayList<>();

    private ConnectionSpec spec(int port) {
        // accept-new: the MINA host key is new every run
        return Specs.spec("127.0.0.1", port, PasswordServer.USER, List.of(), dir.resolve("known_hosts"), true,
                Optional.empty());
    }

    private SessionSettings loggingEverything() {
        return Specs.fast().withLog((level, message) -> log.add(level + " " + message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "keyboard-interactive"})
    void rightPasswordLogsIn(String method) throws Exception {
        RecordingCredentials creds = new RecordingCredentials(null, SECRET);
        try (PasswordServer server = PasswordServer.start(dir, SECRET, method);
                NasSession s = NasSession.connect(spec(server.port()), loggingEverything(), Optional.empty(), creds)) {
            assertEquals("hello admin\n", s.exec("anything", new byte[0], Duration.ofSeconds(10)).stdoutText());
            assertEquals(List.of("password admin@127.0.0.1:" + server.port()), creds.asked);
        }
        assertTrue(creds.allWiped(), "the password array is zeroed once handed over");
        assertSecretNowhere(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "keyboard-interactive"})
    void wrongPasswordIsAuthenticationFailedAndTheSecretIsNowhere(String method) throws Exception {
        RecordingCredentials creds = new RecordingCredentials(null, SECRET);
        try (PasswordServer server = PasswordServer.start(dir, "the-real-one", method)) {
            AuthenticationFailed e = assertThrows(AuthenticationFailed.class,
                    () -> NasSession.connect(spec(server.port()), loggingEverything(), Optional.empty(), creds));
            assertEquals(3, creds.asked.size(), "asked as often as ssh asks: " + creds.asked);
            assertEquals(List.of(method), e.serverMethods());
            assertTrue(e.getMessage().contains(method), e.getMessage());
            assertSecretNowhere(e);
        }
        assertTrue(creds.allWiped());
        assertFalse(log.isEmpty(), "the log was captured");
    }

    @Test
    void noPasswordGivenIsAuthenticationFailed() throws Exception {
        RecordingCredentials creds = new RecordingCredentials(null, null);
        try (PasswordServer server = PasswordServer.start(dir, SECRET, "password")) {
            AuthenticationFailed e = assertThrows(AuthenticationFailed.class,
                    () -> NasSession.connect(spec(server.port()), loggingEverything(), Optional.empty(), creds));
            assertTrue(e.getMessage().contains("password: none given"), e.getMessage());
        }
    }

    private void assertSecretNowhere(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(SECRET), t.toString());
            assertFalse(t.toString().contains(SECRET));
            for (Throwable s : t.getSuppressed()) {
                assertFalse(String.valueOf(s.getMessage()).contains(SECRET));
            }
        }
        for (String line : log) {
            assertFalse(line.contains(SECRET), line);
        }
    }
}
