package org.qatwb.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qatwb irq}: where QAT's completion interrupts land, and pinning a VF's (issue 12, section 4). */
@Command(name = "irq", mixinStandardHelpOptions = true,
        description = {"The QAT interrupts of a NAS: list them, or pin a VF's to a CPU.",
                "list gives per IRQ its device, the CPUs allowed, the CPU it is delivered to and the counts per CPU; pin moves a"
                + " VF's interrupt to a CPU now and after every boot."},
        subcommands = {IrqListCommand.class, IrqPinCommand.class})
final class IrqCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
