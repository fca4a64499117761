package org.qatwb.app.gui.dashboard;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.qatwb.app.gui.Css;
import org.qatwb.app.gui.Glyphs;
import org.qatwb.app.gui.common.KeepAfterRebootDialog;
import org.qatwb.app.usecase.KeepAfterReboot;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.app.viewmodel.OffloadViewModel;
import org.qatwb.app.viewmodel.ParamState;
import org.qatwb.app.viewmodel.ParamSwitchViewModel;
import org.qatwb.app.workbench.EmptyStates;
import org.qatwb.app.workbench.Tone;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsParam;

/** The three ZFS offload switches, each showing the parameter's real state on the NAS. */
final class OffloadCard extends VBox {

    OffloadCard(NasViewModel nas, javafx.stage.Window owner) {
        setId("offload-card");
        Label title = new Label("ZFS offload to QAT");
        title.getStyleClass().add(Css.CARD_TITLE);
        Label hint = new Label("zfs_qat_*_disable on the NAS: a switch writes the parameter at once.");
        hint.getStyleClass().addAll(Css.MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        getChildren().addAll(title, hint);
        for (ZfsParam p : ZfsParam.values()) {
            getChildren().add(row(nas.offload().paramSwitch(p)));
        }
        getChildren().add(others(nas));
        getChildren().add(why(nas));
        getChildren().add(keepRow(nas, owner));
        setSpacing(4);
    }

    /** Whether a reboot keeps these settings, and the button that makes it (after showing the diff). */
    private static HBox keepRow(NasViewModel nas, javafx.stage.Window owner) {
        Label name = new Label("Keep after reboot");
        name.setStyle("-fx-font-weight: bold");
        Label state = new Label();
        state.getStyleClass().addAll(Css.MUTED, Styles.TEXT_SMALL);
        state.setWrapText(true);
        state.setId("keep-state");
        javafx.scene.control.Button keep = new javafx.scene.control.Button("Keep…");
        keep.setId("keep-button");
        keep.setMinWidth(Region.USE_PREF_SIZE);
        keep.setOnAction(e -> nas.offload().keepPlan()
                .flatMap(plan -> KeepAfterRebootDialog.confirm(owner, plan))
                .ifPresent(c -> nas.offload().keep(c.plan(), c.replaceEdited())));
        // a disabled button shows no tooltip: the reason goes on its holder, and in the state line
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(keep);
        holder.setId("keep-holder");
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(380);
        Tooltip.install(holder, tip);
        Runnable show = () -> {
            NasSnapshot s = nas.snapshotProperty().get();
            Optional<String> nothing = s == null ? Optional.of("Not read yet") : EmptyStates.nothingToKeep(s);
            state.setText(s == null ? "" : nothing.orElse(KeepAfterReboot.summary(s.persistence())));
            keep.setDisable(nothing.isPresent());
            tip.setText(nothing.orElse("Write the switches' current state at every boot, after qat.service (shows the change first)"));
        };
        nas.snapshotProperty().addListener((o, a, s) -> show.run());
        show.run();
        VBox text = new VBox(2, name, state);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, text, holder);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add(Css.PARAM_ROW);
        return row;
    }

    /**
     * The {@code zfs_qat_*} parameters qatwb does not know (a ZFS fork's), {@code name = value} as the
     * NAS has them, read-only; hidden when there are none.
     */
    private static VBox others(NasViewModel nas) {
        Label title = new Label("Other zfs_qat_* parameters: not known to qatwb, shown as the NAS has them (read-only)");
        title.getStyleClass().addAll(Css.MUTED, Styles.TEXT_SMALL);
        title.setWrapText(true);
        VBox list = new VBox(2);
        Label note = new Label();
        note.getStyleClass().addAll(Css.MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        VBox box = new VBox(2, title, list, note);
        box.setId("other-params");
        Runnable show = () -> {
            list.getChildren().clear();
            for (OffloadViewModel.OtherParam p : nas.offload().otherParamsProperty().get()) {
                Label l = new Label(p.name() + " = " + p.value());
                l.setId("other-param-" + p.name());
                l.setWrapText(true);
                list.getChildren().add(l);
            }
            String n = nas.offload().otherParamsNoteProperty().get();
            note.setText(n);
            note.setVisible(!n.isEmpty());
            note.setManaged(!n.isEmpty());
            boolean any = !list.getChildren().isEmpty() || !n.isEmpty();
            box.setVisible(any);
            box.setManaged(any);
        };
        nas.offload().otherParamsProperty().addListener((o, a, b) -> show.run());
        nas.offload().otherParamsNoteProperty().addListener((o, a, b) -> show.run());
        show.run();
        return box;
    }

    /** Why the switches cannot act (no ZFS, or ZFS without QAT) and what to do; hidden while they can. */
    private static Label why(NasViewModel nas) {
        Label why = new Label();
        why.setId("offload-why");
        why.setWrapText(true);
        why.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        Runnable show = () -> {
            NasSnapshot s = nas.snapshotProperty().get();
            Optional<String> reason = s == null ? Optional.empty() : EmptyStates.noZfsQat(s);
            why.setText(reason.map(r -> "The switches cannot act: " + r + ".").orElse(""));
            why.setVisible(reason.isPresent());
            why.setManaged(reason.isPresent());
        };
        nas.snapshotProperty().addListener((o, a, s) -> show.run());
        show.run();
        return why;
    }

    private static HBox row(ParamSwitchViewModel sw) {
        Label name = new Label(sw.label());
        name.setStyle("-fx-font-weight: bold");
        Label scope = new Label(sw.scope());
        scope.getStyleClass().addAll(Css.MUTED, Styles.TEXT_SMALL);
        HBox nameLine = new HBox(6, name);
        nameLine.setAlignment(Pos.CENTER_LEFT);
        sw.warning().ifPresent(w -> {
            FontIcon warn = Glyphs.icon(Glyphs.WARNING);
            warn.getStyleClass().add(Styles.WARNING);
            Label l = new Label(null, warn);
            Tooltip t = new Tooltip(w);
            t.setWrapText(true);
            t.setMaxWidth(380);
            l.setTooltip(t);
            l.setId("warning-" + sw.param().shortName());
            nameLine.getChildren().add(l);
        });
        VBox text = new VBox(2, nameLine, scope);

        Label state = new Label();
        state.getStyleClass().add(Css.STATE_CHIP);
        state.setMinWidth(Region.USE_PREF_SIZE); // the chip keeps its word ("absent", not "ab..."); the scope line gives way
        state.setId("state-" + sw.param().shortName());

        ToggleSwitch toggle = new ToggleSwitch();
        toggle.setId("switch-" + sw.param().shortName());
        // the switch shows what the NAS says: a click asks for the change, the state follows the answer
        Runnable show = () -> {
            ParamState s = sw.getState();
            state.setText(switch (s) {
                case ON -> "on";
                case OFF -> "off";
                case ABSENT -> "absent";
                case UNKNOWN -> "unknown";
            });
            Css.tone(state, switch (s) {
                case ON -> Tone.GOOD;
                case OFF -> Tone.WARN;
                case ABSENT -> Tone.BAD;
                case UNKNOWN -> Tone.NEUTRAL;
            });
            if (!sw.pendingProperty().get()) {
                toggle.setSelected(s == ParamState.ON);   // while pending, the switch shows what was asked
            }
            toggle.setDisable(s == ParamState.ABSENT || s == ParamState.UNKNOWN || sw.pendingProperty().get());
            Tooltip.install(toggle, new Tooltip(switch (s) {
                case ON -> "zfs_qat_" + sw.param().shortName() + "_disable is 0: click to stop offloading "
                        + sw.label().toLowerCase(Locale.ROOT);
                case OFF -> "zfs_qat_" + sw.param().shortName() + "_disable is 1: click to offload";
                case ABSENT -> "no zfs_qat_" + sw.param().shortName() + "_disable on the NAS: the line below says why";
                case UNKNOWN -> "not readable";
            }));
        };
        sw.stateProperty().addListener((o, a, b) -> show.run());
        sw.pendingProperty().addListener((o, a, b) -> show.run());
        toggle.selectedProperty().addListener((o, was, now) -> {
            boolean nasOn = sw.getState() == ParamState.ON;
            if (now != nasOn) {
                sw.request(now);
            }
        });
        show.run();

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox row = new HBox(text, grow, state, toggle);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add(Css.PARAM_ROW);
        return row;
    }
}
