package org.qatwb.model.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.qatwb.model.text.UnifiedDiff;
import org.qatwb.model.zfs.ZfsParam;

/**
 * What "keep after reboot" will change on a NAS, computed before anything is written, so that the
 * administrator approves exactly what the agent's {@code persist-params} then does.
 *
 * @param target    systemd unit or TrueNAS init script (that of {@code current})
 * @param current   what is there now
 * @param keep      the parameters to keep at 0 after every boot; empty removes ours
 * @param action    what happens to the unit or init script
 * @param newText   what will be there: the unit file's exact text, or the init script's fields
 *                  ({@link InitScript#display()}); "" when it is removed
 * @param initScript on TrueNAS when something is kept: the init script, whose {@link InitScript#json()}
 *                  is byte for byte the argument the agent passes to midclt
 * @param diff      unified diff from {@link #oldText()} to {@code newText}; "" when they are equal
 * @param steps     the commands the agent will run, in order, for a human to read
 * @param caution   one line when the change replaces something QAT Workbench did not write, or
 *                  when what is there could not be read
 */
public record PersistPlan(PersistTarget target, PersistState current, Set<ZfsParam> keep, Action action,
                          String newText, Optional<InitScript> initScript, String diff, List<String> steps,
                          Optional<String> caution) {

    /** What happens to the unit or init script. */
    public enum Action {
        /** It is already as wanted: nothing to do. */
        NONE,
        /** Ours is created. */
        CREATE,
        /** What is there is rewritten (or, unchanged but disabled, enabled again). */
        REPLACE,
        /** Ours (or what holds its place) is removed. */
        REMOVE
    }

    /** The name the diff gives a TrueNAS init script. */
    public static final String INIT_SCRIPT_NAME = "TrueNAS init script \"" + InitScript.COMMENT + "\"";

    public PersistPlan {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(newText, "newText");
        Objects.requireNonNull(initScript, "initScript");
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(caution, "caution");
        keep = KeepList.copy(keep);
        steps = List.copyOf(steps);
    }

    /** The plan that makes {@code current} keep exactly {@code keep} at 0 after every boot. */
    public static PersistPlan of(PersistState current, Set<ZfsParam> keep) {
        PersistTarget target = current.target();
        Action action = action(current, keep);
        boolean unit = target == PersistTarget.SYSTEMD_UNIT;
        Optional<InitScript> script = unit || keep.isEmpty() ? Optional.empty() : Optional.of(InitScript.forParams(keep));
        String newText = keep.isEmpty() ? "" : unit ? ZfsQatUnit.text(keep) : script.get().display();
        String name = unit ? ZfsQatUnit.PATH : INIT_SCRIPT_NAME;
        String diff = action == Action.NONE ? "" : UnifiedDiff.of(name, name, current.text(), newText);
        List<String> steps = action == Action.NONE ? List.of()
                : unit ? unitSteps(action) : initSteps(action, current, script);
        Optional<String> caution = Optional.empty();
        if (current instanceof PersistState.Foreign f && action != Action.NONE) {
            caution = Optional.of("replaces what is there: " + f.reason());
        } else if (current instanceof PersistState.Unreadable u) {
            caution = Optional.of("what is there now could not be read: " + u.reason());
        }
        return new PersistPlan(target, current, keep, action, newText, script, diff, steps, caution);
    }

    private static Action action(PersistState current, Set<ZfsParam> keep) {
        if (keep.isEmpty()) {
            return current instanceof PersistState.None ? Action.NONE : Action.REMOVE;
        }
        if (current instanceof PersistState.None) {
            return Action.CREATE;
        }
        if (current instanceof PersistState.Kept k && k.enabled() && k.params().equals(keep)) {
            return Action.NONE;
        }
        return Action.REPLACE;
    }

    private static List<String> unitSteps(Action action) {
        if (action == Action.REMOVE) {
            return List.of("systemctl disable " + ZfsQatUnit.NAME, "rm -f " + ZfsQatUnit.PATH, "systemctl daemon-reload");
        }
        return List.of("write " + ZfsQatUnit.PATH + " (a temporary file beside it, then mv)", "systemctl daemon-reload",
                "systemctl enable " + ZfsQatUnit.NAME);
    }

    private static List<String> initSteps(Action action, PersistState current, Optional<InitScript> script) {
        String call = "midclt call initshutdownscript.";
        List<Long> ids = current instanceof PersistState.Kept k ? k.ids()
                : current instanceof PersistState.Foreign f ? f.ids() : List.of();
        boolean known = !(current instanceof PersistState.Unreadable);
        List<String> steps = new ArrayList<>();
        if (action == Action.REMOVE) {
            if (!known) {
                steps.add(call + "delete ID (of each init script with the comment \"" + InitScript.COMMENT + "\")");
            }
            ids.forEach(id -> steps.add(call + "delete " + id));
            return steps;
        }
        String json = " '" + script.orElseThrow().json() + "'";
        if (ids.isEmpty()) {
            steps.add(call + "create" + json + (known ? "" : " (or update, if one with its comment exists)"));
        } else {
            steps.add(call + "update " + ids.get(0) + json);
            ids.subList(1, ids.size()).forEach(id -> steps.add(call + "delete " + id));
        }
        return steps;
    }

    /** What is there now, as the diff's old side. */
    public String oldText() {
        return current.text();
    }

    /** Whether the agent has anything to do. */
    public boolean changes() {
        return action != Action.NONE;
    }
}
