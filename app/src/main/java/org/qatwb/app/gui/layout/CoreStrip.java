package org.qatwb.app.gui.layout;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.qatwb.app.viewmodel.CoreCellModel;
import org.qatwb.model.cpu.CpuList;
import org.qatwb.model.cpu.CpuTopology;

/**
 * Every CPU core of the NAS, grouped by NUMA node, each showing how many instances interrupt
 * it and, live, how many QAT completion interrupts per second it really handles (a VF's IRQ goes
 * where its affinity says, not where CoreAffinity does). Instances are dropped onto a core to set
 * their {@code CoreAffinity}, VFs to pin their interrupt and set their interrupt-mode instances'
 * {@code CoreAffinity} ({@code VfCoreViewModel}); the strip only says what went where, the view
 * models decide what that means.
 */
public final class CoreStrip extends VBox {

    /** What a dragged instance carries: its id in the layout. */
    public static final DataFormat INSTANCE = new DataFormat("application/x-qatwb-instance");
    /** What a dragged VF carries: its PCI address (to pin its interrupt). */
    public static final DataFormat VF = new DataFormat("application/x-qatwb-vf");

    private static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");
    private static final PseudoClass CROWDED = PseudoClass.getPseudoClass("crowded");
    private static final PseudoClass TARGET = PseudoClass.getPseudoClass("drop-target");
    /** QAT completion interrupts arrive on this core. */
    private static final PseudoClass INTERRUPTED = PseudoClass.getPseudoClass("qat-interrupts");

    private final BiConsumer<String, Integer> dropped;
    /** The cells drawn, by core: kept while the NAS has the core, each updating itself from its model. */
    private final Map<Integer, Cell> cells = new java.util.LinkedHashMap<>();
    private Map<Integer, Double> rates = Map.of();
    private BiConsumer<String, Integer> vfDropped = (bsf, core) -> { };

    /**
     * @param dropped called with (instance id, core) when an instance is dropped on a core
     */
    public CoreStrip(BiConsumer<String, Integer> dropped) {
        this.dropped = dropped;
        getStyleClass().add("core-strip");
        setSpacing(6);
        setPadding(new Insets(6));
    }

    /**
     * Draws one cell per core of {@code cpu}, grouped by NUMA node, each bound to its model: called
     * when the NAS's cores change, not on an edit (the cells follow their models' instances).
     */
    public void show(CpuTopology cpu, List<CoreCellModel> models) {
        getChildren().clear();
        cells.clear();
        Map<Integer, CoreCellModel> byCore = new java.util.HashMap<>();
        models.forEach(m -> byCore.put(m.core(), m));
        if (cpu.nodes().isEmpty()) {
            FlowPane all = new FlowPane(3, 3);
            cpu.online().ifPresent(list -> list.stream().forEach(c -> add(all, byCore.get(c))));
            getChildren().add(node("CPU cores", all));
        } else {
            for (Map.Entry<Integer, CpuList> n : cpu.nodes().entrySet()) {
                FlowPane row = new FlowPane(3, 3);
                n.getValue().stream().forEach(c -> add(row, byCore.get(c)));
                getChildren().add(node("NUMA node " + n.getKey() + " (" + n.getValue() + ")", row));
            }
        }
    }

    private void add(FlowPane row, CoreCellModel model) {
        if (model != null && !cells.containsKey(model.core())) {
            Cell cell = new Cell(model);
            cells.put(model.core(), cell);
            row.getChildren().add(cell);
        }
    }

    /** Called with (VF address, core) when a VF is dropped on a core: pin its interrupt there, and its CoreAffinity. */
    public void onVfDropped(BiConsumer<String, Integer> action) {
        this.vfDropped = action;
    }

    /**
     * Shows QAT completion interrupts per second on each core (an empty map: none known), under
     * the core's number; kept across {@link #show}.
     */
    public void showRates(Map<Integer, Double> perCpu) {
        rates = Map.copyOf(perCpu);
        cells.values().forEach(Cell::draw);
    }

    /** 12/s, 3.4k/s, 1.2M/s. */
    static String perSecond(double r) {
        if (r >= 1e6) {
            return String.format(java.util.Locale.ROOT, "%.1fM/s", r / 1e6);
        }
        if (r >= 1e4) {
            return String.format(java.util.Locale.ROOT, "%.0fk/s", r / 1e3);
        }
        if (r >= 1e3) {
            return String.format(java.util.Locale.ROOT, "%.1fk/s", r / 1e3);
        }
        return String.format(java.util.Locale.ROOT, "%.0f/s", r);
    }

    private static VBox node(String title, FlowPane cores) {
        Label l = new Label(title);
        l.getStyleClass().add("muted");
        return new VBox(3, l, cores);
    }

    /** One core: its number, how many instances it takes, its live interrupt rate; a drop target. */
    private final class Cell extends Label {

        private final CoreCellModel model;

        Cell(CoreCellModel model) {
            this.model = model;
            int c = model.core();
            setId("core-" + c);
            getStyleClass().add("core");
            setAlignment(Pos.CENTER);
            setTooltip(new Tooltip());
            model.instancesProperty().addListener((o, a, b) -> draw());
            draw();
            setOnDragOver(e -> {
                if (e.getDragboard().hasContent(INSTANCE) || e.getDragboard().hasContent(VF)) {
                    e.acceptTransferModes(TransferMode.MOVE);
                    e.consume();
                }
            });
            setOnDragEntered(e -> pseudoClassStateChanged(TARGET, e.getDragboard().hasContent(INSTANCE)
                    || e.getDragboard().hasContent(VF)));
            setOnDragExited(e -> pseudoClassStateChanged(TARGET, false));
            setOnDragDropped(e -> {
                Dragboard db = e.getDragboard();
                boolean ok = db.hasContent(INSTANCE) || db.hasContent(VF);
                if (db.hasContent(INSTANCE)) {
                    dropped.accept((String) db.getContent(INSTANCE), c);
                } else if (db.hasContent(VF)) {
                    vfDropped.accept((String) db.getContent(VF), c);
                }
                e.setDropCompleted(ok);
                e.consume();
            });
        }

        void draw() {
            int c = model.core();
            List<String> here = model.instancesProperty().get();
            int n = here.size();
            double r = rates.getOrDefault(c, 0.0);
            boolean any = r >= 0.5;
            setText((n == 0 ? String.valueOf(c) : c + "·" + n) + (any ? "\n" + perSecond(r) : ""));
            pseudoClassStateChanged(BUSY, n == 1);
            pseudoClassStateChanged(CROWDED, n > 1);
            pseudoClassStateChanged(INTERRUPTED, any);
            getTooltip().setText((n == 0 ? "core " + c + ": no instance" : "core " + c + ": " + String.join(", ", here))
                    + (rates.isEmpty() ? "" : "\nQAT interrupts: " + perSecond(r)));
        }
    }

    /** Makes {@code node} a drag source for the VF at {@code bsf}: dropped on a core, its interrupt is pinned there. */
    public static void vfDragSource(javafx.scene.Node node, String bsf) {
        vfDragSource(node, () -> java.util.Optional.of(bsf));
    }

    /** As {@link #vfDragSource(javafx.scene.Node, String)}, with the address read when the drag starts (none: no drag). */
    public static void vfDragSource(javafx.scene.Node node, java.util.function.Supplier<java.util.Optional<String>> address) {
        node.setOnDragDetected(e -> {
            java.util.Optional<String> bsf = address.get();
            if (bsf.isEmpty()) {
                return;
            }
            Dragboard db = node.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(VF, bsf.get());
            db.setContent(content);
            e.consume();
        });
    }

    /** Makes {@code node} a drag source for the instance {@code id}. */
    public static void dragSource(javafx.scene.Node node, String id) {
        node.setOnDragDetected(e -> {
            Dragboard db = node.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(INSTANCE, id);
            db.setContent(content);
            e.consume();
        });
    }
}
