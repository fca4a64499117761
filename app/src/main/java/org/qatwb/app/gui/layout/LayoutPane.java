package org.qatwb.app.gui.layout;

import atlantafx.base.theme.Styles;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.qatwb.app.gui.Css;
import org.qatwb.app.gui.Glyphs;
import org.qatwb.app.viewmodel.IrqViewModel;
import org.qatwb.app.viewmodel.VfCoreViewModel;
import org.qatwb.app.viewmodel.LayoutEditorViewModel;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.layout.Compilation;
import org.qatwb.model.layout.Device;
import org.qatwb.model.layout.DeviceKey;
import org.qatwb.model.layout.Instance;
import org.qatwb.model.layout.InstanceRef;
import org.qatwb.model.layout.InstanceSection;
import org.qatwb.model.layout.Layout;
import org.qatwb.model.layout.LayoutFinding;
import org.qatwb.model.layout.Preset;
import org.qatwb.model.layout.Role;

/**
 * The layout editor: PFs and their VFs as a grid, the selected devices' role, services and
 * instances, the cores by NUMA node (drop an instance on a core), the live findings, and apply.
 */
public final class LayoutPane extends BorderPane {


    private final LayoutEditorViewModel vm;
    private final NasViewModel nas;
    private final Window owner;
    private final VBox grid = new VBox(12);
    private final VBox detail = new VBox(8);
    private final CoreStrip cores;
    private final ListView<LayoutFinding> findings = new ListView<>();
    private final Label cap = new Label();
    private final Button apply = new Button("Review and apply…", Glyphs.icon(Glyphs.APPLY));

    public LayoutPane(NasViewModel nas, LayoutEditorViewModel vm, Window owner) {
        this.vm = vm;
        this.nas = nas;
        this.owner = owner;
        setId("layout-editor");
        cores = new CoreStrip((id, core) -> instanceById(id).ifPresent(ref -> vm.setAffinity(ref, core)));
        cores.setId("core-strip");
        IrqViewModel irq = new IrqViewModel(nas);
        Label vfCoreReport = IrqPinning.attach(cores, irq, new VfCoreViewModel(irq, vm), owner);
        setTop(toolbar());

        grid.setPadding(new Insets(10));
        ScrollPane gridScroll = new ScrollPane(grid);
        gridScroll.setFitToWidth(true);
        detail.setPadding(new Insets(10));
        detail.setMinWidth(300);
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        SplitPane top = new SplitPane(gridScroll, detailScroll);
        top.setDividerPositions(0.64);

        findings.setId("layout-findings");
        findings.setPlaceholder(new Label("No findings: the driver and ZFS will accept this layout."));
        findings.setCellFactory(v -> new FindingCell());
        findings.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> {
            if (f != null) {
                vm.select(f.element());
            }
        });
        ScrollPane coreScroll = new ScrollPane(cores);
        coreScroll.setFitToWidth(true);
        VBox.setVgrow(coreScroll, javafx.scene.layout.Priority.ALWAYS);
        SplitPane bottom = new SplitPane(new VBox(coreScroll, vfCoreReport), findings);
        bottom.setDividerPositions(0.55);
        SplitPane all = new SplitPane(top, bottom);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.58);
        setCenter(all);
        // one line when an edit did more than asked (a VF's interrupt-mode instances moved together)
        Label note = new Label();
        note.setId("layout-note");
        note.setWrapText(true);
        note.setPadding(new Insets(4, 10, 4, 10));
        note.getStyleClass().add(Css.MUTED);
        note.textProperty().bind(vm.editNoteProperty());
        note.visibleProperty().bind(vm.editNoteProperty().isNotNull());
        note.managedProperty().bind(note.visibleProperty());
        setBottom(note);

        vm.layoutProperty().addListener((o, a, l) -> refresh());
        vm.selection().addListener((SetChangeListener<DeviceKey>) c -> refresh());
        vm.selectedInstanceProperty().addListener((o, a, b) -> refresh());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN).match(e)) {
                vm.undo();
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN).match(e)
                    || new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN).match(e)) {
                vm.redo();
                e.consume();
            }
        });
        refresh();
    }

    private Node toolbar() {
        MenuButton presets = new MenuButton("Presets", Glyphs.icon(Glyphs.PRESET));
        presets.setId("layout-presets");
        for (Preset p : Preset.values()) {
            MenuItem item = new MenuItem(p.summary());
            item.setId("preset-" + p.id());
            item.setOnAction(e -> vm.applyPreset(p));
            presets.getItems().add(item);
        }
        Button undo = new Button(null, Glyphs.icon(Glyphs.UNDO));
        undo.setTooltip(new Tooltip("Undo (Ctrl+Z)"));
        undo.setId("layout-undo");
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        Button redo = new Button(null, Glyphs.icon(Glyphs.REDO));
        redo.setTooltip(new Tooltip("Redo (Ctrl+Y)"));
        redo.setId("layout-redo");
        redo.disableProperty().bind(vm.canRedoProperty().not());
        redo.setOnAction(e -> vm.redo());
        Button revert = new Button("Revert");
        revert.setTooltip(new Tooltip("Back to the layout on the NAS"));
        revert.disableProperty().bind(vm.changedProperty().not());
        revert.setOnAction(e -> vm.revert());
        cap.setId("layout-cap");
        apply.setId("layout-apply");
        apply.setMinWidth(Region.USE_PREF_SIZE);
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setOnAction(e -> ApplyDialog.show(owner, vm, nas));
        Button history = new Button("History…", Glyphs.icon(Glyphs.HISTORY));
        history.setId("layout-history");
        history.setTooltip(new Tooltip("The layouts applied on this NAS, with their backups; return to any of them"));
        history.setOnAction(e -> nas.loadHistory(h -> HistoryDialog.show(owner, nas, h)));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        return new ToolBar(presets, undo, redo, revert, history, grow, cap, apply);
    }

    private void refresh() {
        Layout l = vm.layoutProperty().get();
        Compilation c = vm.compilationProperty().get();
        if (l == null || c == null) {
            return;
        }
        int cy = vm.kernelInstances(InstanceKind.CY);
        int dc = vm.kernelInstances(InstanceKind.DC);
        cap.setText("ZFS instances Cy " + cy + "/" + LayoutEditorViewModel.ZFS_CAP + ", Dc " + dc + "/"
                + LayoutEditorViewModel.ZFS_CAP + "  ·  " + c.errors() + " error(s), "
                + (c.findings().size() - c.errors()) + " warning(s)");
        cap.setTooltip(new Tooltip("ZFS uses at most " + LayoutEditorViewModel.ZFS_CAP + " kernel-API instances of each kind"));
        Css.tone(cap, cy > LayoutEditorViewModel.ZFS_CAP || dc > LayoutEditorViewModel.ZFS_CAP || c.errors() > 0
                ? org.qatwb.app.workbench.Tone.BAD : org.qatwb.app.workbench.Tone.NEUTRAL);
        apply.setDisable(!c.applicable() || !vm.changedProperty().get());
        findings.getItems().setAll(c.findings());
        drawGrid(l);
        drawDetail(l);
        cores.show(l.cpu(), vm.instancesByCore());
    }

    private void drawGrid(Layout l) {
        grid.getChildren().clear();
        for (Device pf : l.devices()) {
            if (pf.vf()) {
                continue;
            }
            FlowPane vfs = new FlowPane(6, 6);
            for (Device vf : l.vfsOf(pf.key())) {
                vfs.getChildren().add(tile(vf));
            }
            Label title = new Label(pf.key().id() + pf.info().bsf().map(b -> "  ·  " + b).orElse("")
                    + (pf.info().node().isPresent() ? "  ·  NUMA " + pf.info().node().getAsInt() : ""));
            title.getStyleClass().add(Css.CARD_TITLE);
            Button all = new Button("select its VFs");
            all.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            all.setOnAction(e -> vm.select(l.vfsOf(pf.key()).stream().map(Device::key).toList()));
            HBox head = new HBox(8, tile(pf), new VBox(2, title, all));
            head.setAlignment(Pos.CENTER_LEFT);
            grid.getChildren().add(new VBox(6, head, vfs));
        }
        List<Device> orphans = l.devices().stream().filter(d -> d.vf() && d.info().pf().isEmpty()).toList();
        if (!orphans.isEmpty()) {
            FlowPane vfs = new FlowPane(6, 6);
            orphans.forEach(d -> vfs.getChildren().add(tile(d)));
            grid.getChildren().add(new VBox(6, new Label("VFs of no listed PF"), vfs));
        }
    }

    private Node tile(Device d) {
        DeviceTile t = new DeviceTile(d, vm.selection().contains(d.key()));
        if (d.vf()) {
            d.info().bsf().ifPresent(bsf -> CoreStrip.vfDragSource(t, bsf));
        }
        t.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            Set<DeviceKey> next = new LinkedHashSet<>(e.isShortcutDown() || e.isShiftDown() ? vm.selection() : Set.of());
            if (!next.remove(d.key()) || !(e.isShortcutDown() || e.isShiftDown())) {
                next.add(d.key());
            }
            vm.select(next);
        });
        return t;
    }

    private void drawDetail(Layout l) {
        detail.getChildren().clear();
        if (vm.selection().isEmpty()) {
            Label hint = new Label("Select a PF or VF (Ctrl-click for several) to set its role, services and instances;"
                    + " drag an instance onto a core to pin its interrupts there.");
            hint.setWrapText(true);
            hint.getStyleClass().add(Css.MUTED);
            detail.getChildren().add(hint);
            return;
        }
        List<Device> selected = vm.selection().stream().map(l::device).flatMap(java.util.Optional::stream).toList();
        Label title = new Label(selected.size() == 1 ? selected.get(0).key().id() + "  (" + selected.get(0).key().confPath() + ")"
                : selected.size() + " devices selected");
        title.getStyleClass().add(Css.CARD_TITLE);
        ChoiceBox<Role> role = new ChoiceBox<>();
        role.getItems().setAll(Role.ZFS, Role.USER, Role.UNUSED);
        role.setId("layout-role");
        Role common = selected.stream().map(Device::role).distinct().count() == 1 ? selected.get(0).role() : null;
        role.setValue(common);
        role.setOnAction(e -> {
            if (role.getValue() != null && role.getValue() != common) {
                vm.setRole(role.getValue());
            }
        });
        ChoiceBox<String> services = new ChoiceBox<>();
        // only names the catalog accepts for every selected device
        services.getItems().setAll(vm.servicesChoices());
        services.setId("layout-services");
        String commonServices = selected.stream().map(d -> String.valueOf(d.config().services())).distinct().count() == 1
                ? selected.get(0).config().services() : null;
        services.setValue(commonServices);
        services.setOnAction(e -> {
            if (services.getValue() != null && !services.getValue().equals(commonServices)) {
                vm.setServices(services.getValue());
            }
        });
        detail.getChildren().addAll(title, row("Role", role), row("ServicesEnabled", services));
        if (selected.size() == 1) {
            detail.getChildren().add(instances(selected.get(0)));
        }
    }

    private Node instances(Device d) {
        VBox box = new VBox(4);
        Label title = new Label("Instances (drag onto a core)");
        title.getStyleClass().add(Css.MUTED);
        box.getChildren().add(title);
        String capacity = vm.capacity(d.key());
        if (!capacity.isEmpty()) {
            // what the driver's allocator places on this device (model.driver), not a table of our own
            Label holds = new Label(capacity);
            holds.setId("layout-capacity");
            holds.setWrapText(true);
            holds.getStyleClass().add(Css.MUTED);
            box.getChildren().add(holds);
        }
        for (InstanceSection s : d.config().sections()) {
            for (InstanceKind k : InstanceKind.values()) {
                List<Instance> list = s.instances(k);
                for (int i = 0; i < list.size(); i++) {
                    InstanceRef ref = new InstanceRef(d.key(), s.name(), k, i);
                    Instance in = list.get(i);
                    Label l = new Label("[" + s.name() + "] " + k.name() + i + "  →  core "
                            + (in.core().isPresent() ? in.core().getAsInt() : "?")
                            + (in.polled().isPresent() && in.polled().getAsInt() != 0 ? "  (polled)" : "  (interrupt)"));
                    l.setId("instance-" + ref.toString().replaceAll("[^A-Za-z0-9]", "-"));
                    l.getStyleClass().add("instance-chip");
                    l.pseudoClassStateChanged(DeviceTile.SELECTED, ref.equals(vm.selectedInstanceProperty().get()));
                    CoreStrip.dragSource(l, ref.toString());
                    box.getChildren().add(l);
                }
            }
        }
        return box;
    }

    private java.util.Optional<InstanceRef> instanceById(String id) {
        Layout l = vm.layoutProperty().get();
        for (Device d : l.devices()) {
            for (InstanceSection s : d.config().sections()) {
                for (InstanceKind k : InstanceKind.values()) {
                    for (int i = 0; i < s.instances(k).size(); i++) {
                        InstanceRef ref = new InstanceRef(d.key(), s.name(), k, i);
                        if (ref.toString().equals(id)) {
                            return java.util.Optional.of(ref);
                        }
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static Node row(String label, Node control) {
        Label l = new Label(label);
        l.setMinWidth(120);
        HBox h = new HBox(8, l, control);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static final class FindingCell extends ListCell<LayoutFinding> {
        @Override
        protected void updateItem(LayoutFinding f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            var icon = Glyphs.icon(f.isError() ? Glyphs.ERROR : Glyphs.WARNING);
            icon.getStyleClass().add(f.isError() ? Styles.DANGER : Styles.WARNING);
            setGraphic(icon);
            setText(f.path() + ":" + f.finding().line() + "  " + f.finding().message() + "  [" + f.finding().rule().id() + "]");
            setWrapText(true);
            setPrefWidth(0);
        }
    }
}
