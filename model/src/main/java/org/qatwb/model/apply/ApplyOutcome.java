package org.qatwb.model.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.parse.ParseException;

/**
 * What a transaction did, as {@code apply}, {@code restore}, {@code status} and {@code confirm}
 * report it: the transaction, every step so far (the checks, the commit, the restart, the
 * verification, the timer, a confirm, a rollback), and the driver's messages from the kernel log
 * while QAT restarted.
 *
 * @param tx        the transaction
 * @param steps     every step, in order
 * @param kernelLog the QAT lines the kernel logged during its restarts, oldest first
 */
public record ApplyOutcome(TxRecord tx, List<TxStep> steps, List<String> kernelLog) {

    public static final String TX_ITEM = "tx";
    public static final String STEP_PREFIX = "step:";
    public static final String KERNEL_LOG_ITEM = "kernel_log";

    public ApplyOutcome {
        Objects.requireNonNull(tx, "tx");
        steps = List.copyOf(steps);
        kernelLog = List.copyOf(kernelLog);
    }

    public TxState state() {
        return tx.state();
    }

    public TxState.Result result() {
        return tx.state().result();
    }

    /** The step that decided the outcome: the first that failed (a rollback's failure comes later). */
    public Optional<TxStep> failure() {
        return steps.stream().filter(s -> !s.ok()).findFirst();
    }

    /** The first step of the rollback that failed, when the NAS could not put everything back. */
    public Optional<TxStep> rollbackFailure() {
        return steps.stream().filter(s -> s.rollback() && !s.ok() && !s.name().equals("expired")).findFirst();
    }

    /**
     * The driver's complaints among the kernel-log lines (DOMAIN.md sections 3 and 8: "QAT Error:",
     * "Failed to ...", "Don't have enough rings ...", "Invalid ..."): what explains a failed restart.
     */
    public List<String> driverErrors() {
        return kernelLog.stream().filter(l -> DRIVER_ERROR.matcher(l).find()).toList();
    }

    private static final java.util.regex.Pattern DRIVER_ERROR = java.util.regex.Pattern.compile(
            "(?i)error|fail|don't have enough|invalid|cannot|needs to be configured");

    /**
     * Reads one output.
     *
     * @return empty when the NAS has no such transaction ({@code status} or {@code confirm} of an id it
     *     never kept: the exec that would have made it was cut before it began)
     */
    public static Optional<ApplyOutcome> read(AgentOutput out) throws ParseException {
        AgentFrame t = out.frame(TX_ITEM).orElseThrow(() -> new ParseException(0, "the agent's answer has no tx item"));
        if (t.status() == ItemStatus.ABSENT) {
            return Optional.empty();
        }
        if (t.tooManyLines()) {
            throw new ParseException(0, t.tooManyLinesWarning());
        }
        List<TxStep> steps = new ArrayList<>();
        for (AgentFrame f : out.framesStartingWith(STEP_PREFIX)) {
            steps.add(new TxStep(f.name().substring(STEP_PREFIX.length()), f.status(), f.rc(), f.text()));
        }
        List<String> log = out.frame(KERNEL_LOG_ITEM).filter(AgentFrame::readable).filter(f -> !f.tooManyLines())
                .map(f -> f.text().lines().filter(l -> !l.isBlank()).toList()).orElse(List.of());
        return Optional.of(new ApplyOutcome(TxRecord.read(t.text()), steps, log));
    }
}
