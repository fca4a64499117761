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
 * it. Instances are dropped onto a core to set their {@code CoreAffinity}; the strip only says
 * which instance went where, the editor's view model decides what that means.
 */
public final class CoreStrip extends VBox {

    /** What a dragged instance carries: its id in the layout. */
    public static final DataFormat INSTANCE = new DataFormat("application/x-qatwb-instance");

    private static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");
    private static final PseudoClass CROWDED = PseudoClass.getPseudoClass("crowded");
    private static final PseudoClass TARGET = PseudoClass.getPseudoClass("drop-target");

    private final BiConsumer<String, Integer> dropped;
    private final List<Label> cores = new ArrayList<>();

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
        l.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(INSTANCE)) {
                e.acceptTransferModes(TransferMode.MOVE);
                e.consume();
            }
        });
        l.setOnDragEntered(e -> l.pseudoClassStateChanged(TARGET, e.getDragboard().hasContent(INSTANCE)));
        l.setOnDragExited(e -> l.pseudoClassStateChanged(TARGET, false));
        l.setOnDragDropped(e -> {
            Dragboard db = e.getDragboard();
            boolean ok = db.hasContent(INSTANCE);
            if (ok) {
                dropped.accept((String) db.getContent(INSTANCE), c);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        cores.add(l);
        return l;
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
