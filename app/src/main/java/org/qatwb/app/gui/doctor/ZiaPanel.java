package org.qatwb.app.gui.doctor;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.qatwb.app.gui.Css;
import org.qatwb.app.viewmodel.ZiaViewModel;
import org.qatwb.app.workbench.Tone;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsPool;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaDecision;
import org.qatwb.model.zia.ZiaDrift;
import org.qatwb.model.zia.ZiaKeepPlan;
import org.qatwb.model.zia.ZiaProperty;
import org.qatwb.model.zia.plan.ZiaUseCase;

/**
 * The Z.I.A. pool properties (DOMAIN.md section 10), shown only when a pool knows them: per pool
 * the provider and a switch per offload, whether the dpusm module is loaded (zia_available cannot
 * say), the settings qatwb keeps and whether the pool shows them live, with Keep (its diff shown
 * first: {@link ZiaKeepDialog}) and Re-apply. On a
 * pool with encryption or dedup in use the panel says before any click that offloads are refused
 * (ZiaUseCase, as the CLI decides): the switches can only turn offloads off. A change that brings
 * more along (checksums on with a reconstruction, nothing offloaded without a provider) says so
 * first. The controls show what the NAS says: after every change, or failure, they are built again
 * from the snapshot read afterwards.
 */
final class ZiaPanel extends VBox {

    private final ZiaViewModel vm;
    private final Window owner;

    ZiaPanel(ZiaViewModel vm, Window owner) {
        super(8);
        this.vm = vm;
        this.owner = owner;
        setId("zia-panel");
        setPadding(new Insets(10, 0, 0, 0));
        vm.keepPendingProperty().addListener((o, a, preview) -> {
            if (preview != null) {
                ZiaKeepDialog.show(owner, vm, preview);
            }
        });
    }

    /** Builds the panel for {@code s}; false (and empty) when no pool knows Z.I.A. */
    boolean show(NasSnapshot s) {
        getChildren().clear();
        List<ZfsPool> pools = s == null ? List.of() : s.pools().values().stream().filter(p -> !p.zia().isEmpty()).toList();
        if (pools.isEmpty()) {
            return false;
        }
        Label title = new Label("Z.I.A. pool properties");
        title.setStyle("-fx-font-weight: bold");
        Label about = new Label("The hpc/zfs fork offloads through a dpusm provider (ZFS Interface for Accelerators)."
                + " A change is made at once with zpool set, and the fork loses it at every export/import, reboot and"
                + " module reload: Keep stores the pool's settings on the NAS, set again at boot and after each import.");
        about.setWrapText(true);
        about.getStyleClass().addAll(Css.MUTED, Styles.TEXT_SMALL);
        Label dpusm = new Label(s.zia().dpusm().map(on -> on ? "dpusm loaded" : "dpusm not loaded").orElse("dpusm unknown"));
        dpusm.setId("zia-dpusm");
        dpusm.getStyleClass().add(Css.STATE_CHIP);
        Css.tone(dpusm, s.zia().dpusm().map(on -> on ? Tone.GOOD : Tone.BAD).orElse(Tone.NEUTRAL));
        Tooltip.install(dpusm, new Tooltip("/sys/module/dpusm: without the module no provider can be named"
                + " (and zfs.ko finds dpusm only when it loads)"));
        getChildren().addAll(title, about, dpusm);
        for (ZfsPool p : pools) {
            getChildren().add(pool(p));
        }
        return true;
    }

    private VBox pool(ZfsPool p) {
        Map<String, String> zia = p.zia();
        boolean changeable = ZiaChange.poolNameOk(p.name());
        Label name = new Label(p.name());
        name.setStyle("-fx-font-weight: bold");
        String available = zia.getOrDefault(ZiaProperty.AVAILABLE, "?");
        Label availableChip = new Label(available.equals("yes") ? "built with Z.I.A." : "zia_available " + available);
        availableChip.getStyleClass().add(Css.STATE_CHIP);
        Css.tone(availableChip, available.equals("yes") ? Tone.NEUTRAL : Tone.BAD);
        Tooltip.install(availableChip, new Tooltip("zia_available says only how zpool was built, never whether dpusm"
                + " is loaded"));
        Optional<String> refusal = vm.refusal(p.name());

        String provider = ZiaUseCase.live(p).get(ZiaProperty.PROVIDER);
        TextField providerField = new TextField(provider);
        providerField.setId("zia-provider-" + p.name());
        providerField.setPrefColumnCount(18);
        providerField.setPromptText("e.g. zia_software_provider; off unsets");
        Button setProvider = new Button("Set provider");
        setProvider.setId("zia-set-provider-" + p.name());
        setProvider.getStyleClass().add(Styles.SMALL);
        Label problem = new Label();
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        Runnable check = () -> {
            String v = providerField.getText().strip();
            Optional<String> why = changeable ? ZiaChange.problem(p.name(), ZiaProperty.PROVIDER, v) : Optional.empty();
            if (why.isEmpty() && changeable && !v.equals(provider)
                    && vm.decide(new ZiaChange(p.name(), ZiaProperty.PROVIDER, v)) instanceof ZiaDecision.Refused r) {
                why = Optional.of(r.reason().equals(refusal.orElse("")) ? "refused: encryption or dedup in use (below)"
                        : r.reason());
            }
            problem.setText(why.orElse(""));
            setProvider.setDisable(!changeable || why.isPresent() || v.equals(provider));
        };
        providerField.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        Runnable submit = () -> {
            if (!setProvider.isDisable()) {
                change(new ZiaChange(p.name(), ZiaProperty.PROVIDER, providerField.getText().strip()), () -> { });
            }
        };
        setProvider.setOnAction(e -> submit.run());
        providerField.setOnAction(e -> submit.run());
        providerField.setDisable(!changeable);
        HBox header = new HBox(10, name, availableChip, new Label("provider"), providerField, setProvider, problem);
        header.setAlignment(Pos.CENTER_LEFT);

        GridPane switches = new GridPane();
        switches.setHgap(18);
        switches.setVgap(6);
        // a row per kind: data, parity, reconstruction, writes (the provider, the first kind, has its field above)
        int[] column = new int[ZiaProperty.Kind.values().length];
        for (ZiaProperty o : ZiaProperty.switches()) {
            String value = zia.get(o.wire());
            if (value == null) {
                continue; // an older fork without this offload
            }
            ToggleSwitch toggle = new ToggleSwitch();
            toggle.setId("zia-" + p.name() + "-" + o.wire());
            Label label = new Label(o.label());
            label.setLabelFor(toggle);
            toggle.setSelected(value.equals("on"));
            // on a pool with encryption or dedup in use an offload can only be turned off
            toggle.setDisable(!changeable || (refusal.isPresent() && !value.equals("on")));
            Tooltip.install(toggle, new Tooltip(o.wire() + " is " + value));
            toggle.selectedProperty().addListener((obs, was, now) -> {
                if (now != value.equals("on")) {
                    change(ZiaChange.turn(p.name(), o, now), () -> toggle.setSelected(value.equals("on")));
                }
            });
            HBox cell = new HBox(6, toggle, label);
            cell.setAlignment(Pos.CENTER_LEFT);
            int row = o.kind().ordinal() - 1;
            switches.add(cell, column[row]++, row);
        }
        VBox box = new VBox(6, header);
        refusal.ifPresent(r -> {
            Label refused = new Label(r);
            refused.setId("zia-refused-" + p.name());
            refused.setWrapText(true);
            refused.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
            box.getChildren().add(refused);
        });
        box.getChildren().addAll(switches, kept(p));
        box.disableProperty().bind(vm.busyProperty());
        if (!changeable) {
            Label by = new Label("qatwb names only pools of letters, digits and _.:- to zpool; change this one by hand"
                    + " (zpool set zia_compress=on '" + p.name() + "').");
            by.getStyleClass().addAll(Css.MUTED, Styles.TEXT_SMALL);
            box.getChildren().add(by);
        }
        box.getStyleClass().add("zia-pool");
        return box;
    }

    /** What qatwb keeps for the pool against what it shows live, with Keep and Re-apply. */
    private HBox kept(ZfsPool p) {
        Map<ZiaProperty, String> kept = vm.keptOf(p.name());
        List<ZiaDrift> drift = vm.drift(p.name());
        Label state = new Label();
        state.setId("zia-kept-" + p.name());
        state.setWrapText(true);
        if (kept.isEmpty()) {
            state.setText("Nothing kept: the next export/import or reboot turns every Z.I.A. setting of this pool off.");
            state.getStyleClass().addAll(Css.MUTED, Styles.TEXT_SMALL);
        } else if (drift.isEmpty()) {
            state.setText("Kept settings are live" + (vm.hooked() ? "; set again at boot and after each import."
                    : ", but the re-apply hooks are not all in place: Keep installs them."));
            state.getStyleClass().addAll(vm.hooked() ? Styles.SUCCESS : Styles.WARNING, Styles.TEXT_SMALL);
        } else {
            state.setText("Live differs from kept: " + String.join("; ", drift.stream()
                    .map(d -> d.property().wire() + " is " + d.live() + ", kept " + d.kept()).toList()));
            state.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        }
        Button keep = new Button("Keep these settings");
        keep.setId("zia-keep-" + p.name());
        keep.getStyleClass().add(Styles.SMALL);
        Optional<ZiaKeepPlan> plan = vm.keepPlan(p.name());
        keep.setDisable(plan.isEmpty() || plan.get().refusal().isPresent() || (!kept.isEmpty() && drift.isEmpty()
                && vm.hooked() && plan.get().after().of(p.name()).equals(kept)));
        plan.flatMap(ZiaKeepPlan::refusal).ifPresent(r -> Tooltip.install(keep, new Tooltip(r)));
        // nothing is written on the click: the keep waits for the user's yes to its diff (ZiaKeepDialog)
        keep.setOnAction(e -> vm.offerKeep(p.name()));
        Button reapply = new Button("Re-apply kept");
        reapply.setId("zia-reapply-" + p.name());
        reapply.getStyleClass().add(Styles.SMALL);
        reapply.setDisable(drift.isEmpty());
        reapply.setOnAction(e -> vm.reapply(p.name()));
        HBox row = new HBox(10, state, keep, reapply);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Makes {@code c} after the user has seen what it brings along, if anything; else {@code undo}. */
    private void change(ZiaChange c, Runnable undo) {
        if (vm.decide(c) instanceof ZiaDecision.Refused) {
            undo.run();
            return;
        }
        List<String> more = vm.consequences(c);
        if (!more.isEmpty() && !confirmed(c, more)) {
            undo.run();
            return;
        }
        vm.change(c);
    }

    private boolean confirmed(ZiaChange c, List<String> more) {
        ButtonType set = new ButtonType("Set", ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", set, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("Z.I.A. on pool " + c.pool());
        a.setHeaderText(c.command());
        Label text = new Label("· " + String.join("\n· ", more));
        text.setWrapText(true);
        text.setId("zia-consequences");
        a.getDialogPane().setContent(text);
        a.getDialogPane().setPrefWidth(560);
        return a.showAndWait().filter(b -> b == set).isPresent();
    }
}
