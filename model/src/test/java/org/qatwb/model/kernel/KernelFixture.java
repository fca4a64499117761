package org.qatwb.model.kernel;

/**
 * The agent's kernel items for a Debian box as the simulator writes it and a real one has it: the
 * running kernel 6.1.0-28-amd64 with Intel's driver and a zfs.ko built with QAT, and (with
 * {@link #UPDATE}) kernel 6.1.0-31-amd64 installed by an update, GRUB's entry 0.
 */
public final class KernelFixture {

    public static final String RUNNING = "6.1.0-28-amd64";
    public static final String UPDATE = "6.1.0-31-amd64";

    private KernelFixture() {
    }

    /** One kernel's lines. */
    public static String kernel(String k, boolean qatDriver, boolean zfsWithQat, boolean initramfsStale) {
        String qat = qatDriver ? "updates/drivers/crypto/qat/" : "kernel/drivers/crypto/qat/";
        StringBuilder b = new StringBuilder();
        b.append("kernel ").append(k).append('\n');
        b.append("vmlinuz ").append(k).append(" /boot/vmlinuz-").append(k).append('\n');
        b.append("dep ").append(k).append(" updates/dkms/zfs.ko: updates/dkms/spl.ko")
                .append(zfsWithQat && qatDriver ? " kernel/drivers/qat_api.ko " + qat + "qat_common/intel_qat.ko" : "")
                .append('\n');
        b.append("dep ").append(k).append(" updates/dkms/spl.ko:\n");
        b.append("dep ").append(k).append(' ').append(qat).append("qat_common/intel_qat.ko:\n");
        if (qatDriver) {
            b.append("dep ").append(k).append(" kernel/drivers/qat_api.ko: ").append(qat).append("qat_common/intel_qat.ko\n");
        }
        b.append("dep ").append(k).append(' ').append(qat).append("qat_c62x/qat_c62x.ko: ").append(qat)
                .append("qat_common/intel_qat.ko\n");
        b.append("modinfo ").append(k).append(" depends=").append(zfsWithQat ? "spl,qat_api,intel_qat" : "spl").append('\n');
        b.append("modinfo ").append(k).append(" srcversion=").append(zfsWithQat ? "A1B2C3D4E5F6A7B8C9D0E1F2" : "0F0E0D0C0B0A09080706050403")
                .append('\n');
        b.append("modinfo ").append(k).append(" vermagic=").append(k).append(" SMP preempt mod_unload modversions\n");
        b.append("initrd ").append(k).append(" /boot/initrd.img-").append(k).append('\n');
        if (initramfsStale) {
            b.append("newer ").append(k).append(" modules.dep\nnewer ").append(k).append(" updates/dkms/zfs.ko\n");
        }
        return b.toString();
    }

    /** The kernels item: running first, the loaded zfs.ko's srcversion, the hook and DKMS. */
    public static String items(String... kernels) {
        return "running " + RUNNING + "\nloaded srcversion=A1B2C3D4E5F6A7B8C9D0E1F2\n" + String.join("", kernels)
                + "link " + RUNNING + "\nhook initramfs-tools /usr/share/initramfs-tools/hooks/zfs\n"
                + "dkms zfs 2.2.7 - - added\ndkms zfs 2.2.7 " + RUNNING + " x86_64 installed\n";
    }

    /** grub.cfg's lines as the agent sends them: entry 0 the newest of {@code newestFirst}. */
    public static String grubCfg(String... newestFirst) {
        StringBuilder g = new StringBuilder("""
                   set default="${next_entry}"
                   set default="0"
                function load_video {
                }
                """);
        g.append("menuentry 'Debian GNU/Linux' --class debian $menuentry_id_option 'gnulinux-simple-x' {\n")
                .append("\tlinux\t/boot/vmlinuz-").append(newestFirst[0]).append(" root=ZFS=rpool/ROOT ro quiet\n}\n");
        g.append("submenu 'Advanced options for Debian GNU/Linux' $menuentry_id_option 'gnulinux-advanced-x' {\n");
        for (String k : newestFirst) {
            g.append("\tmenuentry 'Debian GNU/Linux, with Linux ").append(k).append("' $menuentry_id_option 'gnulinux-")
                    .append(k).append("-advanced-x' {\n\t\tlinux\t/boot/vmlinuz-").append(k).append(" ro quiet\n\t}\n");
            g.append("\tmenuentry 'Debian GNU/Linux, with Linux ").append(k).append(" (recovery mode)' $menuentry_id_option 'gnulinux-")
                    .append(k).append("-recovery-x' {\n\t\tlinux\t/boot/vmlinuz-").append(k).append(" ro single\n\t}\n");
        }
        return g.append("}\n").toString();
    }
}
