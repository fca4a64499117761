package org.qatwb.app.viewmodel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.qatwb.app.usecase.KeepAfterReboot;
import org.qatwb.app.usecase.SwitchOffload;
import org.qatwb.model.history.EventKind;
import org.qatwb.model.persist.PersistPlan;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.zfs.ZfsQatParams;

/**
 * The dashboard's offload card: the three switches (each a {@link ParamSwitchViewModel} with its
 * own pending state) and "Keep after reboot", through the use cases the CLI runs too
 * ({@link SwitchOffload}, {@link KeepAfterReboot}, whose words the notices are). Commands ask the NAS through its requests; what
 * came of the latest one is {@link #outcomeProperty()}, and what the user must hear is also a
 * notice of the tab. UI thread only.
 */
public final class OffloadViewModel {

    private final NasViewModel nas;
    private final Map<ZfsParam, ParamSwitchViewModel> switches = new EnumMap<>(ZfsParam.class);
    private final ReadOnlyBooleanWrapper keeping = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<OtherParam>> otherParams = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper otherParamsNote = new ReadOnlyStringWrapper("");

    /**
     * A {@code zfs_qat_*} parameter qatwb does not know (a fork's), as the NAS shows it: never hidden,
     * never switched, never given a meaning.
     *
     * @param name  the parameter's file name
     * @param value its first line, control characters escaped; {@code (not readable)} when it was not
     */
    public record OtherParam(String name, String value) {
    }

    OffloadViewModel(NasViewModel nas) {
        this.nas = nas;
        for (ZfsParam p : ZfsParam.values()) {
            switches.put(p, new ParamSwitchViewModel(p, this::set));
        }
        nas.snapshotOrderProperty().addListener((o, a, b) -> {
            NasSnapshot s = nas.snapshotProperty().get();
            if (s != null) {
                switches.values().forEach(sw -> sw.update(s));
                showOthers(s);
            }
        });
    }

    /** The parameters qatwb does not know, in the NAS's order; empty when there are none (or not read). */
    public ReadOnlyObjectProperty<List<OtherParam>> otherParamsProperty() {
        return otherParams.getReadOnlyProperty();
    }

    /** Why some {@code zfs_qat_*} parameters are not listed (more than the agent lists); else empty. */
    public ReadOnlyStringProperty otherParamsNoteProperty() {
        return otherParamsNote.getReadOnlyProperty();
    }

    private void showOthers(NasSnapshot s) {
        List<OtherParam> others = new ArrayList<>();
        int notListed = 0;
        if (s.qatParameters().isPresent()) {
            ZfsQatParams read = s.qatParameters().get();
            for (ZfsQatParams.QatParameter p : read.unknown()) {
                String v = p.value().map(Snippet::excerpt).orElse("(not readable)");
                others.add(new OtherParam(p.name(), p.cut() ? v + " (cut: the NAS's value is longer)" : v));
            }
            notListed = read.notListed();
        }
        otherParams.set(List.copyOf(others));
        otherParamsNote.set(notListed == 0 ? "" : notListed + " more zfs_qat_* entr" + (notListed == 1 ? "y is" : "ies are")
                + " not listed: over " + ZfsQatParams.MAX + ", or not a plain parameter name");
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

    /** Through {@link SwitchOffload}, the use case {@code qatwb params} runs: it sets, then reads the NAS. */
    private void set(ZfsParam p, boolean on) {
        ParamSwitchViewModel sw = switches.get(p);
        String what = sw.label() + " offload";
        // pending before asking: on the synchronous executor the answer comes before ask() returns
        sw.setPending(true);
        boolean asked = nas.ask((on ? "Turning on " : "Turning off ") + what.toLowerCase(Locale.ROOT),
                n -> new SwitchOffload(n.agent(), nas.sudoHint()).run(p, on), r -> Optional.of(r.snapshot()),
                (SwitchOffload.Result r) -> {
                    sw.setPending(false);
                    if (r.ok()) {
                        nas.charts().mark(EventKind.PARAM_CHANGE, what + (on ? " on" : " off"));
                        outcome.set(new Notice(Notice.Level.INFO, what + (on ? " on" : " off"), ""));
                    }
                    r.messages().forEach(m -> tell(Notice.of(m)));
                }, failure -> {
                    sw.setPending(false);
                    tell(new Notice(Notice.Level.ERROR, what + " not changed", failure));
                });
        if (!asked) {
            sw.setPending(false);
        }
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
        return KeepAfterReboot.replacesHandEdit(plan);
    }

    /**
     * Carries out a plan the user has seen, through {@link KeepAfterReboot} (the use case of
     * {@code qatwb params --keep-after-reboot}): the agent writes exactly the plan's text. A hand
     * edit is replaced only when {@code replaceEdited} says the user chose that; and nothing is
     * written when what keeps the parameters at boot is no longer what the plan was made from (an
     * edit since the diff was shown): the NAS is read again first.
     */
    public void keep(PersistPlan plan, boolean replaceEdited) {
        if (keeping.get() || !plan.changes()) {
            return;
        }
        if (replacesHandEdit(plan) && !replaceEdited) {
            tell(Notice.of(KeepAfterReboot.handEditKept(plan)));   // nothing to ask the NAS
            return;
        }
        keeping.set(true);
        boolean asked = nas.ask("Keeping the offload settings after reboot",
                n -> new KeepAfterReboot(n.agent(), nas.sudoHint()).carryOut(plan, replaceEdited),
                KeepAfterReboot.Result::snapshot, (KeepAfterReboot.Result r) -> {
                    keeping.set(false);
                    tell(Notice.of(r.message()));
                }, failure -> {
                    keeping.set(false);
                    tell(new Notice(Notice.Level.ERROR, "Not kept after reboot", failure));
                });
        if (!asked) {
            keeping.set(false);
        }
    }

    private void tell(Notice n) {
        outcome.set(n);
        nas.notify(n);
    }
}
