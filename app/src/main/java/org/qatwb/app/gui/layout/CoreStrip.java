package org.qatwb.app.gui.layout;

import java.util.ArrayList;
import java.util.Collection;
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
import org.qatwb.model.snapshot.CpuList;
import org.qatwb.model.snapshot.CpuTopology;

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
    private final List<Label> cores = new ArrayList<>();
    private final Map<Label, String> baseText = new java.util.HashMap<>();
    private final Map<Label, String> baseTip = new java.util.HashMap<>();
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
     * Draws the cores of {@code cpu} with, for each core, the instances pinned to it.
     *
     * @param instancesByCore instance labels by core; cores without instances may be absent
     */
    public void show(CpuTopology cpu, Map<Integer, ? extends Collection<String>> instancesByCore) {
        getChildren().clear();
        cores.clear();
        baseText.clear();
        baseTip.clear();
        try {
            draw(cpu, instancesByCore);
        } finally {
            showRates(rates);
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
        for (Label l : cores) {
            int c = Integer.parseInt(l.getId().substring("core-".length()));
            double r = rates.getOrDefault(c, 0.0);
            boolean any = r >= 0.5;
            l.setText(baseText.get(l) + (any ? "\n" + perSecond(r) : ""));
            l.pseudoClassStateChanged(INTERRUPTED, any);
            l.getTooltip().setText(baseTip.get(l) + (rates.isEmpty() ? "" : "\nQAT interrupts: " + perSecond(r)));
        }
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

    private void draw(CpuTopology cpu, Map<Integer, ? extends Collection<String>> instancesByCore) {
        if (cpu.nodes().isEmpty()) {
            FlowPane all = new FlowPane(3, 3);
            cpu.online().ifPresent(list -> list.stream().forEach(c -> all.getChildren().add(core(c, instancesByCore))));
            getChildren().add(node("CPU cores", all));
            return;
        }
        for (Map.Entry<Integer, CpuList> n : cpu.nodes().entrySet()) {
            FlowPane row = new FlowPane(3, 3);
            n.getValue().stream().forEach(c -> row.getChildren().add(core(c, instancesByCore)));
            getChildren().add(node("NUMA node " + n.getKey() + " (" + n.getValue() + ")", row));
        }
    }

    private static VBox node(String title, FlowPane cores) {
        Label l = new Label(title);
        l.getStyleClass().add("muted");
        return new VBox(3, l, cores);
    }

    private Label core(int c, Map<Integer, ? extends Collection<String>> byCore) {
        Collection<String> here = byCore.get(c);
        int n = here == null ? 0 : here.size();
        Label l = new Label(n == 0 ? String.valueOf(c) : c + "·" + n);
        l.setId("core-" + c);
        l.getStyleClass().add("core");
        l.setAlignment(Pos.CENTER);
        l.pseudoClassStateChanged(BUSY, n == 1);
        l.pseudoClassStateChanged(CROWDED, n > 1);
        l.setTooltip(new Tooltip(n == 0 ? "core " + c + ": no instance" : "core " + c + ": " + String.join(", ", here)));
        baseText.put(l, l.getText());
        baseTip.put(l, l.getTooltip().getText());
        l.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(INSTANCE) || e.getDragboard().hasContent(VF)) {
                e.acceptTransferModes(TransferMode.MOVE);
                e.consume();
            }
        });
        l.setOnDragEntered(e -> l.pseudoClassStateChanged(TARGET, e.getDragboard().hasContent(INSTANCE)
                || e.getDragboard().hasContent(VF)));
        l.setOnDragExited(e -> l.pseudoClassStateChanged(TARGET, false));
        l.setOnDragDropped(e -> {
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
        cores.add(l);
        return l;
    }

    /** Makes {@code node} a drag source for the VF at {@code bsf}: dropped on a core, its interrupt is pinned there. */
    public static void vfDragSource(javafx.scene.Node node, String bsf) {
        node.setOnDragDetected(e -> {
            Dragboard db = node.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(VF, bsf);
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
