package org.qatwb.app;

import org.qatwb.app.cli.QatwbCommand;

/** Entry point of {@code ./qatwb}: the command line with arguments. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(QatwbCommand.run(args));
    }
}
