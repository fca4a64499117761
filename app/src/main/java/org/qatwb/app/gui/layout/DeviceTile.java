package org.qatwb.app.gui.layout;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.layout.Device;

/** One PF or VF in the layout grid: its number, role and instance counts; selectable. */
final class DeviceTile extends Label {

    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    DeviceTile(Device d, boolean selected) {
        setId("tile-" + d.key().id());
        getStyleClass().addAll("device-tile", "role-" + d.role().id());
        int cy = d.config().count(InstanceKind.CY);
        int dc = d.config().count(InstanceKind.DC);
        String name = (d.vf() ? "VF " : "PF ") + d.key().instId();
        setText(name + "\n" + (cy + dc == 0 ? d.role().id() : "cy" + cy + " dc" + dc));
        setTooltip(new Tooltip(d.key().confPath() + "\nrole: " + d.role().id()
                + (d.config().services() == null ? "" : "\nServicesEnabled = " + d.config().services())
                + d.info().bsf().map(b -> "\nBSF " + b).orElse("")
                + (d.info().node().isPresent() ? "\nNUMA node " + d.info().node().getAsInt() : "")));
        pseudoClassStateChanged(SELECTED, selected);
    }
}
