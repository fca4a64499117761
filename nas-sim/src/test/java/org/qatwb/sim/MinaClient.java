package org.qatwb.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.qatwb.sim.ssh.SshKeys;

/** A real SSH client (the one in sshd-core) logged in to a simulated NAS with its key, trusting only its host key. */
final class MinaClient implements AutoCloseable {

    record Result(String out, String err, Integer rc) {
    }

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final SshClient client;
    final ClientSession session;

    MinaClient(SimEndpoint e) throws IOException {
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((s, addr, key) -> SshKeys.fingerprint(key).equals(e.hostKeyFingerprint()));
        client.start();
        session = client.connect(e.user(), e.host(), e.port()).verify(TIMEOUT).getSession();
        session.addPublicKeyIdentity(SshKeys.loadOrCreate(e.identity(), "unused"));
        session.auth().verify(TIMEOUT);
    }

    Result exec(String command) throws IOException {
        return exec(command, null);
    }

    /** Runs a command; {@code stdin}, when given, is sent and then closed (end of file). */
    Result exec(String command, String stdin) throws IOException {
        try (ChannelExec ch = session.createExecChannel(command)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ch.setOut(out);
            ch.setErr(err);
            ch.open().verify(TIMEOUT);
            if (stdin != null) {
                OutputStream in = ch.getInvertedIn();
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
                in.flush();
                in.close();
            }
            ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), ch.getExitStatus());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            session.close();
        } finally {
            client.stop();
        }
    }
}
