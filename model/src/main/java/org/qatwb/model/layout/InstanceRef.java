package org.qatwb.model.layout;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.parse.Snippet;

/**
 * Where an instance is: {@code Dc0} of {@code [KERNEL_QAT]} in {@code c6xxvf_dev3}.
 *
 * <p>Written as {@link #format()} ({@code c6xxvf_dev3 [KERNEL_QAT] Dc0}) wherever an instance needs a
 * name that is a string (a drag's payload, a node's id) and read back with {@link #parse(String)}.
 *
 * @param device  the PF or VF
 * @param section the section
 * @param kind    Cy or Dc
 * @param index   the n of {@code Dc<n>}
 */
public record InstanceRef(DeviceKey device, String section, InstanceKind kind, int index) {

    public InstanceRef {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(kind, "kind");
        if (index < 0) {
            throw new IllegalArgumentException("instance index " + index);
        }
    }

    /**
     * Greedy on the section so that any section a conf file holds reads back: the device's id has no
     * space, and the kind and index end the text.
     */
    private static final Pattern TEXT = Pattern.compile("(\\S+) \\[(.+)\\] (Cy|Dc)([0-9]{1,10})", Pattern.DOTALL);

    /** {@code c6xxvf_dev3 [KERNEL_QAT] Dc0}: the instance's name, read back by {@link #parse(String)}. */
    public String format() {
        return device.id() + " [" + section + "] " + kind.prefix() + index;
    }

    /**
     * Reads {@link #format()}'s text, and only that text (no other spelling of the same instance).
     *
     * @throws IllegalArgumentException in one line, for anything else
     */
    public static InstanceRef parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        try {
            if (m.matches()) {
                InstanceRef ref = new InstanceRef(DeviceKey.parse(m.group(1)), m.group(2),
                        m.group(3).equals("Cy") ? InstanceKind.CY : InstanceKind.DC, Integer.parseInt(m.group(4)));
                if (ref.format().equals(text)) {
                    return ref;
                }
            }
        } catch (IllegalArgumentException e) {
            // a device id or an index out of range: refused below, as any other text
        }
        throw new IllegalArgumentException("not an instance (like c6xxvf_dev3 [KERNEL_QAT] Dc0): "
                + Snippet.quote(String.valueOf(text)));
    }

    /** {@link #format()}: the GUI's older code names instances with it. */
    @Override
    public String toString() {
        return format();
    }
}
