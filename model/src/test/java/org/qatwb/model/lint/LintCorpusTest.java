package org.qatwb.model.lint;

import org.qatwb.model.testutil.Samples;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.lint.LintFixtures.assertFinding;
import static org.qatwb.model.lint.LintFixtures.assertMessage;
import static org.qatwb.model.lint.LintFixtures.c62xZfsSet;
import static org.qatwb.model.lint.LintFixtures.single;
import static org.qatwb.model.lint.LintFixtures.lineOf;
import static org.qatwb.model.lint.Severity.ERROR;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfEditor;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.device.DriverRelease;

/**
 * Intel's own conf files (the sample corpus beside the checkout, {@code -Dqatwb.samples}) and a full
 * C62x host built here: the linter must read what the driver reads without crying wolf.
 */
class LintCorpusTest {

    static Stream<Path> samples() {
        return Samples.files("conf").stream();
    }

    private static List<Finding> lintSample(Path file, Optional<DeviceRef> device, OptionalInt cores) throws IOException {
        ConfDocument doc = ConfDocument.parse(Files.readAllBytes(file));
        List<Finding> fs = assertDoesNotThrow(() -> ConfLinter.lint(doc, new LintContext(device, cores)));
        int lastLine = Math.max(1, doc.lines().size());
        for (Finding f : fs) {
            assertTrue(f.line() >= 1 && f.line() <= lastLine,
                    () -> file.getFileName() + ": line " + f.line() + " outside 1.." + lastLine + ": " + f.message());
            assertFalse(f.message().isBlank());
            if (f.section() != null) {
                assertTrue(doc.section(f.section()).isPresent(),
                        () -> file.getFileName() + ": finding names section [" + f.section() + "] the file does not have");
            }
        }
        return fs;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void anIntelSampleHasNoSyntaxError(Path file) throws IOException {
        Optional<DeviceRef> device = DeviceFileName.of(file.getFileName().toString()).map(DeviceFileName::device);
        List<Finding> named = lintSample(file, device, OptionalInt.of(56));
        List<Finding> unknown = lintSample(file, Optional.empty(), OptionalInt.empty());
        for (List<Finding> fs : List.of(named, unknown)) {
            List<Finding> syntaxErrors = fs.stream()
                    .filter(f -> f.rule().id().startsWith("syntax.") && f.severity() == ERROR).toList();
            assertTrue(syntaxErrors.isEmpty(), () -> file.getFileName() + ":\n" + LintFixtures.describe(syntaxErrors));
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theDriversAllocatorPlacesEveryIntelSampleSoNoCapacityOrMixedSectionsFinding(Path file) throws IOException {
        Optional<DeviceRef> device = DeviceFileName.of(file.getFileName().toString()).map(DeviceFileName::device);
        for (DriverRelease r : DriverRelease.values()) {
            ConfDocument doc = ConfDocument.parse(Files.readAllBytes(file), r);
            List<Finding> fs = ConfLinter.lint(doc, new LintContext(device, OptionalInt.of(56)).withRelease(r));
            List<Finding> placement = fs.stream().filter(f -> f.rule() == Rule.CAPACITY_EXCEEDED
                    || f.rule() == Rule.VF_MIXED_SECTIONS).toList();
            assertTrue(placement.isEmpty(), () -> file.getFileName() + " (" + r.label() + "):\n"
                    + LintFixtures.describe(placement));
        }
    }

    @Test
    void theWholeCorpusLintedAsOneSetNeverThrows() throws IOException {
        List<Path> files = samples().toList();
        List<ConfFile> set = new ArrayList<>();
        for (Path p : files) {
            Optional<DeviceFileName> n = DeviceFileName.of(p.getFileName().toString());
            set.add(new ConfFile(p.getFileName().toString(), ConfDocument.parse(Files.readAllBytes(p)),
                    new LintContext(n.map(DeviceFileName::device), OptionalInt.of(8)),
                    n.map(x -> OptionalInt.of(x.instId())).orElse(OptionalInt.empty())));
        }
        List<FileReport> reports = assertDoesNotThrow(() -> DeviceSetLinter.lint(set));
        assertEquals(set.size(), reports.size());
    }

    @Test
    void aFullC62xZfsSetIsClean() {
        List<ConfFile> set = c62xZfsSet(56);
        assertEquals(51, set.size());
        for (FileReport r : DeviceSetLinter.lint(set)) {
            assertTrue(r.findings().isEmpty(), () -> r.path() + ":\n" + LintFixtures.describe(r.findings()));
        }
    }

    @Test
    void oneVfPolledGivesAZfsPolledErrorAndTheDriversRefusalOnThatFileAndLineOnly() {
        List<ConfFile> set = new ArrayList<>(c62xZfsSet(56));
        int at = 3 + 29; // c6xxvf_dev29, a VF of the second PF
        ConfFile vf = set.get(at);
        assertEquals("c6xxvf_dev29.conf", vf.path());
        ConfDocument polled = new ConfEditor(vf.doc()).set("KERNEL_QAT", "Dc0IsPolled", "1").toDocument();
        set.set(at, new ConfFile(vf.path(), polled, vf.ctx(), vf.instId()));

        List<FileReport> reports = DeviceSetLinter.lint(set);
        List<Finding> all = reports.stream().flatMap(r -> r.findings().stream()).toList();
        // ZFS would block on it, and the driver refuses the VF: its one bank was opened in interrupt mode by Cy0
        assertEquals(List.of("capacity.exceeded", "zfs.polled"), all.stream().map(f -> f.rule().id()).sorted().toList(),
                () -> LintFixtures.describe(all));
        FileReport broken = reports.get(at);
        assertEquals("c6xxvf_dev29.conf", broken.path());
        assertTrue(broken.hasErrors());
        assertEquals(2, broken.findings().size());
        for (Finding f : broken.findings()) {
            assertEquals(lineOf(vf.doc().text(), "Dc0IsPolled = 0"), f.line());
            assertEquals("Dc0IsPolled", f.key());
        }
        assertMessage(single(broken.findings(), "zfs.polled"), "Dc0IsPolled = 1", "write Dc0IsPolled = 0");
        assertMessage(single(broken.findings(), "capacity.exceeded"), "has IsPolled 1", "opened with IsPolled 0");
    }

    @Test
    void theC62xSetNeedsTheRealCoreCount() {
        // the same set on a 32-core NAS: every instance steered to cores 32..55 is an error
        long outOfRange = DeviceSetLinter.lint(c62xZfsSet(32)).stream().flatMap(r -> r.findings().stream())
                .filter(f -> f.rule().id().equals("affinity.range")).count();
        // VF n's Cy and Dc on core n % 56 for n = 0..47: cores 32..47, two instances each
        long expected = 2 * java.util.stream.IntStream.range(0, 48).filter(n -> n % 56 >= 32).count();
        assertEquals(32, expected);
        assertEquals(expected, outOfRange);
    }
}
