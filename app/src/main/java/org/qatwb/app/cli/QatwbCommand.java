package org.qatwb.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code qatwb} command line. */
@Command(name = "qatwb", mixinStandardHelpOptions = true, version = "qatwb 0.1.0",
        description = "QAT Workbench: Intel QuickAssist offload for OpenZFS, from the command line.")
public final class QatwbCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static int run(String... args) {
        return new CommandLine(new QatwbCommand()).execute(args);
    }
}
