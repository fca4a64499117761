package org.qatwb.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.ssh.testing.Specs;

/** Every way of not reaching a NAS, each said plainly; no SSH server needed. */
class UnreachableTest {

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private Unreachable connect(String host, int port, SessionSettings settings) {
        return assertThrows(Unreachable.class, () -> NasSession.connect(
                Specs.spec(host, port, "root", List.of(), dir.resolve("known_hosts"), false, Optional.empty()),
                settings, Optional.empty(), Credentials.none()));
    }

    /** A loopback listener that accepts and then does what {@code onAccept} says, on a daemon thread. */
    private int listener(SocketAction onAccept) throws IOException {
        ServerSocket ss = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        open.add(ss);
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Socket s = ss.accept();
                    open.add(s);
                    onAccept.run(s);
                }
            } catch (IOException e) {
                // closed by the test
            }
        });
        t.setDaemon(true);
        t.start();
        return ss.getLocalPort();
    }

    private interface SocketAction {
        void run(Socket s) throws IOException;
    }

    @Test
    void closedPortIsRefusedQuickly() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        Unreachable e = connect("127.0.0.1", port, Specs.fast());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Unreachable.Reason.REFUSED, e.reason());
        assertEquals("connection refused by 127.0.0.1 port " + port + ": is sshd running and listening on that port?",
                e.getMessage());
        assertTrue(ms < 2000, "took " + ms + " ms");
    }

    @Test
    void unresolvableName() {
        Unreachable e = connect("no-such-nas.invalid", 22, Specs.fast());
        assertEquals(Unreachable.Reason.UNKNOWN_HOST, e.reason());
        assertEquals("cannot resolve the host name 'no-such-nas.invalid'", e.getMessage());
    }

    @Test
    void silentServerHitsTheAuthTimeout() throws Exception {
        int port = listener(s -> { });
        Unreachable e = connect("127.0.0.1", port, Specs.fast().withAuthTimeout(Duration.ofMillis(300)));
        assertEquals(Unreachable.Reason.HANDSHAKE_TIMED_OUT, e.reason());
        assertEquals("127.0.0.1 port " + port + " stopped answering during the SSH handshake (auth timeout 300 ms)",
                e.getMessage());
    }

    @Test
    void notAnSshServer() throws Exception {
        int port = listener(s -> {
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.close();
        });
        Unreachable e = connect("127.0.0.1", port, Specs.fast());
        assertEquals(Unreachable.Reason.CLOSED, e.reason());
        assertTrue(e.getMessage().startsWith("127.0.0.1 port " + port + " closed the connection during the SSH handshake"),
                e.getMessage());
    }
}
