package org.qatwb.model.layout;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qatwb.model.apply.FileChange;
import org.qatwb.model.devcfg.DevCfgExpectation;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfEdit;
import org.qatwb.model.conf.ConfEditor;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.Rule;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.text.UnifiedDiff;

/**
 * Turns a layout into files: each device's conf document edited toward its config with
 * {@link ConfEdits} (untouched lines stay byte-identical), new files from the project's templates,
 * and {@code /etc/default/qat} and the blacklist where the host switches differ; then validates the
 * result with {@link LayoutValidator}. Pure: the same baseline and layout give the same compilation.
 */
public final class LayoutCompiler {

    private LayoutCompiler() {
    }

    public static Compilation compile(Baseline base, Layout layout) {
        List<CompiledFile> files = new ArrayList<>();
        List<LayoutFinding> problems = new ArrayList<>();
        Map<DeviceKey, ConfDocument> docs = new LinkedHashMap<>(base.docs());
        List<DevCfgExpectation.Line> expect = new ArrayList<>();
        List<DevCfgExpectation.Line> expectBefore = new ArrayList<>();
        for (Device d : layout.devices()) {
            Optional<ConfDocument> before = base.doc(d.key());
            Optional<ConfDocument> after = conf(base, d, problems);
            after.ifPresent(doc -> docs.put(d.key(), doc));
            if (after.isPresent() && after.get() != before.orElse(null)) {
                String path = d.key().confPath();
                files.add(file(path, before.map(ConfDocument::text), after.get().text(), StandardCharsets.ISO_8859_1));
                // the device the file configures, by the snapshot's adf_ctl status: its dev_cfg must show the file
                d.info().bsf().ifPresent(bsf -> {
                    expect.addAll(DevCfgExpectation.of(bsf, after.get()));
                    before.ifPresent(b -> expectBefore.addAll(DevCfgExpectation.of(bsf, b)));
                });
            }
        }
        HostFiles host = HostFiles.compile(base, layout.host(), problems);
        host.files().forEach(files::add);
        List<LayoutFinding> findings = new ArrayList<>(problems);
        findings.addAll(LayoutValidator.validate(base.layout(), layout, docs, host.defaultQat(), host.blacklist()));
        return new Compilation(layout, files, findings, expectedUp(layout, docs), new DevCfgExpectation(expect),
                new DevCfgExpectation(expectBefore));
    }

    /** The device's compiled document (the baseline's own instance when nothing changes), or none. */
    private static Optional<ConfDocument> conf(Baseline base, Device d, List<LayoutFinding> problems) {
        Optional<ConfDocument> before = base.doc(d.key());
        if (before.isPresent()) {
            List<ConfEdit> edits = ConfEdits.toward(before.get(), d.config());
            return edits.isEmpty() ? before : Optional.of(edited(before.get(), edits, d, problems).orElse(before.get()));
        }
        if (d.config().isEmpty()) {
            return Optional.empty();
        }
        if (base.confProblem().isPresent()) {
            problems.add(cannotWrite(d, base.confProblem().get() + ", so a new " + d.key().confPath()
                    + " could overwrite one the snapshot missed; take a new snapshot"));
            return Optional.empty();
        }
        Optional<ConfDocument> template = Templates.of(d.key(), d.role());
        if (template.isEmpty()) {
            problems.add(cannotWrite(d, d.key().confPath() + " does not exist and the workbench has no "
                    + Templates.fileName(d.vf(), d.role()) + " template for " + d.key().type() + "; write it by hand"));
            return Optional.empty();
        }
        return edited(template.get(), ConfEdits.toward(template.get(), d.config()), d, problems);
    }

    private static Optional<ConfDocument> edited(ConfDocument doc, List<ConfEdit> edits, Device d,
            List<LayoutFinding> problems) {
        ConfEditor editor = new ConfEditor(doc);
        try {
            edits.forEach(editor::apply);
            return Optional.of(editor.toDocument());
        } catch (IllegalArgumentException e) {
            problems.add(cannotWrite(d, "cannot write " + d.key().confPath() + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static LayoutFinding cannotWrite(Device d, String message) {
        return new LayoutFinding(d.key().confPath(), new Finding(Rule.LAYOUT_CANNOT_WRITE, 1, null, null,
                Snippet.oneLine(message)), new ElementRef.OfDevice(d.key()));
    }

    /**
     * A changed file with its diff. Conf documents hold one char per byte (ISO-8859-1); the host
     * files are UTF-8 text, as the snapshot reads them.
     */
    static CompiledFile file(String path, Optional<String> before, String after, Charset charset) {
        FileChange change = new FileChange(path, before.map(t -> t.getBytes(charset)), after.getBytes(charset));
        return new CompiledFile(change, UnifiedDiff.of(path, path, before.orElse(""), after));
    }

    /**
     * The devices a restart must bring up: every listed one with a conf file, except VFs that
     * SR-IOV will not create or whose driver stays blocked.
     */
    private static Set<String> expectedUp(Layout layout, Map<DeviceKey, ConfDocument> docs) {
        Set<String> up = new LinkedHashSet<>();
        for (Device d : layout.devices()) {
            boolean exists = !d.vf() || layout.host().sriov()
                    && d.key().device().model().filter(m -> !layout.host().blocks(m.vfModule())).isPresent();
            if (exists && docs.containsKey(d.key()) && d.info().bsf().isPresent()) {
                up.add(d.info().bsf().get());
            }
        }
        return up;
    }
}
