package org.qatwb.model.lint;

import java.util.List;
import java.util.Optional;
import org.qatwb.model.device.DeviceRef;

/** The findings of one file, its own and those of the cross-file rules that point at it. */
public record FileReport(String path, Optional<DeviceRef> device, List<Finding> findings) {

    public FileReport {
        findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
        return errors() > 0;
    }

    /** How many findings are errors. */
    public int errors() {
        return (int) findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    /** How many findings are not errors. */
    public int warnings() {
        return findings.size() - errors();
    }
}
