package org.qatwb.app.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.app.cli.json.LayoutJson;
import org.qatwb.model.layout.Baseline;
import org.qatwb.model.layout.Layout;
import org.qatwb.model.layout.Preset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qatwb layout CONNECTION [--preset NAME]}: the NAS's layout, or a preset for its hardware, as JSON. */
@Command(name = "layout", mixinStandardHelpOptions = true,
        description = {"Print the layout of a NAS's QAT functions as JSON.",
                "The format is docs/layout-json.md: every PF and VF with its role, services and instances, and the host"
                + " switches. With --preset, the preset for that NAS's hardware instead; 'qatwb apply' takes either (edited or"
                + " not) as its LAYOUT.json."},
        footer = {"",
                "Presets:",
                "- zfs-compression: ZFS compression only, one interrupt-mode Dc instance per core of the card's NUMA node,"
                + " spread across PFs, at most 48.",
                "- zfs-all: ZFS all services, one Cy and one Dc interrupt-mode instance per VF, up to 48.",
                "- installer-defaults: what Intel's installer writes (polled instances, VF driver blacklisted).",
                "",
                "Exit status: 0 printed, 1 the NAS's answer could not be used, 2 usage error, 3 cannot reach or trust the NAS."})
final class LayoutCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin connection;

    @Option(names = "--preset", paramLabel = "NAME", description = "zfs-compression, zfs-all or installer-defaults")
    String preset;

    @Override
    public Integer call() {
        Preset p = preset == null ? null : Preset.byId(preset).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                "--preset '" + preset + "' is not one of " + Arrays.stream(Preset.values()).map(Preset::id)
                        .collect(Collectors.joining(", "))));
        Layout layout = Baseline.of(NasCommands.snapshot(connection, spec.commandLine().getErr())).layout();
        if (layout.devices().isEmpty()) {
            // an empty layout is the right answer, but silence would read as "nothing to do here"
            spec.commandLine().getErr().println("qatwb: adf_ctl lists no QAT device on this NAS: the layout is empty"
                    + (p == null ? "" : " and preset " + p.id() + " has nothing to lay out"));
        }
        JsonOut.print(spec.commandLine().getOut(), LayoutJson.layout(p == null ? layout : p.apply(layout)));
        return ExitCodes.OK;
    }
}
