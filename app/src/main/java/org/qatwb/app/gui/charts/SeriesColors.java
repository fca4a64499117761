package org.qatwb.app.gui.charts;

import javafx.scene.paint.Color;
import org.qatwb.model.history.FirmwareSeries;
import org.qatwb.model.history.KstatRowSeries;
import org.qatwb.model.history.KstatSeries;
import org.qatwb.model.history.Series;

/** One colour per service in every chart, so a service reads the same everywhere; firmware devices cycle a palette. */
final class SeriesColors {

    private static final Color[] DEVICES = {
            Color.web("#2f81f7"), Color.web("#3fb950"), Color.web("#d29922"), Color.web("#db61a2"),
            Color.web("#8957e5"), Color.web("#1f9aa8"), Color.web("#db6d28"), Color.web("#768390"),
    };

    private SeriesColors() {
    }

    static Color of(Series s, int index) {
        if (s instanceof KstatSeries k) {
            return switch (k.service()) {
                case COMPRESSION -> Color.web("#2f81f7");
                case DECOMPRESSION -> Color.web("#8957e5");
                case ENCRYPTION -> Color.web("#d29922");
                case DECRYPTION -> Color.web("#db6d28");
                case CHECKSUM -> Color.web("#3fb950");
            };
        }
        return DEVICES[Math.floorMod(index, DEVICES.length)];
    }

    /** A legend's name: the service, the device, or a fork's kstat row by its name. */
    static String name(Series s) {
        if (s instanceof KstatSeries k) {
            return k.service().label();
        }
        if (s instanceof KstatRowSeries r) {
            return r.row();
        }
        return ((FirmwareSeries) s).device();
    }
}
