package org.qatwb.model.doctor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.qatwb.model.parse.Snippet;

/**
 * How one check came out.
 *
 * @param check   which check
 * @param status  pass, warn, fail or skip
 * @param message one line: what holds or what is broken, and why
 * @param fixes   what repairs it, in the order to apply (empty when nothing is to be done)
 * @param details one line per item the message sums up (a dataset, a driver message, a finding)
 */
public record CheckResult(Check check, CheckStatus status, String message, List<Fix> fixes, List<String> details) {

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        // messages quote what a NAS printed: they must stay one line whatever it was
        message = Snippet.oneLine(message);
        fixes = List.copyOf(fixes);
        details = details.stream().map(Snippet::oneLine).toList();
    }

    public static CheckResult pass(Check check, String message) {
        return new CheckResult(check, CheckStatus.PASS, message, List.of(), List.of());
    }

    public static CheckResult skip(Check check, String message) {
        return new CheckResult(check, CheckStatus.SKIP, message, List.of(), List.of());
    }

    public static CheckResult warn(Check check, String message, Fix... fixes) {
        return new CheckResult(check, CheckStatus.WARN, message, List.of(fixes), List.of());
    }

    public static CheckResult fail(Check check, String message, Fix... fixes) {
        return new CheckResult(check, CheckStatus.FAIL, message, List.of(fixes), List.of());
    }

    /** The same result with these details. */
    public CheckResult withDetails(List<String> more) {
        return new CheckResult(check, status, message, fixes, more);
    }

    /** The same result with these fixes. */
    public CheckResult withFixes(List<Fix> more) {
        return new CheckResult(check, status, message, more, details);
    }

    public String id() {
        return check.id();
    }

    /** All fixes in one line, in order ({@code ...; then ...}); empty when there is none. */
    public Optional<String> fixSummary() {
        return fixes.isEmpty() ? Optional.empty()
                : Optional.of(Snippet.oneLine(fixes.stream().map(Fix::summary).collect(Collectors.joining("; then "))));
    }
}
