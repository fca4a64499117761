package org.qatwb.model.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.qatwb.model.adf.AdfStatus;
import org.qatwb.model.adf.AdfStatusParser;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.lint.ConfFile;
import org.qatwb.model.lint.DeviceFileName;
import org.qatwb.model.lint.DeviceSetLinter;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.lint.LintContext;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.testutil.C62xFixture;

/**
 * The targets, warm: linting a full C62x device set (3 PF + 48 VF files, from bytes to
 * findings) and parsing a 51-device {@code adf_ctl status}. Run as docs/benchmarks.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class ModelBenchmark {

    private List<String> names;
    private List<byte[]> files;
    private String status;

    @Setup
    public void setUp() {
        names = new ArrayList<>();
        files = new ArrayList<>();
        for (Map.Entry<String, String> f : C62xFixture.confFiles().entrySet()) {
            names.add(f.getKey());
            files.add(f.getValue().getBytes(StandardCharsets.ISO_8859_1));
        }
        status = C62xFixture.adfStatus();
    }

    @Benchmark
    public AdfStatus parse51DeviceStatus() throws ParseException {
        return AdfStatusParser.parse(status);
    }

    @Benchmark
    public List<FileReport> lintC62xDeviceSet() {
        List<ConfFile> set = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            DeviceFileName n = DeviceFileName.of(names.get(i)).orElseThrow();
            set.add(new ConfFile(names.get(i), ConfDocument.parse(files.get(i)),
                    new LintContext(java.util.Optional.of(n.device()), OptionalInt.of(C62xFixture.CORES)),
                    OptionalInt.of(n.instId())));
        }
        return DeviceSetLinter.lint(set);
    }
}
