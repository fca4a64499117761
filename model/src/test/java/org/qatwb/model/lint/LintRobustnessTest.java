package org.qatwb.model.lint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.device.DeviceRef;

/** Whatever text a file holds, the linter answers with findings inside the file, never with an exception. */
class LintRobustnessTest {

    private static final List<String> FRAGMENTS = List.of("[", "]", "GENERAL", "KERNEL", "KERNEL_QAT", "SSL", "=", "#",
            " ", "  ", "\t", "\r", "\"", "\n", "\n", "\n", "\r\n", "NumberCyInstances", "NumberDcInstances", "NumProcesses",
            "Cy0Name", "Cy0IsPolled", "Cy0CoreAffinity", "Dc1IsPolled", "Dc0CoreAffinity", "Cy1234567Name", "0", "1", "2",
            "48", "0-31", "31-0", ",", "-", "0x1", "0xFFFFFFFFFFFFFFFFFF", "99999999999999999999", "cy;dc", "dc;sym",
            "asym;sym", "ServicesEnabled", "ServicesProfile", "COMPRESSION", "ConfigVersion", "KptEnabled",
            "DcNumConcurrentRequests", "DcIntermediateBufferSizeInKB", "\u00EF\u00BB\u00BF", "x".repeat(130));

    private static final List<String> DEVICES = List.of("c6xx", "c6xxvf", "c6xxpf", "dh895xcc", "dh895xccvf", "4xxx",
            "c4xxxvf", "unknown");

    @Provide
    Arbitrary<String> confText() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(120).map(parts -> String.join("", parts));
    }

    @Property(tries = 400)
    void lintingAnyTextGivesFindingsInsideTheFile(@ForAll("confText") String text,
            @ForAll("devices") String device, @ForAll @IntRange(min = 1, max = 128) int cores) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        ConfDocument doc = ConfDocument.parse(bytes);
        assertArrayEquals(bytes, doc.toBytes());
        Optional<DeviceRef> ref = device.equals("unknown") ? Optional.empty() : Optional.of(DeviceRef.of(device));
        ConfFile file = new ConfFile(device + "_dev0.conf", doc, new LintContext(ref, OptionalInt.of(cores)),
                OptionalInt.of(0));
        List<FileReport> reports = DeviceSetLinter.lint(List.of(file, file));
        assertEquals(2, reports.size());
        int last = Math.max(1, doc.lines().size());
        for (Finding f : reports.get(0).findings()) {
            assertTrue(f.line() >= 1 && f.line() <= last, () -> "line " + f.line() + " of " + last + ": " + f.message());
            assertTrue(f.section() == null || doc.section(f.section()).isPresent(), f::message);
            assertTrue(!f.message().isBlank());
        }
    }

    @Provide
    Arbitrary<String> devices() {
        return Arbitraries.of(DEVICES);
    }
}
