package org.qatwb.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.etc.QatDefaults;
import org.qatwb.model.etc.QatDefaultsEditor;
import org.qatwb.model.etc.VfBlacklist;
import org.qatwb.model.etc.VfBlacklistEditor;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.Rule;
import org.qatwb.model.testutil.Samples;

/** The guard between the host-file editors and the NAS: only the lines the editors are meant to write get through. */
class HostFileLinesTest {

    private static final String ROOT_SHELL = "install e1000e /bin/sh -c 'id > /tmp/pwned'";

    private static List<Finding> blacklist(String before, String after) {
        return HostFileLines.unintended(VfBlacklist.PATH, Optional.of(before), after);
    }

    private static List<Finding> defaults(String before, String after) {
        return HostFileLines.unintended(QatDefaults.PATH, Optional.of(before), after);
    }

    @Test
    void aModuleNameWithANewlineIsCaughtOnItsInstallLine() {
        // what VfBlacklistEditor.block wrote for "qat_c62xvf\ninstall e1000e ..." before it checked the name
        String after = "blacklist qat_c62xvf\n" + ROOT_SHELL + "\n";
        List<Finding> f = blacklist("", after);
        assertEquals(1, f.size());
        assertEquals(Rule.LAYOUT_HOST_FILE_LINE, f.get(0).rule());
        assertEquals(2, f.get(0).line());
        assertTrue(f.get(0).message().startsWith("line 2 \"install e1000e /bin/sh -c 'id > /tmp/pwned'\" is not a line"),
                f.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"blacklist qat_c62xvf extra", "blacklist  qat_c62xvf", "blacklist qat_c62xvf\u0000",
        "blacklist qat_e1000e", "blacklist qat-c62xvf", "options qat_c62xvf x=1", "", "# a comment", ROOT_SHELL})
    void anyOtherAddedBlacklistLineIsCaught(String line) {
        assertEquals(1, blacklist("blacklist qat_dh895xccvf\n", "blacklist qat_dh895xccvf\n" + line + "\n").size(), line);
    }

    @Test
    void theAdminsOwnLinesAreKeptEvenWhenTheyAreNotOurs() {
        String admin = "# passthrough\n" + ROOT_SHELL + "\nblacklist qat_c62xvf\n";
        assertEquals(List.of(), blacklist(admin, admin.replace("blacklist qat_c62xvf\n", "")));
        assertEquals(List.of(), blacklist(admin, admin + "blacklist qat_c3xxxvf\n"));
        // but a second copy of one is an added line
        assertEquals(1, blacklist(admin, admin + ROOT_SHELL + "\n").size());
    }

    @Test
    void aLineJoinedToTheOneBeforeIsNotALineOfItsOwn() {
        String admin = "install qat_4xxxvf /bin/true \\\n";
        assertEquals(1, blacklist(admin, admin + "blacklist qat_c62xvf\n").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SRIOV_ENABLE=1; reboot", "SRIOV_ENABLE=$(reboot)", "SRIOV_ENABLE=1 reboot", "ENABLE_KAPI=2",
        "LEGACY_LOADED=1", "reboot", "SRIOV_ENABLE=1#x", "export SRIOV_ENABLE=1 && reboot", "SRIOV_ENABLE=1\u0085reboot"})
    void anyOtherAddedDefaultsLineIsCaught(String line) {
        assertEquals(1, defaults("ENABLE_KAPI=1\n", "ENABLE_KAPI=1\n" + line + "\n").size(), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SRIOV_ENABLE=1", "SRIOV_ENABLE=0", "  export ENABLE_KAPI=1  # on for ZFS", "#SRIOV_ENABLE=1",
        "#  export ENABLE_KAPI=\"1\" # was on"})
    void theEditorsShapesOfDefaultsLinesPass(String line) {
        assertEquals(List.of(), defaults("", line + "\n"), line);
    }

    @Test
    void pathsOtherThanTheTwoHostFilesAreNotJudged() {
        assertThrows(IllegalArgumentException.class, () -> HostFileLines.unintended("/etc/passwd", Optional.empty(), ""));
    }

    static List<Path> samples() {
        return Samples.files("etc");
    }

    /** No false alarm on what the real editors write to the installer's files. */
    @ParameterizedTest
    @MethodSource("samples")
    void theEditorsOutputOnEverySamplePasses(Path sample) {
        String text = new String(Samples.bytes(sample), StandardCharsets.UTF_8);
        List<String> outputs = new ArrayList<>();
        if (sample.getFileName().toString().contains("blacklist")) {
            for (DeviceModel m : DeviceCatalog.all()) {
                outputs.add(VfBlacklistEditor.block(text, m.vfModule()));
                outputs.add(VfBlacklistEditor.unblock(text, m.vfModule()));
            }
            outputs.forEach(o -> assertEquals(List.of(), blacklist(text, o), o));
        } else {
            for (String flag : List.of("SRIOV_ENABLE", "ENABLE_KAPI")) {
                for (boolean on : new boolean[] {true, false}) {
                    outputs.add(QatDefaultsEditor.set(text, flag, on));
                    outputs.add(QatDefaultsEditor.set(QatDefaultsEditor.set(text, flag, on), flag, !on));
                }
            }
            outputs.forEach(o -> assertEquals(List.of(), defaults(text, o), o));
        }
    }

    /** Nor on what QatDefaultsEditor makes of shell-like text: its every line is one of the shapes. */
    @Property(tries = 1000)
    void qatDefaultsEditorWritesOnlyItsShapes(@ForAll("defaultsText") String text, @ForAll boolean sriov, @ForAll boolean on) {
        String after;
        try {
            after = QatDefaultsEditor.set(text, sriov ? "SRIOV_ENABLE" : "ENABLE_KAPI", on);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertEquals(List.of(), defaults(text, after), () -> text + "\n=>\n" + after);
    }

    @Provide
    Arbitrary<String> defaultsText() {
        return Arbitraries.of("SRIOV_ENABLE", "ENABLE_KAPI", "export ", "#", "# ", "=", "1", "0", "\"1\"", "'0'", " ", "\t",
                "# note", "\n", "\r\n", "unset ", "FOO=bar", ";", "\\").list().ofMaxSize(30).map(parts -> String.join("", parts));
    }

    /** A future editor that writes something else is stopped in HostFiles: a finding, and no file. */
    @Test
    void hostFilesRefusesAnEditorThatWritesAnUnintendedLine() {
        BaseFile blacklist = new BaseFile(VfBlacklist.PATH, Optional.of("blacklist qat_dh895xccvf\n"), Optional.empty());
        List<LayoutFinding> problems = new ArrayList<>();
        List<CompiledFile> files = new ArrayList<>();
        Optional<String> text = HostFiles.edit(blacklist, HostSetting.VF_DRIVER, problems,
                t -> t + "blacklist qat_c62xvf\n" + ROOT_SHELL + "\n", files);
        assertEquals(List.of(), files);
        assertEquals(Optional.of("blacklist qat_dh895xccvf\n"), text, "the file's text as it was, for the validator");
        assertEquals(1, problems.size());
        assertEquals("layout.host-file-line", problems.get(0).finding().rule().id());
        assertEquals(new ElementRef.OfHost(HostSetting.VF_DRIVER), problems.get(0).element());
        assertFalse(problems.get(0).finding().message().contains("\n"));
    }
}
