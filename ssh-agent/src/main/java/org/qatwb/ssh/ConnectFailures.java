package org.qatwb.ssh;

import com.jcraft.jsch.JSchAlgoNegoFailException;
import com.jcraft.jsch.JSchException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.model.parse.Snippet;
import org.qatwb.ssh.config.ConnectionSpec;
import org.qatwb.ssh.hostkey.HostKeyOutcome;

/** Turns a failed JSch connect into the one {@link NasConnectionException} that says what happened. */
final class ConnectFailures {

    /** JSch's "Auth fail for methods 'publickey,password'": the methods the server said can continue. */
    private static final Pattern METHODS = Pattern.compile("for methods '([^']*)'");

    private ConnectFailures() {
    }

    static NasConnectionException map(JSchException e, ConnectionSpec spec, SessionSettings settings,
            TimeoutSocketFactory socket, JschHostKeyRepository hostKeys, AuthLog auth) {
        String host = spec.hostName();
        int port = spec.port();
        String where = host + " port " + port + (spec.host().equals(host) ? "" : " (" + spec.host() + ")");

        HostKeyOutcome o = hostKeys.outcome();
        if (o != null && !o.trusted()) {
            return hostKey(o, host, port);
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnknownHostException) {
            return new Unreachable(Unreachable.Reason.UNKNOWN_HOST, host, port,
                    "cannot resolve the host name '" + host + "'" + (spec.host().equals(host) ? ""
                            : " (HostName of " + spec.host() + ")"), e);
        }
        if (cause instanceof NoRouteToHostException) {
            return new Unreachable(Unreachable.Reason.NO_ROUTE, host, port, "no route to " + where, e);
        }
        if (cause instanceof ConnectException) {
            return new Unreachable(Unreachable.Reason.REFUSED, host, port,
                    "connection refused by " + where + ": is sshd running and listening on that port?", e);
        }
        if (cause instanceof SocketTimeoutException) {
            if (!socket.connected()) {
                return new Unreachable(Unreachable.Reason.TIMED_OUT, host, port, "no answer from " + where
                        + " within " + Durations.text(settings.connectTimeout()) + " (connect timeout)", e);
            }
            return new Unreachable(Unreachable.Reason.HANDSHAKE_TIMED_OUT, host, port, where
                    + " stopped answering during the SSH handshake (auth timeout "
                    + Durations.text(settings.authTimeout()) + ")", e);
        }
        String msg = String.valueOf(e.getMessage()); // matched against JSch's words only, never shown
        String shown = Snippet.failure(e);
        if (msg.startsWith("Auth fail") || msg.startsWith("Auth cancel") || msg.startsWith("USERAUTH fail")) {
            Matcher m = METHODS.matcher(msg);
            List<String> server = m.find() && !m.group(1).isEmpty() ? Arrays.asList(m.group(1).split(",")) : List.of();
            return new AuthenticationFailed(spec.user(), host, port, auth.tried(), server);
        }
        if (e instanceof JSchAlgoNegoFailException) {
            return new Unreachable(Unreachable.Reason.HANDSHAKE_FAILED, host, port,
                    "no SSH algorithm in common with " + where + ": " + shown, e);
        }
        if (msg.contains("closed by foreign host") || cause instanceof IOException) {
            return new Unreachable(Unreachable.Reason.CLOSED, host, port, where
                    + " closed the connection during the SSH handshake (is it an SSH server? "
                    + (cause != null ? Snippet.failure(cause) : shown) + ")", e);
        }
        return new Unreachable(Unreachable.Reason.HANDSHAKE_FAILED, host, port,
                "the SSH handshake with " + where + " failed: " + shown, e);
    }

    private static NasConnectionException hostKey(HostKeyOutcome o, String host, int port) {
        if (o instanceof HostKeyOutcome.Changed c) {
            return new HostKeyChanged(host, port, c.name(), c.offered().type(), c.offered().fingerprint(),
                    c.knownHosts(), c.conflicting().line(), c.conflicting().key().fingerprint());
        }
        if (o instanceof HostKeyOutcome.Revoked r) {
            return new HostKeyRevoked(host, port, r.name(), r.offered().type(), r.offered().fingerprint(),
                    r.knownHosts(), r.entry().line());
        }
        HostKeyOutcome.NotAccepted n = (HostKeyOutcome.NotAccepted) o;
        return new HostKeyUnknown(n.key(), n.asked());
    }
}
