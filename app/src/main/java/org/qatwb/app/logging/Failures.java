package org.qatwb.app.logging;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qatwb.model.parse.Snippet;

/**
 * Failures nobody caught, on any thread (the JavaFX thread's too: JavaFX hands an exception its
 * event handler threw to the thread's uncaught-exception handler, which defaults to this one):
 * logged with the trace, then told to the front end in one line.
 */
public final class Failures {

    private static final Logger LOG = Logger.getLogger("org.qatwb.app.uncaught");

    private Failures() {
    }

    /**
     * Makes {@code shown} hear about every uncaught failure, after it was logged. {@code shown} runs
     * on the failing thread; it must not throw (what it throws is logged and dropped).
     */
    public static void install(Consumer<Throwable> shown) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            log(thread, e);
            try {
                shown.accept(e);
            } catch (Throwable again) {
                LOG.log(Level.SEVERE, "telling the user about a failure failed too", again);
            }
        });
    }

    /** Logs an unexpected failure of {@code thread} with its trace. */
    public static void log(Thread thread, Throwable e) {
        LOG.log(Level.SEVERE, "uncaught in thread " + thread.getName() + ": " + Snippet.failure(e), e);
        AppLogging.flush();
    }

    /**
     * Logs a failure a front end caught but did not expect (the CLI's command threw it) and returns
     * {@link #oneLine} for it.
     */
    public static String internalError(Throwable e) {
        LOG.log(Level.SEVERE, "internal error: " + Snippet.failure(e), e);
        AppLogging.flush();
        return oneLine(e);
    }

    /**
     * The one line a user reads for an unexpected failure: what happened, and where the trace is
     * ({@code qatwb: internal error: NullPointerException (no message); details in ~/.local/state/qatwb/cli.log}).
     */
    public static String oneLine(Throwable e) {
        return "internal error: " + kind(e) + where();
    }

    /** What happened, in one line: the failure's kind, and its message when it has one. */
    public static String kind(Throwable e) {
        String what = Snippet.failure(e);
        String type = e.getClass().getSimpleName();
        return what.startsWith(type) ? what : type + ": " + what;
    }

    private static String where() {
        Optional<Path> f = AppLogging.file();
        return f.map(p -> "; details in " + p).orElse("");
    }
}
