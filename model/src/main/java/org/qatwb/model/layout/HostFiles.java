package org.qatwb.model.layout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qatwb.model.etc.QatDefaultsEditor;
import org.qatwb.model.etc.VfBlacklistEditor;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.Rule;
import org.qatwb.model.parse.Snippet;

/**
 * {@code /etc/default/qat} and the VF blacklist compiled for a layout's host switches: edited only
 * where a switch differs from what the baseline's files say, with the byte-preserving editors.
 *
 * @param files      the changed files (none, one or two)
 * @param defaultQat the compiled {@code /etc/default/qat}: "" when there is none, empty when unreadable
 * @param blacklist  the compiled blacklist, the same way
 */
record HostFiles(List<CompiledFile> files, Optional<String> defaultQat, Optional<String> blacklist) {

    static HostFiles compile(Baseline base, HostSettings want, List<LayoutFinding> problems) {
        HostSettings was = base.layout().host();
        List<CompiledFile> files = new ArrayList<>();
        BaseFile dq = base.defaultQat();
        Optional<String> defaultQat = dq.readable() ? Optional.of(dq.text().orElse("")) : Optional.empty();
        if (was.sriov() != want.sriov() || was.kapi() != want.kapi()) {
            HostSetting setting = was.sriov() != want.sriov() ? HostSetting.SRIOV : HostSetting.KAPI;
            defaultQat = edit(dq, setting, problems, text -> {
                String t = QatDefaultsEditor.set(text, "SRIOV_ENABLE", want.sriov());
                return QatDefaultsEditor.set(t, "ENABLE_KAPI", want.kapi());
            }, files);
        }
        BaseFile bl = base.blacklist();
        Optional<String> blacklist = bl.readable() ? Optional.of(bl.text().orElse("")) : Optional.empty();
        if (!was.blockedVfDrivers().equals(want.blockedVfDrivers())) {
            blacklist = edit(bl, HostSetting.VF_DRIVER, problems, text -> {
                String t = text;
                for (String m : was.blockedVfDrivers()) {
                    t = want.blocks(m) ? t : VfBlacklistEditor.unblock(t, m);
                }
                for (String m : want.blockedVfDrivers()) {
                    t = was.blocks(m) ? t : VfBlacklistEditor.block(t, m);
                }
                return t;
            }, files);
        }
        return new HostFiles(files, defaultQat, blacklist);
    }

    interface TextEdit {
        String apply(String text);
    }

    /**
     * The edited text (and its changed file), or the refusal as a finding when the file cannot be
     * edited or the edit holds a line that is not one the editors are meant to write
     * ({@link HostFileLines}): then the file is not among the changes and the text stays as it was.
     */
    static Optional<String> edit(BaseFile f, HostSetting setting, List<LayoutFinding> problems, TextEdit edit,
            List<CompiledFile> files) {
        if (!f.readable()) {
            problems.add(cannotWrite(f, setting, f.problem().get() + "; the layout needs it changed: take a new snapshot"));
            return Optional.empty();
        }
        String before = f.text().orElse("");
        try {
            String after = edit.apply(before);
            List<Finding> stray = HostFileLines.unintended(f.path(), f.text(), after);
            if (!stray.isEmpty()) {
                stray.forEach(s -> problems.add(new LayoutFinding(f.path(), s, new ElementRef.OfHost(setting))));
                return Optional.of(before);
            }
            if (!after.equals(before)) {
                files.add(LayoutCompiler.file(f.path(), f.text(), after, StandardCharsets.UTF_8));
            }
            return Optional.of(after);
        } catch (IllegalArgumentException e) {
            problems.add(cannotWrite(f, setting, e.getMessage()));
            return Optional.of(before);
        }
    }

    private static LayoutFinding cannotWrite(BaseFile f, HostSetting setting, String message) {
        return new LayoutFinding(f.path(), new Finding(Rule.LAYOUT_CANNOT_WRITE, 1, null, null, Snippet.oneLine(message)),
                new ElementRef.OfHost(setting));
    }
}
