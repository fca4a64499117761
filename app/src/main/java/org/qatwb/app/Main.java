package org.qatwb.app;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.qatwb.app.cli.ExitCodes;
import org.qatwb.app.cli.QatwbCommand;
import org.qatwb.app.logging.AppLogging;
import org.qatwb.app.logging.Failures;
import org.qatwb.app.logging.LogLevels;

/** Entry point of {@code ./qatwb}: the workbench window without arguments, the command line with them. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LogOption log;
        try {
            log = LogOption.of(args);
        } catch (IllegalArgumentException e) {
            System.err.println("qatwb: " + e.getMessage());
            System.exit(ExitCodes.USAGE);
            return;
        }
        if (log.rest().length > 0) {
            AppLogging.configure(AppLogging.Mode.CLI, log.level());
            // a thread of the CLI that dies unexpectedly: one line for the user, the trace in the file
            Failures.install(e -> System.err.println("qatwb: " + Failures.oneLine(e)));
            int exit = QatwbCommand.run(log.rest());
            AppLogging.flush();
            System.exit(exit);
        }
        AppLogging.configure(AppLogging.Mode.WINDOW, log.level());
        Failures.install(e -> { }); // logged; the window adds its dialog once JavaFX runs
        Optional<String> noDisplay = noDisplay(System.getenv(), System.getProperty("os.name", ""));
        if (noDisplay.isPresent()) {
            System.err.println("qatwb: " + noDisplay.get());
            System.exit(2);
        }
        javafx.application.Application.launch(org.qatwb.app.gui.WorkbenchApp.class);
    }

    /**
     * Why a window cannot open here, if it cannot: on Linux JavaFX needs an X11 or Wayland
     * display, and without one it fails with a stack trace; one line says it better.
     */
    static Optional<String> noDisplay(Map<String, String> env, String os) {
        if (!os.toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        boolean x11 = env.getOrDefault("DISPLAY", "").length() > 0;
        boolean wayland = env.getOrDefault("WAYLAND_DISPLAY", "").length() > 0;
        return x11 || wayland ? Optional.empty() : Optional.of("no display (DISPLAY is not set): the workbench needs a"
                + " desktop session; 'qatwb --help' lists the command line, which needs none");
    }

    /**
     * {@code --log-level LEVEL} (or {@code --log-level=LEVEL}) before anything else on the command
     * line: taken here, before the window-or-CLI decision, so that {@code qatwb --log-level debug}
     * opens the window and {@code qatwb --log-level debug snapshot ...} runs the CLI with it.
     *
     * @param level the level asked for; empty for QATWB_LOG's or the default
     * @param rest  the arguments after it
     */
    record LogOption(Optional<Level> level, String[] rest) {

        static final String NAME = "--log-level";

        static LogOption of(String[] args) {
            if (args.length == 0) {
                return new LogOption(Optional.empty(), args);
            }
            String value;
            int used;
            if (args[0].equals(NAME)) {
                if (args.length < 2) {
                    throw new IllegalArgumentException(NAME + " needs a level: " + LogLevels.NAMES);
                }
                value = args[1];
                used = 2;
            } else if (args[0].startsWith(NAME + "=")) {
                value = args[0].substring(NAME.length() + 1);
                used = 1;
            } else {
                return new LogOption(Optional.empty(), args);
            }
            Level level = LogLevels.parse(value).orElseThrow(() -> new IllegalArgumentException(
                    NAME + ": unknown level " + org.qatwb.model.parse.Snippet.quote(value) + " (" + LogLevels.NAMES + ")"));
            return new LogOption(Optional.of(level), Arrays.copyOfRange(args, used, args.length));
        }
    }
}
