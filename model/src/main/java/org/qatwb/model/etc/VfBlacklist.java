package org.qatwb.model.etc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.device.DeviceModel;

/**
 * {@code /etc/modprobe.d/blacklist-qat-vfs.conf}: Intel's installer writes {@code blacklist
 * qat_<vf module>} there for SR-IOV host builds, meant for passing VFs through to guests. A host
 * that wants its own kernel (ZFS) to use the VFs must not block the VF driver.
 *
 * @param entries  the lines that block a module, in file order
 * @param warnings one-line notes, each starting {@code line N: }
 * @param text     the file as read, so that a change can be made to it and shown as a diff
 */
public record VfBlacklist(List<BlacklistEntry> entries, List<String> warnings, String text) {

    /** The file Intel's installer writes for an SR-IOV host build, and the one the agent reads. */
    public static final String PATH = "/etc/modprobe.d/blacklist-qat-vfs.conf";

    public VfBlacklist {
        Objects.requireNonNull(text, "text");
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    /** Whether the file blocks {@code module} ({@code qat-c62xvf} and {@code qat_c62xvf} are the same). */
    public boolean blocks(String module) {
        String name = VfBlacklistParser.underscores(module);
        return entries.stream().anyMatch(e -> e.module().equals(name));
    }

    /** The device models whose VF driver is blocked, each once, in file order. */
    public List<DeviceModel> blockedModels() {
        return entries.stream()
                .map(e -> DeviceCatalog.byVfModule(e.module()))
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }
}
