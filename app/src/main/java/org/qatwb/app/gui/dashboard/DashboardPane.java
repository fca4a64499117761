package org.qatwb.app.gui.dashboard;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.qatwb.app.viewmodel.KernelGuardViewModel;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.app.workbench.DeviceRow;
import org.qatwb.app.workbench.EmptyStates;

/** The dashboard: offload switches and host state on the left, devices and a conf file on the right. */
public final class DashboardPane extends SplitPane {

    private final NasViewModel nas;
    private final ConfFileView conf = new ConfFileView();
    private String shownPath;

    public DashboardPane(NasViewModel nas, Window owner) {
        this.nas = nas;
        setId("dashboard");
        VBox left = new VBox(18, new KernelGuardNotice(new KernelGuardViewModel(nas)), new OffloadCard(nas, owner),
                new HostCard(nas), new QatCardsCard(nas));
        left.setPadding(new Insets(14));
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setMinWidth(340);

        DevicesView devices = new DevicesView(nas, this::select);
        SplitPane right = new SplitPane(devices, conf);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.55);

        getItems().addAll(leftScroll, right);
        setDividerPositions(0.32);
        nas.snapshotProperty().addListener((o, a, s) -> {
            if (s != null && shownPath != null) {
                conf.show(s, shownPath);
            } else if (s != null) {
                EmptyStates.noConfFiles(s).ifPresent(conf::clear);
            }
        });
        if (nas.snapshotProperty().get() != null) {
            EmptyStates.noConfFiles(nas.snapshotProperty().get()).ifPresent(conf::clear);
        }
    }

    private void select(DeviceRow row) {
        if (nas.snapshotProperty().get() == null) {
            return;
        }
        if (row.confPath().isEmpty()) {
            shownPath = null;
            conf.clear(row.title() + ": the driver names no conf file for it");
            return;
        }
        shownPath = row.confPath().get();
        conf.show(nas.snapshotProperty().get(), shownPath);
    }
}
