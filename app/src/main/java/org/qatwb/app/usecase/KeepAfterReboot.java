package org.qatwb.app.usecase;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.qatwb.model.persist.KeepList;
import org.qatwb.model.persist.PersistOutcome;
import org.qatwb.model.persist.PersistPlan;
import org.qatwb.model.persist.PersistState;
import org.qatwb.model.persist.PersistTarget;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;

/**
 * "Keep after reboot": what keeps ZFS's QAT offloads on at every boot (zfs.ko, loaded before
 * qat.service, forces them off). The front end shows the {@link #plan}'s diff and asks; this
 * carries out the plan the user saw, and only that: nothing is written when what keeps the
 * parameters changed on the NAS since the plan was made, and a unit or script edited by hand is
 * replaced only with the user's explicit consent. Blocks.
 */
public final class KeepAfterReboot {

    static final String TITLE_KEPT = "Kept after reboot";
    static final String TITLE_NOT_KEPT = "Not kept after reboot";

    private final AgentClient agent;
    private final SudoHint hint;

    public KeepAfterReboot(AgentClient agent, SudoHint hint) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    /** How it ended. */
    public enum Kind {
        /** The plan changes nothing: nothing was asked of the NAS. */
        UNCHANGED,
        /** The plan replaces a hand edit and the user did not choose that: nothing was asked of the NAS. */
        HAND_EDIT_KEPT,
        /** What keeps the parameters changed since the plan was made: nothing was written. */
        CHANGED_SINCE_SHOWN,
        /** Written, and read back as planned. */
        KEPT,
        /** A step failed, or what was read back does not keep what was planned. */
        FAILED
    }

    /**
     * @param kind     how it ended
     * @param outcome  the agent's steps and what it read back; present for {@link Kind#KEPT} and {@link Kind#FAILED}
     * @param snapshot the NAS read after the write, or by the check before it; empty when the NAS was not asked
     * @param message  what the user is told
     */
    public record Result(Kind kind, Optional<PersistOutcome> outcome, Optional<NasSnapshot> snapshot, UserMessage message) {
        public Result {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(snapshot, "snapshot");
            Objects.requireNonNull(message, "message");
        }

        public boolean ok() {
            return kind == Kind.KEPT || kind == Kind.UNCHANGED;
        }
    }

    /** What keeping exactly {@code keep} would change on the NAS as {@code s} read it (all off: remove what keeps them). */
    public static PersistPlan plan(NasSnapshot s, Set<ZfsParam> keep) {
        return PersistPlan.of(s.persistence(), keep);
    }

    /**
     * The offloads to keep: those {@code wanted} turns on, and of the others those on now (0); only
     * parameters ZFS has ({@code now}: the snapshot's values).
     */
    public static Set<ZfsParam> keep(Map<ZfsParam, Integer> now, Map<ZfsParam, Boolean> wanted) {
        Set<ZfsParam> keep = EnumSet.noneOf(ZfsParam.class);
        for (ZfsParam p : now.keySet()) {
            if (wanted.getOrDefault(p, now.get(p) == 0)) {
                keep.add(p);
            }
        }
        return keep;
    }

    /** Whether carrying out {@code plan} replaces a unit or init script edited by hand: the front end asks first. */
    public static boolean replacesHandEdit(PersistPlan plan) {
        return plan.changes() && plan.current() instanceof PersistState.Foreign;
    }

    /** What the plan writes, in words: the systemd unit and its path, or the TrueNAS init script. */
    public static String what(PersistPlan plan) {
        return plan.target() == PersistTarget.SYSTEMD_UNIT ? "systemd unit " + ZfsQatUnit.PATH : PersistPlan.INIT_SCRIPT_NAME;
    }

    /**
     * Carries out {@code plan}, which the user has seen: reads what keeps the parameters now and
     * writes nothing if that is no longer what the plan was made from; else the agent writes
     * exactly the plan's text, and the NAS is read again. {@code replaceEdited}: the user chose to
     * replace a hand edit (the CLI's --replace-edited or its yes, the window's dialog button).
     */
    public Result carryOut(PersistPlan plan, boolean replaceEdited) throws NasConnectionException, AgentFailure {
        if (!plan.changes()) {
            return new Result(Kind.UNCHANGED, Optional.empty(), Optional.empty(), unchanged(plan));
        }
        if (replacesHandEdit(plan) && !replaceEdited) {
            return new Result(Kind.HAND_EDIT_KEPT, Optional.empty(), Optional.empty(), handEditKept(plan));
        }
        NasSnapshot now = agent.snapshot();
        if (!now.persistence().equals(plan.current())) {
            return new Result(Kind.CHANGED_SINCE_SHOWN, Optional.empty(), Optional.of(now), changedSinceShown(now.persistence()));
        }
        PersistOutcome o = agent.persistParams(plan.keep());
        NasSnapshot after = agent.snapshot();
        return new Result(o.ok() && o.achieved() ? Kind.KEPT : Kind.FAILED, Optional.of(o), Optional.of(after),
                explain(o, hint));
    }

    /** The plan changes nothing. */
    public static UserMessage unchanged(PersistPlan plan) {
        return UserMessage.info(TITLE_KEPT, "keep after reboot: " + (plan.keep().isEmpty() ? "nothing" : KeepList.word(plan.keep()))
                + " already, by the " + what(plan) + "; nothing to change");
    }

    /** A hand edit the user did not choose to replace. */
    public static UserMessage handEditKept(PersistPlan plan) {
        String reason = plan.current() instanceof PersistState.Foreign f ? " (" + f.reason() + ")" : "";
        return UserMessage.warning(TITLE_NOT_KEPT, "keep after reboot: the " + what(plan) + " was edited by hand" + reason
                + "; it is replaced only when you choose to replace it, so nothing was changed");
    }

    /** What keeps the parameters at boot is no longer what the shown change was made from. */
    public static UserMessage changedSinceShown(PersistState now) {
        return UserMessage.warning(TITLE_NOT_KEPT, "keep after reboot: what keeps the parameters at boot changed on the"
                + " NAS since the change was shown (now " + summary(now) + "); nothing was written: look at the change"
                + " from what is there now");
    }

    /** How keeping went, in one line: the step that failed and why, a read-back that disagrees, or what is kept now. */
    public static UserMessage explain(PersistOutcome o, SudoHint hint) {
        Optional<PersistOutcome.Step> failed = o.failure();
        if (failed.isPresent()) {
            PersistOutcome.Step s = failed.get();
            return UserMessage.error(TITLE_NOT_KEPT, "keep after reboot: " + Steps.failed(s.name(), s.status(), s.rc(),
                    s.message(), hint));
        }
        if (!o.achieved()) {
            return UserMessage.error(TITLE_NOT_KEPT, "keep after reboot: every step worked, but what was read back"
                    + " afterwards does not keep " + (o.keep().isEmpty() ? "nothing" : KeepList.word(o.keep())) + ": "
                    + describe(o.after()));
        }
        return UserMessage.info(TITLE_KEPT, o.keep().isEmpty() ? "keep after reboot: nothing sets the parameters at boot any more"
                : "keep after reboot: at every boot, after qat.service, ZFS's QAT offload is turned on for "
                + names(o.keep()));
    }

    /** Which offloads a reboot keeps on, in words. */
    public static String summary(PersistState p) {
        if (p instanceof PersistState.Kept k) {
            return k.enabled() ? "kept at boot: " + names(k.params()) : "a boot unit exists but is disabled";
        }
        if (p instanceof PersistState.Foreign f) {
            return "edited by hand: " + f.reason();
        }
        if (p instanceof PersistState.Unreadable u) {
            return "unknown: " + u.reason();
        }
        return "not kept: after a reboot ZFS decides (off if QAT was not up when zfs.ko loaded)";
    }

    private static String describe(PersistState s) {
        if (s instanceof PersistState.Foreign f) {
            return f.reason();
        }
        if (s instanceof PersistState.Unreadable u) {
            return u.reason();
        }
        return s.keptAtBoot().isEmpty() ? "it keeps nothing" : "it keeps " + KeepList.word(s.keptAtBoot());
    }

    private static String names(Set<ZfsParam> params) {
        return params.isEmpty() ? "none" : String.join(", ", params.stream().map(ZfsParam::shortName).toList());
    }
}
