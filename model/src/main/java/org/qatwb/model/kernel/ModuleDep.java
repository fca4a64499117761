package org.qatwb.model.kernel;

import java.util.List;
import java.util.Objects;

/**
 * One line of a kernel's {@code modules.dep}: a module file, relative to {@code /lib/modules/RELEASE},
 * and the files modprobe loads before it. depmod keeps one file per module name, searching
 * {@code updates/} before the kernel's own tree unless depmod.d says otherwise (kmod
 * {@code tools/depmod.c}, {@code cfg_load}: "updates" at the head of the search list), so the line
 * names the file that modprobe, and an initramfs hook, will take.
 *
 * @param path the module file ({@code updates/drivers/crypto/qat/qat_common/intel_qat.ko})
 * @param deps the files it needs, in depmod's order
 */
public record ModuleDep(String path, List<String> deps) {

    public ModuleDep {
        Objects.requireNonNull(path, "path");
        deps = List.copyOf(deps);
    }

    /** The module's name: the file name without {@code .ko} and a compression suffix. */
    public String name() {
        return moduleName(path);
    }

    /**
     * Whether the file lies outside the kernel's own tree ({@code kernel/}): {@code updates/} where
     * Intel's driver ({@code quickassist/qat/Makefile}: {@code INSTALL_MOD_DIR=updates}) and DKMS put
     * modules, {@code extra/} where a plain {@code make install} of OpenZFS does.
     */
    public boolean outOfTree() {
        return !path.startsWith("kernel/");
    }

    /** Whether it needs the module called {@code name}. */
    public boolean needs(String name) {
        return deps.stream().anyMatch(d -> moduleName(d).equals(name));
    }

    static String moduleName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        int ko = file.indexOf(".ko");
        return ko < 0 ? file : file.substring(0, ko);
    }
}
