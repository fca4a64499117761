package org.qatwb.model.adf;

/** A device's state as {@code adf_ctl status} prints it ({@code up} or {@code down}). */
public enum DeviceState {
    UP,
    DOWN
}
