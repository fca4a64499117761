package org.qatwb.sim.tree;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.sim.profile.ExtraKernel;
import org.qatwb.sim.profile.Profile;

/**
 * The installed kernels as a Debian or TrueNAS box has them on disk (issue 16, section 2), written at
 * every start with the rest of the module tree: for the running kernel and each of the profile's
 * {@link ExtraKernel}s, {@code /lib/modules/K/modules.dep} as depmod writes it (one file per module
 * name, {@code updates/} before the kernel's own), a zfs.ko whose {@code .modinfo} says what it was
 * linked against, {@code /boot/vmlinuz-K} and {@code /boot/initrd.img-K} (made after the modules, as
 * the kernel's postinst runs DKMS before initramfs-tools); GRUB's {@code grub.cfg} as grub-mkconfig
 * writes it (the newest kernel first, {@code set default="0"}) and an empty {@code grubenv}; DKMS's
 * tree for zfs where ZFS comes from DKMS (not on TrueNAS, whose image carries zfs.ko); OpenZFS's
 * initramfs-tools hook; and {@code /sys/module/zfs/srcversion} of the zfs.ko that was booted.
 *
 * <p>Where Intel's driver puts its modules: {@code make install} runs the kernel's
 * {@code modules_install} with {@code INSTALL_MOD_DIR=updates} (quickassist/qat/Makefile) and copies
 * qat_api.ko and usdm_drv.ko to {@code /lib/modules/`uname -r`/kernel/drivers} (Makefile.in,
 * {@code qat-service-install}).
 */
final class KernelTree {

    private static final String OOT = "updates/drivers/crypto/qat/";
    private static final String IN_TREE = "kernel/drivers/crypto/qat/";
    static final String QAT_API = "kernel/drivers/qat_api.ko";
    /** When the running kernel's modules were installed; each newer kernel a week later. */
    private static final Instant INSTALLED = Instant.parse("2026-10-01T08:00:00Z");

    private KernelTree() {
    }

    static void write(RootLayout layout, Profile profile) throws IOException {
        Path root = layout.root();
        TreeGenerator.deleteTree(root.resolve("boot"));
        TreeGenerator.deleteTree(root.resolve("var/lib/dkms"));
        String running = profile.os().kernel();
        boolean qat = profile.qat().isPresent();
        List<ExtraKernel> all = new ArrayList<>();
        all.add(new ExtraKernel(running, qat && profile.zfsWithQat(), qat));
        all.addAll(profile.extraKernels());
        List<ExtraKernel> newestFirst = all.stream()
                .sorted(Comparator.comparing(ExtraKernel::release, KernelTree::compareVersions).reversed()).toList();
        String zfsVersion = profile.os().zfsVersion().replaceAll("-.*", "");
        boolean dkms = !profile.os().trueNas();
        int n = 0;
        for (ExtraKernel k : all) {
            Instant at = INSTALLED.plusSeconds(7L * 86400 * n++);
            Path dir = root.resolve("lib/modules/" + k.release());
            String zfsPath = "updates/dkms/zfs.ko";
            write(dir.resolve("modules.dep"), modulesDep(profile, k), at);
            Files.createDirectories(dir.resolve(zfsPath).getParent());
            Files.write(dir.resolve(zfsPath), zfsKo(k, zfsVersion));
            Files.setLastModifiedTime(dir.resolve(zfsPath), FileTime.from(at));
            write(root.resolve("boot/vmlinuz-" + k.release()), "simulated kernel image " + k.release() + "\n", at);
            write(root.resolve("boot/config-" + k.release()), "CONFIG_CRYPTO_DEV_QAT_C62X=m\n", at);
            // the initramfs comes last in the kernel's postinst (after /etc/kernel/postinst.d/dkms)
            write(root.resolve("boot/initrd.img-" + k.release()), "simulated initramfs " + k.release() + "\n",
                    at.plusSeconds(60));
            if (dkms) {
                Path v = root.resolve("var/lib/dkms/zfs/" + zfsVersion);
                Files.createDirectories(v.resolve("source"));
                Files.createDirectories(v.resolve(k.release() + "/x86_64/module"));
                Path link = root.resolve("var/lib/dkms/zfs/kernel-" + k.release() + "-x86_64");
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, Path.of(zfsVersion + "/" + k.release() + "/x86_64"));
            }
        }
        write(root.resolve("boot/grub/grub.cfg"), grubCfg(profile, newestFirst), INSTALLED);
        write(root.resolve("boot/grub/grubenv"), grubEnv(), INSTALLED);
        if (!profile.os().trueNas()) {
            Files.createSymbolicLink(root.resolve("boot/vmlinuz"), Path.of("vmlinuz-" + newestFirst.get(0).release()));
        }
        write(root.resolve("usr/share/initramfs-tools/hooks/zfs"), "#!/bin/sh\n# OpenZFS: contrib/initramfs/hooks/zfs\n"
                + ". /usr/share/initramfs-tools/hook-functions\nmanual_add_modules zfs\n", INSTALLED);
        // the booted zfs.ko: the running kernel's, as it was at boot
        write(layout.params().getParent().resolve("srcversion"),
                srcversion(all.get(0), zfsVersion) + "\n", INSTALLED);
    }

    /** A kernel's modules.dep: zfs.ko needs qat_api only where depmod found it (an unresolved symbol is no line). */
    static String modulesDep(Profile profile, ExtraKernel k) {
        StringBuilder dep = new StringBuilder();
        String qatDir = k.qatDriver() ? OOT : IN_TREE;
        String intelQat = qatDir + "qat_common/intel_qat.ko";
        boolean qatApi = k.qatDriver();
        dep.append("updates/dkms/zfs.ko: updates/dkms/spl.ko")
                .append(k.zfsWithQat() && qatApi ? " " + QAT_API + " " + intelQat : "").append('\n');
        dep.append("updates/dkms/spl.ko:\n");
        if (profile.qat().isPresent() || k.qatDriver()) {
            dep.append(intelQat).append(":\n");
            if (qatApi) {
                dep.append(QAT_API).append(": ").append(intelQat).append('\n');
            }
        } else {
            dep.append(intelQat).append(":\n");      // Debian's kernels build the kernel's own QAT drivers
        }
        if (profile.qat().isPresent()) {
            DeviceModel m = profile.qat().get().model();
            String vf = m.vfModule();
            String pf = vf.substring(0, vf.length() - 2);
            dep.append(qatDir).append(pf).append('/').append(pf).append(".ko: ").append(intelQat).append('\n');
            dep.append(qatDir).append(vf).append('/').append(vf).append(".ko: ").append(intelQat).append('\n');
        }
        return dep.toString();
    }

    /** zfs.ko's .modinfo strings, NUL-separated as in the ELF section (what modinfo reads). */
    private static byte[] zfsKo(ExtraKernel k, String zfsVersion) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        for (String s : List.of("version=" + zfsVersion + "-1", "license=CDDL", "name=zfs",
                "depends=" + (k.zfsWithQat() ? "spl,qat_api,intel_qat" : "spl"),
                "srcversion=" + srcversion(k, zfsVersion),
                "vermagic=" + k.release() + " SMP preempt mod_unload modversions ")) {
            out.write(0);
            out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0);
        return out.toByteArray();
    }

    /** The checksum modpost makes of a module's sources: here of what differs between builds. */
    static String srcversion(ExtraKernel k, String zfsVersion) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((zfsVersion + " " + k.zfsWithQat())
                    .getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().withUpperCase().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** grub-mkconfig's output, cut to what matters: 00_header's default, 10_linux's entries. */
    private static String grubCfg(Profile profile, List<ExtraKernel> newestFirst) {
        boolean trueNas = profile.os().trueNas();
        // 10_linux's OS name: GRUB_DISTRIBUTOR, "Debian" or "Ubuntu" from lsb_release, then " GNU/Linux" (not for Ubuntu)
        String os = trueNas ? "TrueNAS Scale GNU/Linux " + profile.os().truenasVersion().strip()
                : profile.os().osRelease().contains("ID=ubuntu") ? "Ubuntu" : "Debian GNU/Linux";
        String prefix = trueNas ? "/ROOT/" + profile.os().truenasVersion().strip() + "@" : "";
        String uuid = "3c8d2a1e9f7b4c56";
        StringBuilder g = new StringBuilder("""
                #
                # DO NOT EDIT THIS FILE
                #
                # It is automatically generated by grub-mkconfig using templates
                # from /etc/grub.d and settings from /etc/default/grub
                #

                ### BEGIN /etc/grub.d/00_header ###
                if [ -s $prefix/grubenv ]; then
                  set have_grubenv=true
                  load_env
                fi
                if [ "${next_entry}" ] ; then
                   set default="${next_entry}"
                   set next_entry=
                   save_env next_entry
                   set boot_once=true
                else
                   set default="0"
                fi

                function load_video {
                  if [ x$feature_all_video_module = xy ]; then
                    insmod all_video
                  else
                    insmod efi_gop
                  fi
                }

                ### END /etc/grub.d/00_header ###

                ### BEGIN /etc/grub.d/10_linux ###
                """);
        String first = newestFirst.get(0).release();
        entry(g, "", os, "gnulinux-simple-" + uuid, first, prefix, "");
        g.append("submenu 'Advanced options for ").append(os).append("' $menuentry_id_option 'gnulinux-advanced-")
                .append(uuid).append("' {\n");
        for (ExtraKernel k : newestFirst) {
            entry(g, "\t", os + ", with Linux " + k.release(), "gnulinux-" + k.release() + "-advanced-" + uuid,
                    k.release(), prefix, "");
            entry(g, "\t", os + ", with Linux " + k.release() + " (recovery mode)", "gnulinux-" + k.release()
                    + "-recovery-" + uuid, k.release(), prefix, " single");
        }
        g.append("}\n\n### END /etc/grub.d/10_linux ###\n");
        return g.toString();
    }

    private static void entry(StringBuilder g, String indent, String title, String id, String release, String prefix,
            String extra) {
        g.append(indent).append("menuentry '").append(title)
                .append("' --class debian --class gnu-linux --class gnu --class os $menuentry_id_option '").append(id)
                .append("' {\n")
                .append(indent).append("\tload_video\n")
                .append(indent).append("\techo\t'Loading Linux ").append(release).append(" ...'\n")
                .append(indent).append("\tlinux\t").append(prefix).append("/boot/vmlinuz-").append(release)
                .append(" root=ZFS=boot-pool/ROOT ro quiet").append(extra).append('\n')
                .append(indent).append("\techo\t'Loading initial ramdisk ...'\n")
                .append(indent).append("\tinitrd\t").append(prefix).append("/boot/initrd.img-").append(release).append('\n')
                .append(indent).append("}\n");
    }

    /** An empty GRUB environment block: 1024 bytes, padded with '#' (grub-editenv create). */
    private static String grubEnv() {
        String head = "# GRUB Environment Block\n# WARNING: Do not edit this file by tools other than grub-editenv!!!\n";
        return head + "#".repeat(1024 - head.length());
    }

    /** dpkg's ordering of the digit runs and the rest, enough for kernel releases. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
        String[] y = b.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static void write(Path file, String text, Instant mtime) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(mtime));
    }
}
