package org.qatwb.model.layout;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.FileChange;
import org.qatwb.model.devcfg.DevCfgExpectation;

/**
 * A layout compiled against a {@link Baseline}: the files it changes (only those whose bytes
 * change), their diffs, and the findings of the driver's and ZFS's rules on the result.
 *
 * @param layout     what was compiled
 * @param files      the changed files: conf files PF by PF, then {@code /etc/default/qat}, then
 *                   the blacklist
 * @param findings   every finding on the compiled set, each with its file, line and layout element
 * @param expectedUp the devices (by BSF) that must be up after a restart with these files
 * @param expect     what each changed device's dev_cfg must show with these files
 * @param expectBefore the same with the files as they were
 */
public record Compilation(Layout layout, List<CompiledFile> files, List<LayoutFinding> findings, Set<String> expectedUp,
                          DevCfgExpectation expect, DevCfgExpectation expectBefore) {

    public Compilation {
        Objects.requireNonNull(layout, "layout");
        files = List.copyOf(files);
        findings = List.copyOf(findings);
        expectedUp = Set.copyOf(expectedUp);
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(expectBefore, "expectBefore");
    }

    /** Whether the layout may be applied: no finding is an error. */
    public boolean applicable() {
        return findings.stream().noneMatch(LayoutFinding::isError);
    }

    public long errors() {
        return findings.stream().filter(LayoutFinding::isError).count();
    }

    public List<FileChange> changes() {
        return files.stream().map(CompiledFile::change).toList();
    }

    /** The diff of every changed file, one after the other; "" when nothing changes. */
    public String diff() {
        StringBuilder out = new StringBuilder();
        files.forEach(f -> out.append(f.diff()));
        return out.toString();
    }

    /**
     * The transaction that applies this layout: the hand-over to the NAS-side apply.
     *
     * @throws IllegalStateException when a finding is an error: a broken layout is never applied
     */
    public ApplyPlan applyPlan(ApplyMode mode, Duration confirmTimeout) {
        if (!applicable()) {
            throw new IllegalStateException("the layout has " + errors() + " error finding(s) and cannot be applied");
        }
        return new ApplyPlan(changes(), mode, expectedUp, confirmTimeout, expect, expectBefore);
    }
}
