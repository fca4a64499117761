package org.qatwb.model.layout;

import java.util.Objects;
import org.qatwb.model.parse.Snippet;

/**
 * The part of a layout a finding is about, so that an editor can select it: a device, one of its
 * instances, or a host-wide switch.
 *
 * <p>Where it must be a string (a selection id, a map key, a drag's payload) it is {@link #format()}'s
 * text, read back by {@link #parse(String)}: {@code c6xxvf_dev3}, {@code c6xxvf_dev3 [KERNEL_QAT] Dc0},
 * {@code host:kapi}. {@code toString()} gives the same text, but code asks {@code format()}.
 */
public sealed interface ElementRef {

    /** What a host-wide switch's text starts with (a device's id never does: it has no colon). */
    String HOST_PREFIX = "host:";

    /** The element's text, read back by {@link #parse(String)}. */
    String format();

    /**
     * The element {@code text} names, read as {@link #format()} writes it and only so.
     *
     * @throws IllegalArgumentException in one line, for any other text
     */
    static ElementRef parse(String text) {
        try {
            ElementRef e;
            if (text.startsWith(HOST_PREFIX)) {
                e = new OfHost(HostSetting.parse(text.substring(HOST_PREFIX.length())));
            } else if (text.contains(" [")) {
                e = new OfInstance(InstanceRef.parse(text));
            } else {
                e = new OfDevice(DeviceKey.parse(text));
            }
            if (e.format().equals(text)) {
                return e;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // refused below, with the text whole, as any other
        }
        throw new IllegalArgumentException("not a layout element (a device like c6xxvf_dev3, an instance like"
                + " c6xxvf_dev3 [KERNEL_QAT] Dc0, or host:sriov, host:kapi, host:vf-driver): "
                + Snippet.quote(String.valueOf(text)));
    }

    /** A PF or VF as a whole (its services, its counts, its capacity). */
    record OfDevice(DeviceKey device) implements ElementRef {
        public OfDevice {
            Objects.requireNonNull(device, "device");
        }

        @Override
        public String format() {
            return device.id();
        }

        @Override
        public String toString() {
            return format();
        }
    }

    /** One instance of a device. */
    record OfInstance(InstanceRef instance) implements ElementRef {
        public OfInstance {
            Objects.requireNonNull(instance, "instance");
        }

        @Override
        public String format() {
            return instance.format();
        }

        @Override
        public String toString() {
            return format();
        }
    }

    /** A host-wide switch. */
    record OfHost(HostSetting setting) implements ElementRef {
        public OfHost {
            Objects.requireNonNull(setting, "setting");
        }

        @Override
        public String format() {
            return HOST_PREFIX + setting.id();
        }

        @Override
        public String toString() {
            return format();
        }
    }
}
