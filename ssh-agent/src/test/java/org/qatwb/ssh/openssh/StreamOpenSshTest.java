package org.qatwb.ssh.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.ssh.Backoff;
import org.qatwb.ssh.ConnectionLost;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.ExecStream;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.ReconnectingStream;
import org.qatwb.ssh.StreamEnd;
import org.qatwb.ssh.StreamListener;
import org.qatwb.ssh.StreamRequest;
import org.qatwb.ssh.StreamState;
import org.qatwb.ssh.testing.OpenSshServer;
import org.qatwb.ssh.testing.Poll;
import org.qatwb.ssh.testing.Specs;

/** Streaming execs and reconnection against a real sshd that the tests stop and start. */
class StreamOpenSshTest {

    OpenSshServer server;
    NasSession session;
    @TempDir
    Path dir;

    /** Collects what a stream delivers. */
    static final class Collector implements StreamListener {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final List<StreamEnd> ends = new CopyOnWriteArrayList<>();

        @Override
        public synchronized void onData(byte[] chunk) {
            out.writeBytes(chunk);
        }

        @Override
        public void onEnd(StreamEnd end) {
            ends.add(end);
        }

        synchronized String text() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = OpenSshServer.start();
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, server.knownHostsLine() + "\n");
        session = NasSession.connect(Specs.spec(server.host(), server.port(), server.currentUser(),
                List.of(server.userKey()), kh, false, Optional.empty()), Specs.fast(), Optional.empty(),
                Credentials.none());
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A script for {@code sh -s}: ticks every 50 ms until its stdin ends, then leaves a marker. */
    private String tickingScript(Path marker) {
        return "i=0\n"
                + "( while :; do echo tick $i; i=$((i+1)); sleep 0.05; done ) &\n"
                + "ticker=$!\n"
                + "cat >/dev/null\n"
                + "kill $ticker\n"
                + "echo stdin-closed > '" + marker + "'\n";
    }

    @Test
    void streamDeliversOutputAsItArrivesAndCloseEndsStdin() throws Exception {
        Path marker = dir.resolve("marker");
        Collector c = new Collector();
        ExecStream s = session.openStream("sh -s", tickingScript(marker).getBytes(StandardCharsets.UTF_8), c);

        assertTrue(Poll.until(Duration.ofSeconds(5), () -> c.text().contains("tick 3")), c.text());
        assertTrue(s.isOpen());
        assertEquals(List.of(), c.ends);

        s.close();

        assertTrue(Poll.until(Duration.ofSeconds(5), () -> Files.exists(marker)), "the remote saw end of file");
        assertEquals("stdin-closed\n", Files.readString(marker));
        assertEquals(List.of(new StreamEnd.Closed()), c.ends);
        assertTrue(!s.isOpen());
    }

    @Test
    void streamThatEndsByItselfReportsItsExitStatus() throws Exception {
        Collector c = new Collector();
        ExecStream s = session.openStream("sh -c 'echo one; exit 7'", new byte[0], c);
        assertTrue(s.awaitEnd(Duration.ofSeconds(10)));
        assertEquals("one\n", c.text());
        assertEquals(List.of(new StreamEnd.Exited(7)), c.ends);
    }

    @Test
    void streamLostWithTheServer() throws Exception {
        Collector c = new Collector();
        ExecStream s = session.openStream("sh -s", tickingScript(dir.resolve("m")).getBytes(StandardCharsets.UTF_8), c);
        assertTrue(Poll.until(Duration.ofSeconds(5), () -> c.text().contains("tick 1")), c.text());

        server.stop();

        assertTrue(s.awaitEnd(Duration.ofSeconds(10)));
        assertInstanceOf(StreamEnd.Lost.class, c.ends.get(0));
        assertTrue(Poll.until(Duration.ofSeconds(5), () -> !session.isConnected()));
        assertThrows(ConnectionLost.class, () -> session.exec("true", new byte[0], Duration.ofSeconds(5)));
    }

    @Test
    void reconnectingStreamResumesAfterTheServerComesBack() throws Exception {
        List<StreamState> states = new CopyOnWriteArrayList<>();
        List<Collector> openings = new CopyOnWriteArrayList<>();
        Backoff fast = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), 2.0, 0.0);
        ReconnectingStream r = ReconnectingStream.start(session, () -> {
            Collector c = new Collector();
            openings.add(c);
            return new StreamRequest("sh -s", tickingScript(dir.resolve("m" + openings.size()))
                    .getBytes(StandardCharsets.UTF_8), c);
        }, states::add, fast);
        try {
            assertTrue(Poll.until(Duration.ofSeconds(5), () -> openings.size() == 1
                    && openings.get(0).text().contains("tick 1")));

            server.stop();
            assertTrue(Poll.until(Duration.ofSeconds(5), () -> states.stream()
                    .filter(s -> s instanceof StreamState.Retrying).count() >= 3), states.toString());

            server.restart();
            assertTrue(Poll.until(Duration.ofSeconds(10), () -> openings.size() >= 2
                    && openings.get(openings.size() - 1).text().contains("tick 1")), states.toString());
            assertTrue(session.isConnected());
        } finally {
            r.close();
        }
        r.close(); // idempotent
        assertInstanceOf(StreamState.Connecting.class, states.get(0));
        assertInstanceOf(StreamState.Connected.class, states.get(1));
        assertInstanceOf(StreamState.Lost.class, states.get(2));
        assertInstanceOf(StreamState.Retrying.class, states.get(3));
        assertEquals(new StreamState.Stopped(), states.get(states.size() - 1));
        // while the server was down the delays grew: 20, 40, 80, ... ms up to 200
        List<Duration> delays = states.stream().filter(s -> s instanceof StreamState.Retrying)
                .map(s -> ((StreamState.Retrying) s).delay()).toList();
        assertEquals(Duration.ofMillis(20), delays.get(0));
        assertEquals(Duration.ofMillis(40), delays.get(1));
        assertTrue(delays.stream().allMatch(d -> d.toMillis() <= 200), delays.toString());
        // the last opening was closed by close(): its remote saw end of file
        assertEquals(new StreamEnd.Closed(), openings.get(openings.size() - 1).ends.get(0));
    }

    @Test
    void aListenerThatThrowsEndsItsStream() throws Exception {
        List<StreamEnd> ends = new CopyOnWriteArrayList<>();
        ExecStream s = session.openStream("sh -s", tickingScript(dir.resolve("m")).getBytes(StandardCharsets.UTF_8),
                new StreamListener() {
                    @Override
                    public void onData(byte[] chunk) {
                        throw new IllegalStateException("parser bug");
                    }

                    @Override
                    public void onEnd(StreamEnd end) {
                        ends.add(end);
                    }
                });
        assertTrue(s.awaitEnd(Duration.ofSeconds(10)));
        assertEquals(List.of(new StreamEnd.Failed("the listener failed: java.lang.IllegalStateException: parser bug")),
                ends);
        assertTrue(session.isConnected(), "one failed stream does not take the session down");
    }

    @Test
    void reopenGivesUpTheCurrentStreamForANewOne() throws Exception {
        List<StreamState> states = new CopyOnWriteArrayList<>();
        List<Collector> openings = new CopyOnWriteArrayList<>();
        ReconnectingStream r = ReconnectingStream.start(session, () -> {
            Collector c = new Collector();
            openings.add(c);
            return new StreamRequest("sh -s", tickingScript(dir.resolve("r" + openings.size()))
                    .getBytes(StandardCharsets.UTF_8), c);
        }, states::add, new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), 2.0, 0.0));
        try {
            assertTrue(Poll.until(Duration.ofSeconds(5), () -> openings.size() == 1
                    && openings.get(0).text().contains("tick 1")));
            r.reopen();
            assertTrue(Poll.until(Duration.ofSeconds(10), () -> openings.size() >= 2
                    && openings.get(1).text().contains("tick 1")), states.toString());
            assertTrue(states.stream().anyMatch(s -> s instanceof StreamState.Lost), states.toString());
        } finally {
            r.close();
        }
    }

    @Test
    void reconnectingStreamGivesUpWhenTheHostKeyChanges() throws Exception {
        List<StreamState> states = new CopyOnWriteArrayList<>();
        ReconnectingStream r = ReconnectingStream.start(session, () -> new StreamRequest("sh -s",
                tickingScript(dir.resolve("m")).getBytes(StandardCharsets.UTF_8), new Collector()), states::add,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), 2.0, 0.0));
        try {
            assertTrue(Poll.until(Duration.ofSeconds(5), () -> states.contains(new StreamState.Connected())));
            // the NAS comes back with another host key than the one known_hosts has
            Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + server.port() + " ssh-ed25519 "
                    + org.qatwb.ssh.testing.SshKeygen.publicKey(org.qatwb.ssh.testing.SshKeygen.generate(
                            dir.resolve("other"), "ed25519", "")).base64() + "\n");
            server.restart();
            assertTrue(Poll.until(Duration.ofSeconds(10),
                    () -> states.get(states.size() - 1) instanceof StreamState.Failed), states.toString());
            StreamState.Failed f = (StreamState.Failed) states.get(states.size() - 1);
            assertInstanceOf(org.qatwb.ssh.HostKeyChanged.class, f.cause());
        } finally {
            r.close();
        }
    }
}
