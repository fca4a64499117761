package org.qatwb.model.layout;

import java.util.Objects;

/**
 * One PF or VF of a layout: what the NAS says about it, and what its conf file should say.
 *
 * @param info   the facts, which a layout does not change
 * @param config the role, services and instances, which it does
 */
public record Device(DeviceInfo info, DeviceConfig config) {

    public Device {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(config, "config");
    }

    public DeviceKey key() {
        return info.key();
    }

    public boolean vf() {
        return info.key().vf();
    }

    public Role role() {
        return config.role();
    }

    public Device withConfig(DeviceConfig newConfig) {
        return new Device(info, newConfig);
    }
}
