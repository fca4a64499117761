package org.qatwb.model.layout;

import java.util.List;
import java.util.TreeSet;

/**
 * The host-wide switches the QAT chain needs (DOMAIN.md section 1, links 3 and 4), as the files
 * say them: {@code /etc/default/qat} and {@code blacklist-qat-vfs.conf}.
 *
 * @param sriov            {@code SRIOV_ENABLE=1}: qat_service creates the VFs
 * @param kapi             {@code ENABLE_KAPI=1}: qat_service loads the kernel QAT API that ZFS uses
 * @param blockedVfDrivers the VF driver modules the blacklist blocks ({@code qat_c62xvf}), sorted
 */
public record HostSettings(boolean sriov, boolean kapi, List<String> blockedVfDrivers) {

    public HostSettings {
        blockedVfDrivers = List.copyOf(new TreeSet<>(blockedVfDrivers));
    }

    public boolean blocks(String vfModule) {
        return blockedVfDrivers.contains(vfModule);
    }

    public HostSettings withSriov(boolean on) {
        return new HostSettings(on, kapi, blockedVfDrivers);
    }

    public HostSettings withKapi(boolean on) {
        return new HostSettings(sriov, on, blockedVfDrivers);
    }

    /** The settings with {@code vfModule} blocked or let load. */
    public HostSettings withVfDriverBlocked(String vfModule, boolean blocked) {
        TreeSet<String> set = new TreeSet<>(blockedVfDrivers);
        if (blocked) {
            set.add(vfModule);
        } else {
            set.remove(vfModule);
        }
        return new HostSettings(sriov, kapi, List.copyOf(set));
    }
}
