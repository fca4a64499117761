package org.qatwb.app.gui.layout;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.qatwb.app.gui.Css;
import org.qatwb.app.viewmodel.DeviceTileModel;
import org.qatwb.app.viewmodel.LayoutEditorViewModel;
import org.qatwb.model.layout.Device;
import org.qatwb.model.layout.DeviceKey;

/**
 * The layout's PFs, each with the VFs it hosts, as tiles bound to the editor's keyed tile models.
 * The groups are laid out again only when the list of tiles changes (devices came or went with a
 * new snapshot); an edit changes the tiles' models and each tile redraws itself in place.
 */
final class DeviceGrid extends VBox {

    private final LayoutEditorViewModel vm;
    /** The tile drawn for each model, reused when the groups are laid out again. */
    private final Map<DeviceTileModel, DeviceTile> drawn = new IdentityHashMap<>();

    DeviceGrid(LayoutEditorViewModel vm) {
        super(12);
        this.vm = vm;
        setId("layout-grid");
        vm.tiles().addListener((ListChangeListener<DeviceTileModel>) c -> layoutGroups());
        layoutGroups();
    }

    /** The tile node of a device, while it is drawn. */
    java.util.Optional<DeviceTile> tile(DeviceKey key) {
        return vm.tile(key).map(drawn::get);
    }

    private void layoutGroups() {
        List<DeviceTileModel> models = vm.tiles();
        Set<DeviceTileModel> live = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        live.addAll(models);
        drawn.keySet().retainAll(live);
        List<VBox> groups = new ArrayList<>();
        List<DeviceTile> orphans = new ArrayList<>();
        for (DeviceTileModel m : models) {
            Device d = m.deviceProperty().get();
            if (!d.vf()) {
                FlowPane vfs = new FlowPane(6, 6);
                for (DeviceTileModel vf : models) {
                    if (vf.deviceProperty().get().info().pf().filter(d.key()::equals).isPresent()) {
                        vfs.getChildren().add(tile(vf));
                    }
                }
                groups.add(new VBox(6, head(d, tile(m)), vfs));
            } else if (d.info().pf().isEmpty()) {
                orphans.add(tile(m));
            }
        }
        if (!orphans.isEmpty()) {
            FlowPane vfs = new FlowPane(6, 6);
            vfs.getChildren().addAll(orphans);
            groups.add(new VBox(6, new Label("VFs of no listed PF"), vfs));
        }
        getChildren().setAll(groups);
    }

    private HBox head(Device pf, DeviceTile tile) {
        Label title = new Label(pf.key().id() + pf.info().bsf().map(b -> "  ·  " + b).orElse("")
                + (pf.info().node().isPresent() ? "  ·  NUMA " + pf.info().node().getAsInt() : ""));
        title.getStyleClass().add(Css.CARD_TITLE);
        Button all = new Button("select its VFs");
        all.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        all.setOnAction(e -> vm.select(vm.layoutProperty().get().vfsOf(pf.key()).stream().map(Device::key).toList()));
        HBox head = new HBox(8, tile, new VBox(2, title, all));
        head.setAlignment(Pos.CENTER_LEFT);
        return head;
    }

    private DeviceTile tile(DeviceTileModel m) {
        return drawn.computeIfAbsent(m, this::newTile);
    }

    private DeviceTile newTile(DeviceTileModel m) {
        DeviceTile t = new DeviceTile(m);
        if (m.key().vf()) {
            // the address as the latest snapshot has it: the tile outlives snapshots
            CoreStrip.vfDragSource(t, () -> m.deviceProperty().get().info().bsf());
        }
        t.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            boolean add = e.isShortcutDown() || e.isShiftDown();
            Set<DeviceKey> next = new LinkedHashSet<>(add ? vm.selection() : Set.of());
            if (!next.remove(m.key()) || !add) {
                next.add(m.key());
            }
            vm.select(next);
        });
        return t;
    }
}
