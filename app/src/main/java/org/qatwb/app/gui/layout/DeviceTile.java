package org.qatwb.app.gui.layout;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.qatwb.app.viewmodel.DeviceTileModel;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.layout.Device;
import org.qatwb.model.layout.Role;

/**
 * One PF or VF in the layout grid: its number, role and instance counts, whether it is selected
 * and has findings; selectable. Made once per device and bound to its {@link DeviceTileModel}: an
 * edit redraws the tiles whose model changed, in place, and leaves the node where it is.
 */
final class DeviceTile extends Label {

    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** The compiled layout has an error about this device or one of its instances. */
    static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    /** ...a warning, and no error. */
    static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final DeviceTileModel model;
    private final Tooltip tip = new Tooltip();

    DeviceTile(DeviceTileModel model) {
        this.model = model;
        setId("tile-" + model.key().id());
        getStyleClass().add("device-tile");
        setTooltip(tip);
        model.deviceProperty().addListener((o, a, b) -> draw());
        model.findingsProperty().addListener((o, a, b) -> draw());
        model.selectedProperty().addListener((o, a, b) -> pseudoClassStateChanged(SELECTED, b));
        pseudoClassStateChanged(SELECTED, model.selectedProperty().get());
        draw();
    }

    DeviceTileModel model() {
        return model;
    }

    private void draw() {
        Device d = model.deviceProperty().get();
        for (Role r : Role.values()) {
            getStyleClass().remove("role-" + r.id());
        }
        getStyleClass().add("role-" + d.role().id());
        int cy = d.config().count(InstanceKind.CY);
        int dc = d.config().count(InstanceKind.DC);
        String name = (d.vf() ? "VF " : "PF ") + d.key().instId();
        setText(name + "\n" + (cy + dc == 0 ? d.role().id() : "cy" + cy + " dc" + dc));
        int findings = model.findingsProperty().get().size();
        long errors = model.errors();
        pseudoClassStateChanged(ERROR, errors > 0);
        pseudoClassStateChanged(WARNING, errors == 0 && findings > 0);
        tip.setText(d.key().confPath() + "\nrole: " + d.role().id()
                + (d.config().services() == null ? "" : "\nServicesEnabled = " + d.config().services())
                + d.info().bsf().map(b -> "\nBSF " + b).orElse("")
                + (d.info().node().isPresent() ? "\nNUMA node " + d.info().node().getAsInt() : "")
                + (findings == 0 ? "" : "\n" + errors + " error(s), " + (findings - errors) + " warning(s): see the findings"));
    }
}
