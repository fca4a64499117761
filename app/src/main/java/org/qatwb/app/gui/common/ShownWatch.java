package org.qatwb.app.gui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Whether a node is on screen (in a showing window, itself and every ancestor visible: a tab
 * pane hides the content of the tabs not selected), and a call when that changes, so that a view
 * can stop drawing while hidden and catch up once it is shown, with nothing polling per frame.
 * A hidden node is not painted, but changing it still costs a layout pass of the window and, under
 * software rendering, a repaint (docs/benchmarks.md, "Cost at rest"): views fed every second
 * (the charts, the core strip's interrupt rates) skip their updates while hidden.
 */
public final class ShownWatch {

    private final Node node;
    private final Consumer<Boolean> changed;
    private final InvalidationListener recheck = o -> recheck();
    private final InvalidationListener rewatch = o -> rewatch();
    private final List<Node> ancestors = new ArrayList<>();
    private Scene scene;
    private Window window;
    private boolean shown;

    /** @param changed called with true when {@code node} comes on screen, with false when it leaves it */
    public ShownWatch(Node node, Consumer<Boolean> changed) {
        this.node = node;
        this.changed = changed;
        node.sceneProperty().addListener(rewatch);
        rewatch();
    }

    public boolean isShown() {
        if (window == null || !window.isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The ancestors, the scene's window: all re-listened to whenever the node moves or its scene gets a window. */
    private void rewatch() {
        ancestors.forEach(n -> n.visibleProperty().removeListener(recheck));
        ancestors.clear();
        if (scene != null) {
            scene.windowProperty().removeListener(rewatch);
        }
        if (window != null) {
            window.showingProperty().removeListener(recheck);
        }
        for (Node n = node; n != null; n = n.getParent()) {
            n.visibleProperty().addListener(recheck);
            ancestors.add(n);
        }
        scene = node.getScene();
        window = scene == null ? null : scene.getWindow();
        if (scene != null) {
            scene.windowProperty().addListener(rewatch);
        }
        if (window != null) {
            window.showingProperty().addListener(recheck);
        }
        recheck();
    }

    private void recheck() {
        boolean now = isShown();
        if (now != shown) {
            shown = now;
            changed.accept(now);
        }
    }
}
