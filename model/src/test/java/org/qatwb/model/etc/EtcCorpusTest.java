package org.qatwb.model.etc;

import org.qatwb.model.testutil.Samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.device.DeviceModel;

/** The {@code ${qatwb.samples}/etc} files give the flags and blocked models they were made for. */
class EtcCorpusTest {

    private static final String DEFAULTS = "etc_default_qat_";
    private static final String BLACKLIST = "etc_modprobe.d_blacklist-qat-vfs.conf_";

    /** sriov, kapi per default/qat sample (file-name prefix after {@link #DEFAULTS}). */
    private static final Map<String, List<Boolean>> FLAGS = Map.of(
            "RECONSTRUCTED_QAT.L.4.28_sriov_host_kapi", List.of(true, true),
            "RECONSTRUCTED_QAT1.7_4.8-4.24_no_sriov_kapi", List.of(false, true),
            "RECONSTRUCTED_QAT1.7_4.8-4.24_no_sriov_no_kapi", List.of(false, false),
            "RECONSTRUCTED_QAT1.7_4.8-4.24_sriov_host_kapi", List.of(true, true));

    /** Blocked model types per blacklist sample (file-name prefix after {@link #BLACKLIST}). */
    private static final Map<String, List<String>> MODELS = Map.of(
            "RECONSTRUCTED_c62x_sriov_host", List.of("c6xx"),
            "RECONSTRUCTED_dh895xcc_plus_c62x_sriov_host", List.of("dh895xcc", "c6xx"),
            "RECONSTRUCTED_dh895xcc_sriov_host", List.of("dh895xcc"));

    static Stream<Path> samples() {
        return Samples.files("etc").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void givesTheExpectedFlagsAndModels(Path file) throws Exception {
        String name = file.getFileName().toString();
        String text = Files.readString(file, StandardCharsets.UTF_8);

        if (name.startsWith(DEFAULTS)) {
            QatDefaults d = QatDefaultsParser.parse(text);
            List<Boolean> expected = expectation(FLAGS, name.substring(DEFAULTS.length()));
            assertEquals(expected, List.of(d.sriovEnabled(), d.kapiEnabled()), name);
            assertEquals(List.of(), d.warnings());
        } else if (name.startsWith(BLACKLIST)) {
            VfBlacklist b = VfBlacklistParser.parse(text);
            List<String> expected = expectation(MODELS, name.substring(BLACKLIST.length()));
            assertEquals(expected, b.blockedModels().stream().map(DeviceModel::type).toList(), name);
            assertEquals(List.of(), b.warnings());
        } else {
            fail("no parser for sample " + name);
        }
    }

    @Test
    void everyExpectationMatchesASample() throws IOException {
        List<String> names = samples().map(p -> p.getFileName().toString()).toList();

        FLAGS.keySet().forEach(k -> assertEquals(1, names.stream().filter(n -> n.startsWith(DEFAULTS + k)).count(), k));
        MODELS.keySet().forEach(k -> assertEquals(1, names.stream().filter(n -> n.startsWith(BLACKLIST + k)).count(), k));
    }

    /** The one entry whose key starts {@code rest}. */
    private static <T> T expectation(Map<String, T> table, String rest) {
        List<T> matches = table.entrySet().stream()
                .filter(e -> rest.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        assertEquals(1, matches.size(), () -> "expectations for sample " + rest + ": " + matches);
        return matches.get(0);
    }
}
