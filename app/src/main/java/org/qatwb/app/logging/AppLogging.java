package org.qatwb.app.logging;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The one logging set-up of a qatwb process, made once at start by {@code Main} for the window
 * and for the CLI: java.util.logging (in the JDK: no framework to ship) with the JDK's console
 * handler removed, and one {@link RotatingFileHandler} in {@link LogDir}: {@code qatwb.log} for the
 * window, {@code cli.log} for the command line. The CLI never logs on the terminal (its stderr is
 * for the user, CLI.md), and its file opens only at the first record, so offline commands that
 * log nothing cost nothing. The modules log through {@link System.Logger} (ssh-agent) or
 * java.util.logging (app), which both end here.
 *
 * <p>Never a secret: passwords, passphrases and sudo passwords exist only as char arrays handed to
 * the SSH library's callbacks (see {@code org.qatwb.ssh.Credentials}); nothing that logs sees them.
 */
public final class AppLogging {

    /** Which file a process writes. */
    public enum Mode {
        WINDOW("qatwb"), CLI("cli");

        private final String file;

        Mode(String file) {
            this.file = file;
        }
    }

    /** The environment variable with a level name ({@link LogLevels#NAMES}). */
    public static final String ENV = "QATWB_LOG";
    /** 1 MiB per file, 5 files: a few weeks of a window left open, small enough to attach to a bug report. */
    static final long LIMIT = 1L << 20;
    static final int COUNT = 5;

    private static volatile RotatingFileHandler installed;
    // java.util.logging holds loggers weakly: a level set on one nobody references is lost at the next GC
    private static final Logger JSCH = Logger.getLogger("com.jcraft.jsch");
    private static final Logger MINA = Logger.getLogger("org.apache.sshd");

    private AppLogging() {
    }

    /**
     * Sets up logging for this process: {@code level} if given, else {@code QATWB_LOG}, else info.
     * Calling it again replaces the earlier set-up (the tests do).
     */
    public static synchronized Path configure(Mode mode, Path dir, Optional<Level> level) {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            h.close();
        }
        RotatingFileHandler file = new RotatingFileHandler(dir, mode.file, LIMIT, COUNT);
        Level l = level.orElse(Level.INFO);
        file.setLevel(l);
        root.setLevel(l);
        root.addHandler(file);
        // the SSH libraries' own chatter stays below info unless asked for
        JSCH.setLevel(l.intValue() <= Level.FINE.intValue() ? l : Level.WARNING);
        MINA.setLevel(l.intValue() <= Level.FINE.intValue() ? l : Level.WARNING);
        installed = file;
        return file.file();
    }

    /** {@link #configure} for this user's directory and environment. */
    public static Path configure(Mode mode, Optional<Level> level) {
        return configure(mode, LogDir.user(), level.or(() -> fromEnv(System.getenv())));
    }

    /**
     * The SSH library's own log (JSch: algorithms, authentication methods, channels; never a secret,
     * see {@code SshLog}) into this log, under {@code com.jcraft.jsch}: kept below warnings unless the
     * level is debug or trace. For {@code SessionSettings.withLog}.
     */
    public static org.qatwb.ssh.SshLog sshLog() {
        return org.qatwb.ssh.SshLog.to(System.getLogger("com.jcraft.jsch"));
    }

    static Optional<Level> fromEnv(Map<String, String> env) {
        return LogLevels.parse(env.get(ENV));
    }

    /**
     * The file a message may send a user to: the one being written, unless logging is off, not
     * set up, or failing to write.
     */
    public static Optional<Path> file() {
        RotatingFileHandler h = installed;
        if (h == null || h.failing() || h.getLevel() == Level.OFF) {
            return Optional.empty();
        }
        return Optional.of(h.file());
    }

    /** Writes what is buffered (before the process exits). */
    public static void flush() {
        RotatingFileHandler h = installed;
        if (h != null) {
            h.flush();
        }
    }
}
