package org.qatwb.app.gui.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.qatwb.app.gui.Css;
import org.qatwb.app.viewmodel.LayoutEditorViewModel;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.layout.Device;
import org.qatwb.model.layout.DeviceKey;
import org.qatwb.model.layout.Instance;
import org.qatwb.model.layout.InstanceRef;
import org.qatwb.model.layout.InstanceSection;
import org.qatwb.model.layout.Layout;
import org.qatwb.model.layout.Role;

/**
 * The selected devices' role, services and (for one device) instances. Built again only when the
 * selection turns to other devices; after an edit of the same selection its controls take the new
 * values in place, so that a choice box the user just used stays the node it was.
 */
final class DeviceForm extends VBox {

    private final LayoutEditorViewModel vm;
    /** The selection the controls were built for; null before the first build. */
    private Set<DeviceKey> builtFor;
    private int builds;
    /** Set while the controls are given the layout's values, so that they do not edit it back. */
    private boolean updating;
    private ChoiceBox<Role> role;
    private ChoiceBox<String> services;
    private Label capacity;
    private VBox chips;
    /** The instance chips shown, by instance id, in the device's order. */
    private final Map<String, Label> chipById = new LinkedHashMap<>();

    DeviceForm(LayoutEditorViewModel vm) {
        super(8);
        this.vm = vm;
        setId("layout-form");
    }

    /** How many times the controls were built: once per selection of other devices. */
    int builds() {
        return builds;
    }

    /** Follows the editor's layout and selection: builds for a new selection, else updates. */
    void refresh() {
        Layout l = vm.layoutProperty().get();
        if (l == null) {
            return;
        }
        Set<DeviceKey> now = Set.copyOf(vm.selection());
        if (!now.equals(builtFor)) {
            build(now, l);
        }
        update(l);
    }

    private void build(Set<DeviceKey> selection, Layout l) {
        builtFor = selection;
        builds++;
        chipById.clear();
        role = null;
        services = null;
        capacity = null;
        chips = null;
        if (selection.isEmpty()) {
            Label hint = new Label("Select a PF or VF (Ctrl-click for several) to set its role, services and instances;"
                    + " drag an instance onto a core to pin its interrupts there.");
            hint.setWrapText(true);
            hint.getStyleClass().add(Css.MUTED);
            getChildren().setAll(hint);
            return;
        }
        List<Device> selected = selected(l);
        Label title = new Label(selected.size() == 1 ? selected.get(0).key().id() + "  (" + selected.get(0).key().confPath() + ")"
                : selected.size() + " devices selected");
        title.getStyleClass().add(Css.CARD_TITLE);
        role = new ChoiceBox<>();
        role.getItems().setAll(Role.ZFS, Role.USER, Role.UNUSED);
        role.setId("layout-role");
        role.valueProperty().addListener((o, a, r) -> {
            if (!updating && r != null) {
                vm.setRole(r);
            }
        });
        services = new ChoiceBox<>();
        // only names the catalog accepts for every selected device: a fact of the selection, not of the edit
        services.getItems().setAll(vm.servicesChoices());
        services.setId("layout-services");
        services.valueProperty().addListener((o, a, v) -> {
            if (!updating && v != null) {
                vm.setServices(v);
            }
        });
        getChildren().setAll(title, row("Role", role), row("ServicesEnabled", services));
        if (selected.size() == 1) {
            VBox box = new VBox(4);
            Label head = new Label("Instances (drag onto a core)");
            head.getStyleClass().add(Css.MUTED);
            // what the driver's allocator places on this device (model.driver), not a table of our own
            capacity = new Label();
            capacity.setId("layout-capacity");
            capacity.setWrapText(true);
            capacity.getStyleClass().add(Css.MUTED);
            capacity.managedProperty().bind(capacity.visibleProperty());
            chips = new VBox(4);
            box.getChildren().addAll(head, capacity, chips);
            getChildren().add(box);
        }
    }

    private void update(Layout l) {
        if (role == null) {
            return;
        }
        updating = true;
        try {
            List<Device> selected = selected(l);
            Role common = selected.stream().map(Device::role).distinct().count() == 1 ? selected.get(0).role() : null;
            role.setValue(common);
            String commonServices = selected.stream().map(d -> String.valueOf(d.config().services())).distinct().count() == 1
                    ? selected.get(0).config().services() : null;
            services.setValue(commonServices);
            if (chips != null && selected.size() == 1) {
                String cap = vm.capacity(selected.get(0).key());
                capacity.setText(cap);
                capacity.setVisible(!cap.isEmpty());
                updateChips(selected.get(0));
            }
        } finally {
            updating = false;
        }
    }

    /** The chips keep their nodes while the device keeps its instances; else they are made again. */
    private void updateChips(Device d) {
        Map<String, String> want = new LinkedHashMap<>();
        Map<String, InstanceRef> refs = new LinkedHashMap<>();
        for (InstanceSection s : d.config().sections()) {
            for (InstanceKind k : InstanceKind.values()) {
                List<Instance> list = s.instances(k);
                for (int i = 0; i < list.size(); i++) {
                    InstanceRef ref = new InstanceRef(d.key(), s.name(), k, i);
                    Instance in = list.get(i);
                    want.put(ref.format(), "[" + s.name() + "] " + k.name() + i + "  →  core "
                            + (in.core().isPresent() ? in.core().getAsInt() : "?")
                            + (in.polled().isPresent() && in.polled().getAsInt() != 0 ? "  (polled)" : "  (interrupt)"));
                    refs.put(ref.format(), ref);
                }
            }
        }
        if (!new ArrayList<>(want.keySet()).equals(new ArrayList<>(chipById.keySet()))) {
            chipById.clear();
            for (String id : want.keySet()) {
                Label chip = new Label();
                chip.setId("instance-" + id.replaceAll("[^A-Za-z0-9]", "-"));
                chip.getStyleClass().add("instance-chip");
                CoreStrip.dragSource(chip, id);
                chipById.put(id, chip);
            }
            chips.getChildren().setAll(chipById.values());
        }
        InstanceRef chosen = vm.selectedInstanceProperty().get();
        for (Map.Entry<String, Label> e : chipById.entrySet()) {
            e.getValue().setText(want.get(e.getKey()));
            e.getValue().pseudoClassStateChanged(DeviceTile.SELECTED, Objects.equals(refs.get(e.getKey()), chosen));
        }
    }

    private List<Device> selected(Layout l) {
        return vm.selection().stream().map(l::device).flatMap(Optional::stream).toList();
    }

    private static Node row(String label, Node control) {
        Label l = new Label(label);
        l.setMinWidth(120);
        HBox h = new HBox(8, l, control);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }
}
