package org.qatwb.model.irq;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.etc.EtcEdit;
import org.qatwb.model.etc.IrqbalanceArgs;
import org.qatwb.model.etc.IrqbalanceArgsEditor;
import org.qatwb.model.irq.IrqbalancePolicy;
import org.qatwb.model.text.UnifiedDiff;

/**
 * What keeping a set of pins needs of irqbalance, where it runs: qatwb's policy script
 * ({@link IrqbalancePolicy}) answering {@code ban=true} for each pinned VF interrupt, and its
 * {@code --policyscript} word in {@code IRQBALANCE_ARGS} ({@link IrqbalanceArgsEditor}); with no
 * pins left, the word taken out again and the script removed. irqbalance reads both only when it
 * starts, so the agent restarts it when either changed and it is active.
 *
 * @param envPath    the environment file
 * @param envBefore  its text as read
 * @param envAfter   its text to write (equal when unchanged)
 * @param policyText the script to write; empty to remove it (no pins)
 * @param change     what changes in the environment file, in one line
 * @param diff       unified diffs of the environment file and the script; "" when neither changes
 */
public record IrqbalanceBan(String envPath, String envBefore, String envAfter, Optional<String> policyText,
                            String change, String diff) {

    /** The largest environment file edited (the agent takes at most 64 KiB). */
    public static final int MAX_ENV_BYTES = 60_000;

    public IrqbalanceBan {
        Objects.requireNonNull(envPath, "envPath");
        Objects.requireNonNull(envBefore, "envBefore");
        Objects.requireNonNull(envAfter, "envAfter");
        Objects.requireNonNull(policyText, "policyText");
        if (!IrqbalanceArgs.PATHS.contains(envPath)) {
            throw new IllegalArgumentException("not irqbalance's environment file: " + envPath);
        }
    }

    /** Whether the environment file changes. */
    public boolean envChanges() {
        return !envBefore.equals(envAfter);
    }

    /**
     * The ban to write, or none; and a caution when irqbalance runs but cannot be kept off the pins.
     *
     * @param ban     the change; empty when irqbalance needs nothing
     * @param caution one line for the user; empty when there is nothing to say
     */
    public record Decision(Optional<IrqbalanceBan> ban, Optional<String> caution) {
    }

    /**
     * Decides for the pins that will be kept.
     *
     * @param files  irqbalance's files as the snapshot read them
     * @param active whether irqbalance is active now
     * @param pins   every pin that will be kept (empty: unpin all)
     */
    public static Decision of(IrqbalanceFiles files, boolean active, List<IrqPin> pins) {
        boolean banning = files.banning();
        if (!active && !banning && files.policy().isEmpty()) {
            return new Decision(Optional.empty(), Optional.empty());
        }
        Optional<String> path = files.envPath();
        if (path.isEmpty()) {
            return new Decision(Optional.empty(), pins.isEmpty() ? Optional.empty() : Optional.of(
                    "irqbalance is active but neither " + String.join(" nor ", IrqbalanceArgs.PATHS) + " exists: qatwb does"
                    + " not guess which file its unit reads, so irqbalance may move the pins; add " + IrqbalancePolicy.ARG
                    + " to its arguments by hand"));
        }
        String before = files.envFiles().get(path.get());
        if (before.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_ENV_BYTES) {
            return new Decision(Optional.empty(), Optional.of(path.get() + " is larger than " + MAX_ENV_BYTES
                    + " bytes, which is no irqbalance environment file qatwb edits; it is left as it is"));
        }
        EtcEdit edit;
        try {
            if (pins.isEmpty()) {
                edit = IrqbalanceArgsEditor.remove(path.get(), before, IrqbalancePolicy.ARG);
            } else {
                Optional<String> other = IrqbalanceArgs.read(before).words().stream()
                        .filter(w -> (w.startsWith("--policyscript") || w.startsWith("-l")) && !w.equals(IrqbalancePolicy.ARG))
                        .findFirst();
                if (other.isPresent()) {
                    return new Decision(Optional.empty(), Optional.of("irqbalance already runs a policy script ("
                            + other.get() + " in " + path.get() + "), which qatwb does not replace: have it answer ban=true"
                            + " for the pinned IRQs, or irqbalance moves them"));
                }
                edit = IrqbalanceArgsEditor.add(path.get(), before, IrqbalancePolicy.ARG);
            }
        } catch (IllegalArgumentException e) {
            return new Decision(Optional.empty(), Optional.of(e.getMessage() + "; irqbalance may move the pins"));
        }
        Optional<String> policy = pins.isEmpty() ? Optional.empty() : Optional.of(IrqbalancePolicy.text(pins));
        String diff = "";
        if (!edit.text().equals(before)) {
            diff += UnifiedDiff.of(path.get(), path.get(), before, edit.text());
        }
        String oldPolicy = files.policy().orElse("");
        String newPolicy = policy.orElse("");
        if (!oldPolicy.equals(newPolicy)) {
            diff += UnifiedDiff.of(files.policy().isEmpty() ? UnifiedDiff.NO_FILE : IrqbalancePolicy.PATH,
                    policy.isEmpty() ? UnifiedDiff.NO_FILE : IrqbalancePolicy.PATH, oldPolicy, newPolicy);
        }
        return new Decision(Optional.of(new IrqbalanceBan(path.get(), before, edit.text(), policy, edit.change(), diff)),
                Optional.empty());
    }
}
