package org.qatwb.model.layout;

import java.util.Objects;

/**
 * The part of a layout a finding is about, so that an editor can select it: a device, one of its
 * instances, or a host-wide switch.
 */
public sealed interface ElementRef {

    /** A PF or VF as a whole (its services, its counts, its capacity). */
    record OfDevice(DeviceKey device) implements ElementRef {
        public OfDevice {
            Objects.requireNonNull(device, "device");
        }
    }

    /** One instance of a device. */
    record OfInstance(InstanceRef instance) implements ElementRef {
        public OfInstance {
            Objects.requireNonNull(instance, "instance");
        }
    }

    /** A host-wide switch. */
    record OfHost(HostSetting setting) implements ElementRef {
        public OfHost {
            Objects.requireNonNull(setting, "setting");
        }
    }
}
