package org.qatwb.model.kernel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a module file says of itself in its {@code .modinfo} section: modpost writes {@code depends=}
 * from the symbols it resolved when the module was built, so a zfs.ko built {@code --with-qat}
 * (OpenZFS {@code config/kernel.m4}, {@code ZFS_AC_QAT}: linked against the QAT driver's
 * {@code Module.symvers}) names {@code qat_api} there whatever depmod later finds installed.
 *
 * @param depends    the modules it was linked against
 * @param vermagic   the kernel it was built for (the first word of {@code vermagic=})
 * @param srcversion the checksum of its sources, as {@code /sys/module/M/srcversion} shows it once loaded
 */
public record ModInfo(List<String> depends, Optional<String> vermagic, Optional<String> srcversion) {

    public ModInfo {
        depends = List.copyOf(depends);
        Objects.requireNonNull(vermagic, "vermagic");
        Objects.requireNonNull(srcversion, "srcversion");
    }

    public boolean needs(String module) {
        return depends.contains(module);
    }
}
