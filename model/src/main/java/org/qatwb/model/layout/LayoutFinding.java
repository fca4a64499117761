package org.qatwb.model.layout;

import java.util.Objects;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.Severity;

/**
 * A finding about a compiled layout: the rule, the file and line it points at, and the layout
 * element at fault.
 *
 * @param path    the file on the NAS ({@code /etc/c6xxvf_dev3.conf}, {@code /etc/default/qat})
 * @param finding the rule, line, section, key and message, as {@code lint} reports them
 * @param element what to select in the editor
 */
public record LayoutFinding(String path, Finding finding, ElementRef element) {

    public LayoutFinding {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(element, "element");
    }

    public Severity severity() {
        return finding.severity();
    }

    public boolean isError() {
        return finding.severity() == Severity.ERROR;
    }
}
