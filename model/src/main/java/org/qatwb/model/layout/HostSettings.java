package org.qatwb.model.layout;

import java.util.List;
import java.util.TreeSet;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.parse.Snippet;

/**
 * The host-wide switches the QAT chain needs (DOMAIN.md section 1, links 3 and 4), as the files
 * say them: {@code /etc/default/qat} and {@code blacklist-qat-vfs.conf}.
 *
 * @param sriov            {@code SRIOV_ENABLE=1}: qat_service creates the VFs
 * @param kapi             {@code ENABLE_KAPI=1}: qat_service loads the kernel QAT API that ZFS uses
 * @param blockedVfDrivers the VF driver modules the blacklist blocks ({@code qat_c62xvf}), sorted
 */
public record HostSettings(boolean sriov, boolean kapi, List<String> blockedVfDrivers) {

    /**
     * @throws IllegalArgumentException for a module that is not a catalog VF driver: the names go
     *                                  into a modprobe.d file, so no front end may pass anything else
     */
    public HostSettings {
        for (String m : blockedVfDrivers) {
            checkVfModule(m);
        }
        blockedVfDrivers = List.copyOf(new TreeSet<>(blockedVfDrivers));
    }

    /** {@code module} when it is the VF driver module of a catalog model, else a one-line refusal. */
    public static String checkVfModule(String module) {
        if (module == null || DeviceCatalog.byVfModule(module).isEmpty()) {
            throw new IllegalArgumentException((module == null ? "no module name" : Snippet.quote(module)
                    + " is not a QAT VF driver module") + " (known: "
                    + String.join(", ", DeviceCatalog.vfModules()) + ")");
        }
        return module;
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
