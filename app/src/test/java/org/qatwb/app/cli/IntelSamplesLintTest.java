package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.testutil.Samples;

/**
 * {@code qatwb lint --driver-release R} over every conf file of the sample corpus (Intel's shipped
 * driver samples of releases 4.8 and 4.24, QAT_Engine's and QATzip's, a deployed file and the
 * Kubernetes plugin's test data), as each release reads it: no error, except what a sample
 * genuinely gets wrong, which is the same on every release. (model's LintCorpusTest holds the
 * corpus to no syntax error and no placement refusal; this holds the whole CLI to no error at all.)
 *
 * <ul>
 * <li>Intel's VF samples for the kernel API ({@code <type>vf_dev0.conf*.vm.km}) give their
 *     {@code [KERNEL_QAT]} instances {@code IsPolled = 1}: the driver places them (polled
 *     instances share the VF's bank), but ZFS never polls, so a ZFS thread that sends a request to
 *     one waits for good (OpenZFS module/os/linux/zfs/qat_compress.c {@code qat_compress_impl},
 *     qat_crypt.c: {@code wait_for_completion} without a timeout): {@code zfs.polled}, and only
 *     that.</li>
 * <li>The Kubernetes plugin's {@code cant_parse_num_processes} fixture is written to be refused
 *     (no {@code [GENERAL]}, {@code NumProcesses = this is error}, instances without keys): it is
 *     test data for a parser, not a file any driver reads.</li>
 * </ul>
 */
class IntelSamplesLintTest {

    private static final String POLLED_VF_KERNEL_SAMPLE = ".vm.km";
    private static final String BROKEN_ON_PURPOSE = "k8s_qat_plugin_testdata_cant_parse_num_processes_";

    static Stream<Arguments> samplesByRelease() {
        List<Arguments> out = new ArrayList<>();
        for (Path p : Samples.files("conf")) {
            for (String release : List.of("4.8", "4.24", "4.28")) {
                out.add(Arguments.of(p.getFileName().toString(), release));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("samplesByRelease")
    void noErrorExceptWhatTheSampleGetsWrong(String name, String release) throws IOException {
        Path file = Samples.root().resolve("conf").resolve(name);
        CliRun run = CliRun.of("lint", "-q", "--driver-release", release, file.toString());
        JsonNode report = run.json().get("files").get(0);
        Set<String> errors = new TreeSet<>();
        List<JsonNode> errorFindings = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("severity").asText().equals("error")) {
                errors.add(f.get("rule").asText());
                errorFindings.add(f);
            }
        });
        if (name.startsWith(BROKEN_ON_PURPOSE)) {
            assertEquals(1, run.exit(), run.out());
            assertTrue(errors.contains("general.missing"), errors.toString());
            return;
        }
        if (name.endsWith(POLLED_VF_KERNEL_SAMPLE) && name.contains("vf_dev")) {
            assertEquals(1, run.exit(), run.out());
            assertEquals(Set.of("zfs.polled"), errors, run.out());
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            for (JsonNode f : errorFindings) {
                assertEquals("KERNEL_QAT", f.get("section").asText(), f.toString());
                String line = lines.get(f.get("line").asInt() - 1);
                assertTrue(line.matches("(Cy|Dc)\\d+IsPolled = 1"), name + ": " + line);
            }
            return;
        }
        assertEquals(0, run.exit(), name + " as " + release + ": " + run.out());
        assertFalse(report.get("device").isNull(), name + ": the device type comes from the file name");
    }
}
