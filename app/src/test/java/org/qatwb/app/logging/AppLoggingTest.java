package org.qatwb.app.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.SessionSettings;
import org.qatwb.ssh.SshLog;
import org.qatwb.ssh.config.ConnectionOptions;
import org.qatwb.ssh.config.ConnectionSpec;

/** The log file: where it is, who may read it, when it rotates, and that no secret reaches it. */
class AppLoggingTest {

    private static final String SECRET = "Pa55-w0rd-that-must-stay-secret";

    @TempDir
    Path dir;

    @AfterEach
    void quiet() {
        AppLogging.configure(AppLogging.Mode.CLI, dir.resolve("after"), Optional.of(Level.OFF));
    }

    @Test
    void aCliRunThatLogsNothingTouchesNoFile() {
        Path state = dir.resolve("state/qatwb");
        Path file = AppLogging.configure(AppLogging.Mode.CLI, state, Optional.empty());
        Logger.getLogger("org.qatwb.test").fine("below the default level");
        assertEquals(state.resolve("cli.log"), file);
        assertFalse(Files.exists(state), "no directory, no file: an offline command pays nothing");
    }

    @Test
    void theLogAndItsDirectoryAreTheOwnersOnly() throws Exception {
        Path state = dir.resolve("state/qatwb");
        Path file = AppLogging.configure(AppLogging.Mode.WINDOW, state, Optional.empty());
        Logger.getLogger("org.qatwb.test").info("hello");
        assertEquals("qatwb.log", file.getFileName().toString());
        assertTrue(Files.readString(file).contains("INFO  ["), Files.readString(file));
        if (LogDir.posix()) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertEquals(Optional.of(file), AppLogging.file());
    }

    @Test
    void theLogRotatesPastItsLimitAndKeepsCountFiles() throws Exception {
        RotatingFileHandler h = new RotatingFileHandler(dir, "t", 300, 3);
        for (int i = 0; i < 40; i++) {
            h.publish(new LogRecord(Level.INFO, "record number " + i));
        }
        h.close();
        assertTrue(Files.exists(dir.resolve("t.log")));
        assertTrue(Files.exists(dir.resolve("t.1.log")));
        assertTrue(Files.exists(dir.resolve("t.2.log")));
        assertFalse(Files.exists(dir.resolve("t.3.log")), "count 3: the oldest is dropped");
        assertTrue(Files.readString(dir.resolve("t.log")).contains("record number 39"));
        assertTrue(Files.size(dir.resolve("t.1.log")) <= 300 + 200);
        if (LogDir.posix()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("t.log"))),
                    "a rotated-in file is the owner's only too");
        }
    }

    @Test
    void theSshLibrarysOwnLogStaysOutUnlessDebugIsAsked() throws Exception {
        Path file = AppLogging.configure(AppLogging.Mode.WINDOW, dir, Optional.empty());
        System.gc(); // the level must survive a collection of the logger objects
        AppLogging.sshLog().log(System.Logger.Level.INFO, "Connecting to 127.0.0.1 port 22");
        assertFalse(AppLogging.sshLog().enabled(System.Logger.Level.INFO));
        assertFalse(Files.exists(file) && Files.readString(file).contains("Connecting to"));
        AppLogging.configure(AppLogging.Mode.WINDOW, dir, Optional.of(Level.FINE));
        System.gc();
        AppLogging.sshLog().log(System.Logger.Level.INFO, "Connecting to 127.0.0.1 port 22");
        assertTrue(Files.readString(file).contains("com.jcraft.jsch: Connecting to"), Files.readString(file));
    }

    @Test
    void whatANasPrintsCannotWriteALineOfItsOwn() throws Exception {
        Path file = AppLogging.configure(AppLogging.Mode.WINDOW, dir, Optional.empty());
        Logger.getLogger("org.qatwb.test").info("the NAS said: x\n2026-01-01T00:00:00.000Z ERROR [main] forged");
        List<String> lines = Files.readAllLines(file);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("x\\n2026"), lines.get(0));
    }

    @Test
    void levelNamesAreTheOnesAdministratorsUse() {
        assertEquals(Optional.of(Level.FINE), LogLevels.parse("debug"));
        assertEquals(Optional.of(Level.WARNING), LogLevels.parse(" WARN "));
        assertEquals(Optional.of(Level.OFF), LogLevels.parse("off"));
        assertEquals(Optional.empty(), LogLevels.parse("loud"));
        assertEquals(Optional.of(Level.FINEST), AppLogging.fromEnv(java.util.Map.of("QATWB_LOG", "trace")));
    }

    /**
     * A password connection at the most detailed level, the SSH library's own log included, right
     * and wrong password: the connects are in the file, the password nowhere.
     */
    @Test
    void aConnectWithAPasswordLogsTheDestinationAndNeverThePassword() throws Exception {
        Path file = AppLogging.configure(AppLogging.Mode.CLI, dir.resolve("state"), Optional.of(Level.FINEST));
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("host_key")));
        sshd.setPasswordAuthenticator((user, pw, session) -> "admin".equals(user) && SECRET.equals(pw));
        sshd.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        sshd.start();
        try {
            SessionSettings settings = SessionSettings.defaults().withLog(SshLog.to(System.getLogger("com.jcraft.jsch")));
            ConnectionSpec spec = ConnectionSpec.resolve(new ConnectionOptions("127.0.0.1", sshd.getPort(), "admin", null,
                    dir.resolve("known_hosts"), true, false));
            try (NasSession s = NasSession.connect(spec, settings, Optional.empty(), password(SECRET))) {
                assertTrue(s.spec().destination().contains("admin@"));
            }
            assertThrows(NasConnectionException.class,
                    () -> NasSession.connect(spec, settings, Optional.empty(), password(SECRET + "-wrong")).close());
        } finally {
            sshd.stop(true);
        }
        AppLogging.flush();
        String log = Files.readString(file);
        assertTrue(log.contains("connected to admin@127.0.0.1:" + sshd.getPort()), log);
        assertTrue(log.contains("disconnected from admin@127.0.0.1:" + sshd.getPort()), log);
        assertTrue(log.contains("not connected to admin@127.0.0.1:" + sshd.getPort()), log);
        assertTrue(log.contains("jsch"), "the SSH library's own log was on: " + log);
        assertFalse(log.contains(SECRET), "the password is in the log");
        assertFalse(log.contains("Pa55"), "part of the password is in the log");
    }

    private static Credentials password(String pw) {
        return new Credentials() {
            @Override
            public Optional<char[]> passphrase(Path identity) {
                return Optional.empty();
            }

            @Override
            public Optional<char[]> password(String destination) {
                return Optional.of(pw.toCharArray());
            }
        };
    }
}
