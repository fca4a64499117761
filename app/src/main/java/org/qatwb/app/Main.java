package org.qatwb.app;

import java.util.Map;
import java.util.Optional;
import org.qatwb.app.cli.QatwbCommand;

/** Entry point of {@code ./qatwb}: the workbench window without arguments, the command line with them. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(QatwbCommand.run(args));
        }
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
}
