package org.qatwb.app.cli;

import java.util.concurrent.Callable;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.app.cli.json.SnapshotJson;
import org.qatwb.model.snapshot.NasSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qatwb snapshot CONNECTION}: everything about QAT and ZFS on a NAS, in one round trip. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Read everything about QAT and ZFS on a NAS in one round trip.",
                "Devices, conf files with their findings, ZFS parameters and counters, CPUs, datasets, pools, kernel log."},
        footer = {"",
                "Exit status: 0 read, 1 the NAS's answer could not be used, 2 usage error, 3 cannot reach or trust the NAS."})
final class SnapshotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin connection;

    @Override
    public Integer call() {
        NasSnapshot snapshot = NasCommands.snapshot(connection, spec.commandLine().getErr());
        JsonOut.print(spec.commandLine().getOut(), SnapshotJson.snapshot(snapshot));
        return ExitCodes.OK;
    }
}
