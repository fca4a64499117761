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
import org.qatwb.app.viewmodel.DoctorViewModel;
import org.qatwb.app.workbench.Tone;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.ZfsPool;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaProperty;

/**
 * The Z.I.A. pool properties (DOMAIN.md section 10), shown only when a pool knows them: per pool
 * the provider and a switch per offload. A change that brings more along (encryption and dedup
 * off, checksums on with a reconstruction, nothing offloaded without a provider) says so first.
 * The controls show what the NAS says: after every change, or failure, they are built again from
 * the snapshot read afterwards.
 */
final class ZiaPanel extends VBox {

    private final DoctorViewModel vm;
    private final Window owner;

    ZiaPanel(DoctorViewModel vm, Window owner) {
        super(8);
        this.vm = vm;
        this.owner = owner;
        setId("zia-panel");
        setPadding(new Insets(10, 0, 0, 0));
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
                + " A change is made at once with zpool set and stays with the pool.");
        about.setWrapText(true);
        about.getStyleClass().addAll(Css.MUTED, Styles.TEXT_SMALL);
        getChildren().addAll(title, about);
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
        Label availableChip = new Label("available " + available);
        availableChip.getStyleClass().add(Css.STATE_CHIP);
        Css.tone(availableChip, available.equals("yes") ? Tone.GOOD : Tone.BAD);
        Tooltip.install(availableChip, new Tooltip(available.equals("yes") ? "the dpusm module is loaded"
                : "the dpusm module is not loaded: modprobe dpusm, and the provider's module"));

        String provider = zia.getOrDefault(ZiaProperty.PROVIDER.wire(), "off");
        TextField providerField = new TextField(provider);
        providerField.setId("zia-provider-" + p.name());
        providerField.setPrefColumnCount(18);
        providerField.setPromptText("e.g. zia-software-provider");
        Button setProvider = new Button("Set provider");
        setProvider.setId("zia-set-provider-" + p.name());
        setProvider.getStyleClass().add(Styles.SMALL);
        Label problem = new Label();
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        Runnable check = () -> {
            String v = providerField.getText().strip();
            Optional<String> why = changeable ? ZiaChange.problem(p.name(), ZiaProperty.PROVIDER, v) : Optional.empty();
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
            toggle.setDisable(!changeable);
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
        VBox box = new VBox(6, header, switches);
        box.disableProperty().bind(vm.ziaBusyProperty());
        if (!changeable) {
            Label by = new Label("qatwb names only pools of letters, digits and _.:- to zpool; change this one by hand"
                    + " (zpool set zia_compress=on '" + p.name() + "').");
            by.getStyleClass().addAll(Css.MUTED, Styles.TEXT_SMALL);
            box.getChildren().add(by);
        }
        box.getStyleClass().add("zia-pool");
        return box;
    }

    /** Makes {@code c} after the user has seen what it brings along, if anything; else {@code undo}. */
    private void change(ZiaChange c, Runnable undo) {
        List<String> more = vm.consequences(c);
        if (!more.isEmpty() && !confirmed(c, more)) {
            undo.run();
            return;
        }
        vm.changeZia(c);
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
