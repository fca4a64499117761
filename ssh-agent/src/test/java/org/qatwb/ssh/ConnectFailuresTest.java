package org.qatwb.ssh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jcraft.jsch.JSchException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.ssh.config.ConnectionSpec;
import org.qatwb.ssh.hostkey.HostKeyVerifier;
import org.qatwb.ssh.testing.Specs;

/** A connect failure whose exceptions carry no message still reads as one line, never "null". */
class ConnectFailuresTest {

    @TempDir
    Path dir;

    private String message(JSchException e) {
        ConnectionSpec spec = Specs.spec("127.0.0.1", 2222, "root", List.of(), dir.resolve("known_hosts"), false, Optional.empty());
        TimeoutSocketFactory socket = new TimeoutSocketFactory(1000, 1000);
        JschHostKeyRepository keys = new JschHostKeyRepository(
                new HostKeyVerifier(dir.resolve("known_hosts"), false, Optional.empty()), "127.0.0.1", 2222);
        return ConnectFailures.map(e, spec, SessionSettings.defaults(), socket, keys, new AuthLog()).getMessage();
    }

    @Test
    void aHandshakeFailureWithoutAMessageNamesItsKind() {
        String m = message(new JSchException(null));
        assertFalse(m.contains("null"), m);
        assertTrue(m.contains("JSchException (no message)"), m);
    }

    @Test
    void aConnectionClosedWithoutAMessageNamesItsKind() {
        String m = message(new JSchException(null, new IOException()));
        assertFalse(m.contains("null"), m);
        assertTrue(m.contains("closed the connection") && m.contains("IOException (no message)"), m);
    }
}
