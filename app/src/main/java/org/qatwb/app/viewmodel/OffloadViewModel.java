package org.qatwb.app.viewmodel;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.history.EventKind;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.persist.PersistOutcome;
import org.qatwb.model.persist.PersistPlan;
import org.qatwb.model.persist.PersistState;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.ZfsParam;
import org.qatwb.ssh.agent.SetParamOutcome;

/**
 * The dashboard's offload card: the three switches (each a {@link ParamSwitchViewModel} with its
 * own pending state) and "Keep after reboot". Commands ask the NAS through its requests; what
 * came of the latest one is {@link #outcomeProperty()}, and what the user must hear is also a
 * notice of the tab. UI thread only.
 */
public final class OffloadViewModel {

    private final NasViewModel nas;
    private final Map<ZfsParam, ParamSwitchViewModel> switches = new EnumMap<>(ZfsParam.class);
    private final ReadOnlyBooleanWrapper keeping = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> outcome = new ReadOnlyObjectWrapper<>();

    OffloadViewModel(NasViewModel nas) {
        this.nas = nas;
        for (ZfsParam p : ZfsParam.values()) {
            switches.put(p, new ParamSwitchViewModel(p, this::set));
        }
        nas.snapshotOrderProperty().addListener((o, a, b) -> {
            NasSnapshot s = nas.snapshotProperty().get();
            if (s != null) {
                switches.values().forEach(sw -> sw.update(s));
            }
        });
    }

    public ParamSwitchViewModel paramSwitch(ZfsParam p) {
        return switches.get(p);
    }

    /** A keep-after-reboot is on its way to the NAS. */
    public ReadOnlyBooleanProperty keepingProperty() {
        return keeping.getReadOnlyProperty();
    }

    /** What came of the latest switch or keep: null before the first. */
    public ReadOnlyObjectProperty<Notice> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    private void set(ZfsParam p, boolean on) {
        ParamSwitchViewModel sw = switches.get(p);
        String what = sw.label() + " offload";
        // pending before asking: on the synchronous executor the answer comes before change() returns
        sw.setPending(true);
        boolean asked = nas.change((on ? "Turning on " : "Turning off ") + what.toLowerCase(Locale.ROOT),
                n -> n.setParam(p, on), (SetParamOutcome o) -> {
                    sw.setPending(false);
                    report(sw, on, o);
                }, failure -> {
                    sw.setPending(false);
                    tell(new Notice(Notice.Level.ERROR, what + " not changed", failure));
                });
        if (!asked) {
            sw.setPending(false);
        }
    }

    private void report(ParamSwitchViewModel sw, boolean on, SetParamOutcome o) {
        String what = sw.label() + " offload";
        if (o.status() == ItemStatus.OK) {
            nas.charts().mark(EventKind.PARAM_CHANGE, what + (on ? " on" : " off"));
            outcome.set(new Notice(Notice.Level.INFO, what + (on ? " on" : " off"), ""));
            return;
        }
        tell(switch (o.status()) {
            case EPERM -> new Notice(Notice.Level.ERROR, "QAT initialisation failed",
                    "ZFS could not start QAT for " + sw.label().toLowerCase(Locale.ROOT) + " (the kernel refused the"
                            + " write with EPERM). Check that qat.service is active, that all devices are up, and that"
                            + " the conf files have interrupt-mode [KERNEL_QAT] instances for this service.");
            case DENIED -> new Notice(Notice.Level.ERROR, what + " not changed",
                    "Not permitted: " + o.message() + (nas.target().simulated() ? "" : " (connect as root, or enable sudo for this connection)"));
            case ABSENT -> new Notice(Notice.Level.WARNING, what + " not changed", "this zfs.ko has no QAT parameters");
            default -> new Notice(Notice.Level.ERROR, what + " not changed", o.message().isEmpty() ? o.status().wire() : o.message());
        });
    }

    /**
     * What "Keep after reboot" would change to keep the offloads that are on now (all off: remove
     * what keeps them); empty before the first snapshot. The view shows its diff before
     * {@link #keep(PersistPlan, boolean)}.
     */
    public Optional<PersistPlan> keepPlan() {
        NasSnapshot s = nas.snapshotProperty().get();
        if (s == null) {
            return Optional.empty();
        }
        Set<ZfsParam> on = EnumSet.noneOf(ZfsParam.class);
        for (ZfsParam p : ZfsParam.values()) {
            if (switches.get(p).getState() == ParamState.ON) {
                on.add(p);
            }
        }
        return Optional.of(PersistPlan.of(s.persistence(), on));
    }

    /**
     * Whether carrying out {@code plan} replaces a unit or init script edited by hand (ours changed,
     * or several with our comment): the view then says so and asks, with Cancel as the default.
     */
    public static boolean replacesHandEdit(PersistPlan plan) {
        return plan.changes() && plan.current() instanceof PersistState.Foreign;
    }

    /**
     * Carries out a plan the user has seen: the agent writes exactly the plan's text. A hand edit is
     * replaced only when {@code replaceEdited} says the user chose that; and nothing is written when
     * what keeps the parameters at boot is no longer what the plan was made from (an edit since the
     * diff was shown): the NAS is read again first.
     */
    public void keep(PersistPlan plan, boolean replaceEdited) {
        if (keeping.get() || !plan.changes()) {
            return;
        }
        if (replacesHandEdit(plan) && !replaceEdited) {
            tell(new Notice(Notice.Level.WARNING, "Not kept after reboot", "What keeps the parameters at boot was edited"
                    + " by hand (" + Snippet.oneLine(((PersistState.Foreign) plan.current()).reason())
                    + "); it is replaced only when you choose to replace it."));
            return;
        }
        keeping.set(true);
        boolean asked = nas.change("Keeping the offload settings after reboot", n -> {
            if (!n.snapshot().persistence().equals(plan.current())) {
                return Optional.<PersistOutcome>empty();
            }
            return Optional.of(n.persistParams(plan.keep()));
        }, (Optional<PersistOutcome> o) -> {
            keeping.set(false);
            kept(plan, o);
        }, failure -> {
            keeping.set(false);
            tell(new Notice(Notice.Level.ERROR, "Not kept after reboot", failure));
        });
        if (!asked) {
            keeping.set(false);
        }
    }

    /** {@code o} is empty when nothing was written: the NAS no longer held what the plan was made from. */
    private void kept(PersistPlan plan, Optional<PersistOutcome> o) {
        if (o.isEmpty()) {
            tell(new Notice(Notice.Level.WARNING, "Not kept after reboot", "What keeps the parameters at boot"
                    + " changed on the NAS since the change was shown (now " + persistenceSummary(nas.snapshotProperty().get())
                    + "); nothing was written. Keep… shows the change from what is there now."));
        } else if (o.get().ok()) {
            tell(new Notice(Notice.Level.INFO, "Kept after reboot", plan.keep().isEmpty()
                    ? "Nothing sets the parameters at boot any more."
                    : "At every boot, after qat.service, ZFS's QAT offload is turned on for " + names(plan.keep()) + "."));
        } else {
            tell(new Notice(Notice.Level.ERROR, "Not kept after reboot", o.get().failure()
                    .map(st -> st.name() + ": " + Snippet.oneLine(st.message())).orElse("the NAS did not confirm the change")));
        }
    }

    /** Which offloads a reboot keeps on, in words, from a snapshot. */
    public static String persistenceSummary(NasSnapshot s) {
        PersistState p = s.persistence();
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

    private static String names(Set<ZfsParam> params) {
        return params.isEmpty() ? "none" : String.join(", ", params.stream().map(ZfsParam::shortName).toList());
    }

    private void tell(Notice n) {
        outcome.set(n);
        nas.notify(n);
    }
}
