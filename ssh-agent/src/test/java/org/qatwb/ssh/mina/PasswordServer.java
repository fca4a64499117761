package org.qatwb.ssh.mina;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * An in-process Apache MINA SSHD server on loopback that accepts one user and password, by
 * {@code password} or by {@code keyboard-interactive} (MINA's default challenge: one hidden
 * "Password:" prompt), and answers every exec with {@code hello USER}.
 */
final class PasswordServer implements AutoCloseable {

    static final String USER = "admin";

    private final SshServer sshd;

    private PasswordServer(SshServer sshd) {
        this.sshd = sshd;
    }

    /** Starts a server whose only authentication method is {@code method} (password or keyboard-interactive). */
    static PasswordServer start(Path dir, String password, String method) throws IOException {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("mina_host_key")));
        sshd.setPasswordAuthenticator((user, pw, session) -> USER.equals(user) && password.equals(pw));
        UserAuthFactory factory = method.equals("password") ? UserAuthPasswordFactory.INSTANCE
                : UserAuthKeyboardInteractiveFactory.INSTANCE;
        sshd.setUserAuthFactories(List.<UserAuthFactory>of(factory));
        sshd.setCommandFactory((channel, command) -> new Hello());
        sshd.start();
        return new PasswordServer(sshd);
    }

    int port() {
        return sshd.getPort();
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }

    /** Prints {@code hello USER} and exits 0. */
    private static final class Hello implements Command {
        private OutputStream out;
        private ExitCallback exit;

        @Override
        public void setInputStream(java.io.InputStream in) {
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, org.apache.sshd.server.Environment env) throws IOException {
            out.write(("hello " + channel.getSession().getUsername() + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            exit.onExit(0);
        }

        @Override
        public void destroy(ChannelSession channel) {
        }
    }

}
