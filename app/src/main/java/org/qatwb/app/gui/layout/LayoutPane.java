package org.qatwb.app.gui.layout;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.qatwb.app.gui.Css;
import org.qatwb.app.gui.Glyphs;
import org.qatwb.app.viewmodel.EmptyLayout;
import org.qatwb.app.viewmodel.IrqViewModel;
import org.qatwb.app.viewmodel.VfCoreViewModel;
import org.qatwb.app.viewmodel.LayoutEditorViewModel;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.layout.Compilation;
import org.qatwb.model.layout.DeviceKey;
import org.qatwb.model.layout.Layout;
import org.qatwb.model.layout.LayoutFinding;
import org.qatwb.model.layout.Preset;

/**
 * The layout editor: PFs and their VFs as a grid, the selected devices' role, services and
 * instances, the cores by NUMA node (drop an instance on a core), the live findings, and apply.
 */
public final class LayoutPane extends BorderPane {

    private final LayoutEditorViewModel vm;
    private final NasViewModel nas;
    private final Window owner;
    private final DeviceGrid grid;
    private final DeviceForm detail;
    private final CoreStrip cores;
    private final ListView<LayoutFinding> findings = new ListView<>();
    private final Label cap = new Label();
    private final MenuButton presets = new MenuButton("Presets", Glyphs.icon(Glyphs.PRESET));
    private final Button apply = new Button("Review and apply…", Glyphs.icon(Glyphs.APPLY));
    private final Tooltip applyTip = new Tooltip();
    private final Node editor;
    private final EmptyLayoutPane empty = new EmptyLayoutPane();

    public LayoutPane(NasViewModel nas, LayoutEditorViewModel vm, Window owner) {
        this.vm = vm;
        this.nas = nas;
        this.owner = owner;
        setId("layout-editor");
        grid = new DeviceGrid(vm);
        detail = new DeviceForm(vm);
        cores = new CoreStrip((id, core) -> vm.instanceNamed(id).ifPresent(ref -> vm.setAffinity(ref, core)));
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
        editor = all;
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

        // the tiles and the core cells follow their own models; the pane redraws the rest
        vm.cellsCpuProperty().addListener((o, a, cpu) -> cores.show(cpu, vm.coreCells()));
        if (vm.cellsCpuProperty().get() != null) {
            cores.show(vm.cellsCpuProperty().get(), vm.coreCells());
        }
        vm.layoutProperty().addListener((o, a, l) -> refresh());
        vm.selectedDevicesProperty().addListener((o, a, b) -> detail.refresh());
        vm.selectedInstanceProperty().addListener((o, a, b) -> detail.refresh());
        vm.emptyProperty().addListener((o, a, b) -> showEmpty());
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
        showEmpty();
        refresh();
    }

    /** The grid of tiles, for tests that check which nodes an edit kept. */
    DeviceGrid grid() {
        return grid;
    }

    DeviceForm form() {
        return detail;
    }

    LayoutEditorViewModel viewModel() {
        return vm;
    }

    private Node toolbar() {
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
        cap.setTooltip(new Tooltip("ZFS uses at most " + LayoutEditorViewModel.ZFS_CAP + " kernel-API instances of each kind"));
        cap.setMinWidth(0);
        cap.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        apply.setId("layout-apply");
        apply.setMinWidth(Region.USE_PREF_SIZE);
        // the primary action, drawn as one: the theme's toolbar buttons are flat, app.css gives it back its accent
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setTooltip(applyTip);
        apply.setOnAction(e -> ApplyDialog.show(owner, vm, nas));
        Button history = new Button("History…", Glyphs.icon(Glyphs.HISTORY));
        history.setId("layout-history");
        history.setTooltip(new Tooltip("The layouts applied on this NAS, with their backups; return to any of them"));
        history.setOnAction(e -> HistoryDialog.show(owner, nas));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // the actions together on the left, apply last among them; the counts on two lines at the right,
        // narrow enough to stay in the bar (not its overflow menu) at 1024 px
        return new ToolBar(presets, undo, redo, revert, history, new Separator(Orientation.VERTICAL), apply, grow, cap);
    }

    private void showEmpty() {
        EmptyLayout why = vm.emptyProperty().get();
        presets.setDisable(why != null);
        presets.setTooltip(why == null ? null : new Tooltip("No presets: " + why.why()));
        empty.show(why);
        cap.setVisible(why == null);
        setCenter(why == null ? editor : empty);
        updateApply();
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
                + LayoutEditorViewModel.ZFS_CAP + "\n" + c.errors() + " error(s), "
                + (c.findings().size() - c.errors()) + " warning(s)");
        Css.tone(cap, cy > LayoutEditorViewModel.ZFS_CAP || dc > LayoutEditorViewModel.ZFS_CAP || c.errors() > 0
                ? org.qatwb.app.workbench.Tone.BAD : org.qatwb.app.workbench.Tone.NEUTRAL);
        updateApply();
        if (!findings.getItems().equals(c.findings())) {
            findings.getItems().setAll(c.findings());
        }
        detail.refresh();
    }

    /** Off with its reason: nothing to lay out, nothing changed, or errors the driver would refuse. */
    private void updateApply() {
        Compilation c = vm.compilationProperty().get();
        EmptyLayout why = vm.emptyProperty().get();
        String reason = why != null ? "Nothing to apply: " + why.why()
                : c == null ? "The layout has not been read yet"
                : !vm.changedProperty().get() ? "Nothing to apply: the layout is the NAS's (edit it first)"
                : !c.applicable() ? c.errors() + " error(s) in the findings: the driver would refuse this layout"
                : null;
        apply.setDisable(reason != null);
        applyTip.setText(reason == null ? "Review the changed files, then choose when they take effect" : reason);
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
