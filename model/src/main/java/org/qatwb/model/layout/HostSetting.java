package org.qatwb.model.layout;

import java.util.Locale;
import org.qatwb.model.parse.Snippet;

/** The host-wide switches a finding can point at, each with the file that holds it. */
public enum HostSetting {
    /** {@code SRIOV_ENABLE} in {@code /etc/default/qat}. */
    SRIOV,
    /** {@code ENABLE_KAPI} in {@code /etc/default/qat}. */
    KAPI,
    /** A {@code blacklist qat_<type>vf} line in {@code blacklist-qat-vfs.conf}. */
    VF_DRIVER;

    /** The word used in JSON ({@code "vf-driver"}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The setting whose {@link #id()} is {@code id}.
     *
     * @throws IllegalArgumentException in one line, for any other text
     */
    public static HostSetting parse(String id) {
        for (HostSetting s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a host setting (sriov, kapi or vf-driver): " + Snippet.quote(String.valueOf(id)));
    }
}
