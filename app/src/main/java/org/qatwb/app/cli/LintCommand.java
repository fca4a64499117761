package org.qatwb.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.app.cli.json.LintJson;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.lint.ConfFile;
import org.qatwb.model.lint.DeviceFileName;
import org.qatwb.model.lint.DeviceSetLinter;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.LintContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qatwb lint}: checks conf files with the driver's rules. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check QAT conf files the way the driver and ZFS will read them.",
                "A directory is checked as one host's device set, with the cross-file rules."},
        footer = {"", "Exit status: 0 no errors, 1 errors found, 2 usage error.",
                "Findings as JSON on stdout; a readable list on stderr unless --quiet."})
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--device", paramLabel = "TYPE",
            description = "device type of the files (c6xx, c6xxvf, dh895xcc, ...); default: from each file name")
    String device;

    @Option(names = "--cores", paramLabel = "N", description = "CPU cores of the NAS, to check CoreAffinity")
    Integer cores;

    @Option(names = {"-q", "--quiet"}, description = "no readable list on stderr")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "conf files, or directories of them")
    List<String> paths;

    @Override
    public Integer call() {
        Optional<DeviceRef> forced = forcedDevice();
        if (cores != null && cores < 1) {
            throw new CliException(ExitCodes.USAGE, "--cores must be at least 1, not " + cores);
        }
        OptionalInt coreCount = cores == null ? OptionalInt.empty() : OptionalInt.of(cores);
        List<FileReport> reports = new ArrayList<>();
        for (String p : paths) {
            if (Files.isDirectory(InputFiles.path(p))) {
                reports.addAll(DeviceSetLinter.lint(deviceSet(p, forced, coreCount)));
            } else {
                reports.addAll(DeviceSetLinter.lint(List.of(confFile(p, forced, coreCount))));
            }
        }
        JsonOut.print(spec.commandLine().getOut(), LintJson.reports(reports));
        if (!quiet) {
            printReadable(reports, spec.commandLine().getErr());
        }
        return reports.stream().anyMatch(FileReport::hasErrors) ? ExitCodes.INPUT : ExitCodes.OK;
    }

    private Optional<DeviceRef> forcedDevice() {
        if (device == null) {
            return Optional.empty();
        }
        DeviceRef ref = DeviceRef.of(device);
        if (ref.model().isEmpty()) {
            List<String> known = new ArrayList<>();
            for (DeviceModel m : DeviceCatalog.all()) {
                known.add(m.type());
                known.add(m.vfType());
            }
            throw new CliException(ExitCodes.USAGE, "unknown device type '" + device + "'; known: "
                    + String.join(", ", known));
        }
        return Optional.of(ref);
    }

    private ConfFile confFile(String path, Optional<DeviceRef> forced, OptionalInt coreCount) {
        byte[] bytes = InputFiles.read(path, System.in);
        Optional<DeviceFileName> named = DeviceFileName.of(path);
        Optional<DeviceRef> dev = forced.isPresent() ? forced : named.map(DeviceFileName::device);
        OptionalInt inst = named.map(n -> OptionalInt.of(n.instId())).orElse(OptionalInt.empty());
        return new ConfFile(path, ConfDocument.parse(bytes), new LintContext(dev, coreCount), inst);
    }

    private List<ConfFile> deviceSet(String dir, Optional<DeviceRef> forced, OptionalInt coreCount) {
        List<Path> names;
        try (Stream<Path> s = Files.list(InputFiles.path(dir))) {
            names = s.filter(Files::isRegularFile)
                    .filter(f -> DeviceFileName.isDriverFileName(f.getFileName().toString()))
                    .sorted(Comparator.comparing(LintCommand::deviceOrder))
                    .toList();
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, dir + ": cannot list: " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            throw new CliException(ExitCodes.INPUT, dir + ": no QAT conf files (named <type>_dev<N>.conf) in it");
        }
        List<ConfFile> files = new ArrayList<>();
        for (Path f : names) {
            files.add(confFile(f.toString(), forced, coreCount));
        }
        return files;
    }

    /** PFs before their VFs, each by inst_id, so cross-file findings land where a reader expects. */
    private static String deviceOrder(Path p) {
        DeviceFileName n = DeviceFileName.of(p.getFileName().toString()).orElseThrow();
        return String.format("%s %d %08d", n.device().model().map(DeviceModel::type).orElse(""),
                n.device().vf() ? 1 : 0, n.instId());
    }

    private static void printReadable(List<FileReport> reports, PrintWriter err) {
        int errors = 0;
        int warnings = 0;
        for (FileReport r : reports) {
            for (Finding f : r.findings()) {
                err.println(ReadableFindings.line(r.path(), f));
                switch (f.severity()) {
                    case ERROR -> errors++;
                    case WARNING -> warnings++;
                    default -> { }
                }
            }
        }
        err.println(reports.size() + " file(s), " + errors + " error(s), " + warnings + " warning(s)");
        err.flush();
    }
}
