package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.ssh.agent.AgentScriptSnapshotTest.args;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.kernel.InstalledKernel;
import org.qatwb.model.kernel.KernelBuilds;
import org.qatwb.model.kernel.NextBoot;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.NasSnapshotReader;

/**
 * The agent's kernel items (issue 16, section 2) under each shell, on a Debian box after a kernel
 * update: two kernels, zfs.ko's .modinfo, the initramfs, GRUB, DKMS's tree, OpenZFS's hook.
 */
class AgentScriptKernelsTest {

    static final String OLD = "6.1.0-28-amd64";
    static final String NEW = "6.1.0-31-amd64";
    private static final Instant T = Instant.parse("2026-10-01T08:00:00Z");

    static Stream<Shell> shells() {
        return Shell.all();
    }

    /** A module file as the ELF section holds its .modinfo: NUL-separated strings among other bytes. */
    static byte[] ko(String depends, String srcversion, String kernel) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, (byte) 0xff, 0x0a});
        for (String s : List.of("license=CDDL", "depends=" + depends, "srcversion=" + srcversion,
                "vermagic=" + kernel + " SMP preempt mod_unload modversions ")) {
            b.write(0);
            b.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
        }
        b.write(0);
        return b.toByteArray();
    }

    static FakeNas debian(Path dir) {
        FakeNas nas = new FakeNas(dir)
                .file("proc/sys/kernel/osrelease", OLD + "\n")
                .file("sys/module/zfs/srcversion", "A1B2C3\n")
                .file("lib/modules/" + OLD + "/modules.dep", "kernel/fs/ext4/ext4.ko: kernel/fs/jbd2/jbd2.ko\n"
                        + "updates/dkms/zfs.ko: updates/dkms/spl.ko kernel/drivers/qat_api.ko"
                        + " updates/drivers/crypto/qat/qat_common/intel_qat.ko\n"
                        + "updates/dkms/spl.ko:\nkernel/drivers/qat_api.ko: updates/drivers/crypto/qat/qat_common/intel_qat.ko\n"
                        + "updates/drivers/crypto/qat/qat_common/intel_qat.ko:\n")
                .file("lib/modules/" + OLD + "/updates/dkms/zfs.ko", ko("spl,qat_api,intel_qat", "A1B2C3", OLD))
                .file("lib/modules/" + NEW + "/modules.dep", "updates/dkms/zfs.ko: updates/dkms/spl.ko\n"
                        + "updates/dkms/spl.ko:\nkernel/drivers/crypto/qat/qat_common/intel_qat.ko:\n")
                .file("lib/modules/" + NEW + "/updates/dkms/zfs.ko", ko("spl", "D4E5F6", NEW))
                .file("boot/vmlinuz-" + OLD, "k").file("boot/vmlinuz-" + NEW, "k")
                .file("boot/initrd.img-" + OLD, "i").file("boot/initrd.img-" + NEW, "i")
                .link("boot/vmlinuz", "vmlinuz-" + NEW)
                .file("boot/grub/grubenv", "# GRUB Environment Block\n" + "#".repeat(999))
                .file("boot/grub/grub.cfg", """
                        if [ "${next_entry}" ] ; then
                           set default="${next_entry}"
                        else
                           set default="0"
                        fi
                        function load_video {
                          insmod all_video
                        }
                        menuentry 'Debian GNU/Linux' --class debian $menuentry_id_option 'gnulinux-simple-x' {
                        \tload_video
                        \techo\t'Loading Linux NEW ...'
                        \tlinux\t/boot/vmlinuz-NEW root=ZFS=rpool/ROOT ro quiet
                        \tinitrd\t/boot/initrd.img-NEW
                        }
                        submenu 'Advanced options for Debian GNU/Linux' $menuentry_id_option 'gnulinux-advanced-x' {
                        \tmenuentry 'Debian GNU/Linux, with Linux OLD' $menuentry_id_option 'gnulinux-OLD-advanced-x' {
                        \t\tlinux\t/boot/vmlinuz-OLD root=ZFS=rpool/ROOT ro quiet
                        \t}
                        }
                        """.replace("NEW", NEW).replace("OLD", OLD))
                .file("usr/share/initramfs-tools/hooks/zfs", "manual_add_modules zfs\n")
                .file("var/lib/dkms/zfs/2.2.7/source/dkms.conf", "PACKAGE_NAME=zfs\n")
                .file("var/lib/dkms/zfs/2.2.7/" + OLD + "/x86_64/module/zfs.ko", "")
                .file("var/lib/dkms/zfs/2.2.7/" + NEW + "/x86_64/module/zfs.ko", "")
                .link("var/lib/dkms/zfs/kernel-" + OLD + "-x86_64", "2.2.7/" + OLD + "/x86_64")
                .link("var/lib/dkms/zfs/kernel-" + NEW + "-x86_64", "2.2.7/" + NEW + "/x86_64");
        try {
            // each kernel's initramfs made after its modules; then the old kernel's modules.dep again
            // (someone installed a module for it later)
            for (String k : List.of(OLD, NEW)) {
                touch(nas, "lib/modules/" + k + "/modules.dep", T);
                touch(nas, "lib/modules/" + k + "/updates/dkms/zfs.ko", T);
                touch(nas, "boot/initrd.img-" + k, T.plusSeconds(60));
            }
            touch(nas, "lib/modules/" + OLD + "/modules.dep", T.plusSeconds(3600));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return nas;
    }

    private static void touch(FakeNas nas, String path, Instant t) throws IOException {
        Files.setLastModifiedTime(nas.path(path), FileTime.from(t));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void theKernelsItemsSayWhatIsBuiltForEachKernelAndWhatBootsNext(Shell shell, @TempDir Path dir) throws ParseException {
        AgentRun run = AgentRun.run(shell, debian(dir), args("snapshot", "0"));
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("", run.stderr());
        AgentOutput out = run.parse(AgentScriptTestSupport.BOUNDARY);
        String text = out.frame("kernels").orElseThrow().text();
        assertEquals("running " + OLD + "\n"
                + "loaded srcversion=A1B2C3\n"
                + "kernel " + OLD + "\n"
                + "vmlinuz " + OLD + " /boot/vmlinuz-" + OLD + "\n"
                + "dep " + OLD + " updates/dkms/zfs.ko: updates/dkms/spl.ko kernel/drivers/qat_api.ko"
                + " updates/drivers/crypto/qat/qat_common/intel_qat.ko\n"
                + "dep " + OLD + " updates/dkms/spl.ko:\n"
                + "dep " + OLD + " kernel/drivers/qat_api.ko: updates/drivers/crypto/qat/qat_common/intel_qat.ko\n"
                + "dep " + OLD + " updates/drivers/crypto/qat/qat_common/intel_qat.ko:\n"
                + "modinfo " + OLD + " depends=spl,qat_api,intel_qat\n"
                + "modinfo " + OLD + " srcversion=A1B2C3\n"
                + "modinfo " + OLD + " vermagic=" + OLD + " SMP preempt mod_unload modversions \n"
                + "initrd " + OLD + " /boot/initrd.img-" + OLD + "\n"
                + "newer " + OLD + " modules.dep\n"
                + "kernel " + NEW + "\n"
                + "vmlinuz " + NEW + " /boot/vmlinuz-" + NEW + "\n"
                + "dep " + NEW + " updates/dkms/zfs.ko: updates/dkms/spl.ko\n"
                + "dep " + NEW + " updates/dkms/spl.ko:\n"
                + "dep " + NEW + " kernel/drivers/crypto/qat/qat_common/intel_qat.ko:\n"
                + "modinfo " + NEW + " depends=spl\n"
                + "modinfo " + NEW + " srcversion=D4E5F6\n"
                + "modinfo " + NEW + " vermagic=" + NEW + " SMP preempt mod_unload modversions \n"
                + "initrd " + NEW + " /boot/initrd.img-" + NEW + "\n"
                + "link " + NEW + "\n"
                + "hook initramfs-tools /usr/share/initramfs-tools/hooks/zfs\n"
                + "dkms zfs 2.2.7 - - added\n"
                + "dkms zfs 2.2.7 " + OLD + " x86_64 installed\n"
                + "dkms zfs 2.2.7 " + NEW + " x86_64 installed\n", text);
        assertEquals(ItemStatus.OK, out.frame("grub_cfg").orElseThrow().status());
        String grub = out.frame("grub_cfg").orElseThrow().text();
        assertFalse(grub.contains("insmod") || grub.contains("echo") || grub.contains("initrd"), "only what decides: " + grub);
        assertTrue(grub.contains("\tlinux\t/boot/vmlinuz-" + NEW), grub);

        KernelBuilds k = NasSnapshotReader.read(out).kernels().orElseThrow();
        assertEquals(new NextBoot(NEW, NextBoot.Source.GRUB_DEFAULT, "Debian GNU/Linux"), k.nextBoot().orElseThrow());
        InstalledKernel next = k.nextKernel().orElseThrow();
        assertFalse(next.outOfTreeQat());
        assertEquals(Optional.of(false), next.zfsBuiltWithQat());
        assertTrue(k.runningKernel().orElseThrow().outOfTreeQat());
        assertEquals(List.of("modules.dep"), k.runningKernel().orElseThrow().newerThanInitramfs());
        assertTrue(k.warnings().isEmpty(), k.warnings().toString());
    }

    @Test
    void withBusyboxUtilitiesTheKernelsItemReadsTheSame(@TempDir Path dir) throws ParseException {
        Shell busybox = Shell.all().filter(s -> s.program().equals("busybox")).findFirst().orElseThrow();
        AgentRun dash = AgentRun.run(Shell.all().findFirst().orElseThrow(), debian(dir.resolve("a")), args("snapshot", "0"));
        AgentRun bb = AgentRun.run(busybox, debian(dir.resolve("b")).withBusyboxUtilities(busybox.assumeInstalled()),
                args("snapshot", "0"));
        assertEquals(0, bb.exit(), bb.stderr());
        assertEquals(dash.parse(AgentScriptTestSupport.BOUNDARY).frame("kernels").orElseThrow().text(),
                bb.parse(AgentScriptTestSupport.BOUNDARY).frame("kernels").orElseThrow().text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void hostileNamesAreLeftOutAndNothingIsWritten(Shell shell, @TempDir Path dir) throws ParseException, IOException {
        FakeNas nas = debian(dir)
                .file("lib/modules/6.1 $(touch PWNED)/modules.dep", "zfs.ko:\n")
                .file("lib/modules/" + NEW + "/modules.dep", "updates/dkms/zfs.ko: \u001b[2J;rm -rf x\n")
                .file("var/lib/dkms/zfs/$(id)/" + NEW + "/x86_64/module/zfs.ko", "");
        AgentRun run = AgentRun.run(shell, nas, args("snapshot", "0"));
        assertEquals(0, run.exit(), run.stderr());
        String text = run.parse(AgentScriptTestSupport.BOUNDARY).frame("kernels").orElseThrow().text();
        assertFalse(text.contains("PWNED") || text.contains("\u001b") || text.contains("$(id)"), text);
        assertFalse(Files.exists(nas.path("PWNED")) || Files.exists(dir.resolve("PWNED")));
    }
}
