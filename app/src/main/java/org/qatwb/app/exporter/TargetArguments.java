package org.qatwb.app.exporter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.app.settings.AuthMethod;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.ssh.config.ConnectionOptions;

/**
 * What {@code --target [NAME=]DEST} means: DEST is a saved connection's name, else
 * {@code [user@]host[:port]} or an {@code ~/.ssh/config} alias. NAME is the {@code nas} label;
 * without it, the saved connection's name, else DEST as given.
 */
public final class TargetArguments {

    /** {@code host:port} with a plain host or a bracketed address ({@code [::1]:22}). */
    private static final Pattern HOST_PORT = Pattern.compile("(.*@)?(\\[[^\\]]+\\]|[^:\\[\\]@]+):(\\d{1,5})");

    private TargetArguments() {
    }

    /** A target as the command line names it, before {@code ~/.ssh/config} is read. */
    public record Named(String nas, ConnectionOptions options) {
    }

    /**
     * @param acceptNew trust and save a host key not yet known (never a changed one)
     * @param sudo      privileged reads through {@code sudo -n} where the saved connection does not say so already
     * @throws IllegalArgumentException with one line, for an empty name or destination
     */
    public static Named parse(String arg, List<SavedConnection> saved, boolean acceptNew, boolean sudo) {
        int eq = arg.indexOf('=');
        Optional<String> name = eq < 0 ? Optional.empty() : Optional.of(arg.substring(0, eq).strip());
        String dest = (eq < 0 ? arg : arg.substring(eq + 1)).strip();
        if (name.isPresent() && name.get().isEmpty()) {
            throw new IllegalArgumentException("--target " + arg + ": the name before '=' is empty");
        }
        if (dest.isEmpty()) {
            throw new IllegalArgumentException("--target " + arg + ": no destination");
        }
        for (SavedConnection c : saved) {
            if (c.name().equals(dest)) {
                return new Named(name.orElse(c.name()), saved(c, acceptNew, sudo));
            }
        }
        return new Named(name.orElse(dest), destination(dest, acceptNew, sudo));
    }

    /** Every saved connection, by its name. */
    public static List<Named> all(List<SavedConnection> saved, boolean acceptNew, boolean sudo) {
        List<Named> out = new ArrayList<>(saved.size());
        for (SavedConnection c : saved) {
            out.add(new Named(c.name(), saved(c, acceptNew, sudo)));
        }
        return out;
    }

    /** As the window connects a saved connection (org.qatwb.app.workbench.NasLink), without prompts. */
    static ConnectionOptions saved(SavedConnection c, boolean acceptNew, boolean sudo) {
        Path identity = c.auth() == AuthMethod.KEY && c.identity() != null && !c.identity().isBlank()
                ? Path.of(c.identity()) : null;
        Path knownHosts = c.knownHosts() == null || c.knownHosts().isBlank() ? null : Path.of(c.knownHosts());
        String user = c.user() == null || c.user().isBlank() ? null : c.user();
        return new ConnectionOptions(c.host(), c.port(), user, identity, knownHosts, acceptNew, c.sudo() || sudo);
    }

    static ConnectionOptions destination(String dest, boolean acceptNew, boolean sudo) {
        Matcher m = HOST_PORT.matcher(dest);
        if (m.matches()) {
            int port = Integer.parseInt(m.group(3));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--target " + dest + ": port " + port + " is not 1..65535");
            }
            String host = m.group(2).startsWith("[") ? m.group(2).substring(1, m.group(2).length() - 1) : m.group(2);
            String user = m.group(1) == null ? "" : m.group(1);
            return new ConnectionOptions(user + host, port, null, null, null, acceptNew, sudo);
        }
        return new ConnectionOptions(dest, null, null, null, null, acceptNew, sudo);
    }
}
