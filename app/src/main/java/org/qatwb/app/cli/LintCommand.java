package org.qatwb.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
import org.qatwb.model.device.DriverRelease;
import org.qatwb.model.lint.ConfFile;
import org.qatwb.model.lint.DeviceFileName;
import org.qatwb.model.lint.DeviceSetLinter;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.LintContext;
import org.qatwb.model.parse.Snippet;
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

    /** A host's device set: even eight C4xxx cards with every VF have fewer conf files. */
    static final int MAX_FILES = 1024;
    /** All files of one run together; each one is also bounded by {@link InputFiles#MAX_BYTES}. */
    static final long MAX_TOTAL_BYTES = 16L * 1024 * 1024;

    private long total;
    private int count;

    @Spec
    CommandSpec spec;

    @Option(names = "--device", paramLabel = "TYPE",
            description = "device type of the files (c6xx, c6xxvf, dh895xcc, ...); default: from each file name")
    String device;

    @Option(names = "--cores", paramLabel = "N", description = "CPU cores of the NAS, to check CoreAffinity")
    Integer cores;

    @Option(names = {"-q", "--quiet"}, description = "no readable list on stderr")
    boolean quiet;

    @Option(names = "--driver-release", paramLabel = "RELEASE", defaultValue = "4.28",
            description = {"the QAT driver release that reads the files: 4.8, 4.24 or 4.28 (default: ${DEFAULT-VALUE},"
                    + " the newest, which reads as 4.24 does). It decides the grammar (4.24 and 4.28 trim leading"
                    + " blanks, so an indented [KERNEL_QAT] is a header; 4.8 does not, and keeps tabs) and the"
                    + " allocator's rules; findings also warn where another release would read a file otherwise.",
                    "On a NAS, snapshot, doctor and apply use the release the NAS reports."})
    String driverRelease;

    private DriverRelease release = DriverRelease.NEWEST;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "conf files, or directories of them")
    List<String> paths;

    @Override
    public Integer call() {
        release = DriverRelease.of(driverRelease).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                "unknown --driver-release '" + Snippet.excerpt(driverRelease) + "'; known: 4.8, 4.24, 4.28"));
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
        total += bytes.length;
        if (++count > MAX_FILES || total > MAX_TOTAL_BYTES) {
            throw tooMuch();
        }
        Optional<DeviceFileName> named = DeviceFileName.of(path);
        Optional<DeviceRef> dev = forced.isPresent() ? forced : named.map(DeviceFileName::device);
        OptionalInt inst = named.map(n -> OptionalInt.of(n.instId())).orElse(OptionalInt.empty());
        return new ConfFile(path, ConfDocument.parse(bytes, release), new LintContext(dev, coreCount).withRelease(release),
                inst);
    }

    private List<ConfFile> deviceSet(String dir, Optional<DeviceRef> forced, OptionalInt coreCount) {
        List<Path> names;
        long bytes = 0;
        try (Stream<Path> s = Files.list(InputFiles.path(dir))) {
            names = s.filter(f -> DeviceFileName.isDriverFileName(f.getFileName().toString()))
                    .filter(Files::isRegularFile)
                    .limit(MAX_FILES + 1L)
                    .sorted(Comparator.comparing(LintCommand::deviceOrder))
                    .toList();
            for (Path f : names) {
                bytes += Files.size(f);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CliException(ExitCodes.USAGE, Snippet.excerpt(dir) + ": cannot list: "
                    + Snippet.excerpt(java.util.Objects.toString(e.getMessage(), e.getClass().getSimpleName())), e);
        }
        if (names.isEmpty()) {
            throw new CliException(ExitCodes.INPUT, Snippet.excerpt(dir) + ": no QAT conf files (named <type>_dev<N>.conf) in it");
        }
        if (count + names.size() > MAX_FILES || total + bytes > MAX_TOTAL_BYTES) {
            throw tooMuch();
        }
        List<ConfFile> files = new ArrayList<>();
        for (Path f : names) {
            files.add(confFile(f.toString(), forced, coreCount));
        }
        return files;
    }

    private static CliException tooMuch() {
        return new CliException(ExitCodes.INPUT, "more than " + MAX_FILES + " files or " + (MAX_TOTAL_BYTES >> 20)
                + " MiB to lint in one run; no host has that many conf files: lint them in parts");
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
