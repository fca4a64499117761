package org.qatwb.model.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.kernel.KernelFixture.RUNNING;
import static org.qatwb.model.kernel.KernelFixture.UPDATE;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KernelsParserTest {

    private static final String ITEMS = KernelFixture.items(KernelFixture.kernel(RUNNING, true, true, false),
            KernelFixture.kernel(UPDATE, false, false, true));

    private static KernelBuilds parse(String kernels, String grubEnv, String grubCfg) {
        return KernelsParser.parse(kernels, Optional.ofNullable(grubEnv), Optional.ofNullable(grubCfg), Optional.empty());
    }

    @Test
    void readsEachKernelsBuildsAndGrubsDefault() {
        KernelBuilds k = parse(ITEMS, "", KernelFixture.grubCfg(UPDATE, RUNNING));
        assertEquals(Optional.of(RUNNING), k.running());
        assertEquals(Optional.of("A1B2C3D4E5F6A7B8C9D0E1F2"), k.loadedZfsSrcversion());
        assertEquals(List.of(RUNNING, UPDATE), k.kernels().stream().map(InstalledKernel::release).toList());
        InstalledKernel run = k.runningKernel().orElseThrow();
        assertTrue(run.outOfTreeQat());
        assertTrue(run.zfsLoadsQatApi());
        assertEquals(Optional.of(true), run.zfsBuiltWithQat());
        assertEquals(Optional.of(RUNNING), run.zfsInfo().flatMap(ModInfo::vermagic));
        assertFalse(run.initramfsOlderThanModules());
        InstalledKernel next = k.nextKernel().orElseThrow();
        assertEquals(UPDATE, next.release());
        assertEquals(NextBoot.Source.GRUB_DEFAULT, k.nextBoot().orElseThrow().source());
        assertEquals("Debian GNU/Linux", k.nextBoot().orElseThrow().entry());
        assertFalse(next.outOfTreeQat(), "intel_qat under kernel/ is the kernel's own");
        assertEquals(Optional.of(false), next.zfsBuiltWithQat());
        assertEquals(List.of("modules.dep", "updates/dkms/zfs.ko"), next.newerThanInitramfs());
        assertTrue(k.zfsInInitramfs());
        assertEquals(List.of("2.2.7"), k.dkmsVersions("zfs"));
        assertEquals(DkmsEntry.State.INSTALLED, k.dkms("zfs", RUNNING).get(0).state());
        assertEquals("Advanced options for Debian GNU/Linux>Debian GNU/Linux, with Linux " + RUNNING,
                k.grubEntries().get(RUNNING));
        assertTrue(k.warnings().isEmpty(), k.warnings().toString());
    }

    @Test
    void grubsNextEntryAndSavedEntryDecideAsGrubDoes() {
        String savedCfg = KernelFixture.grubCfg(UPDATE, RUNNING).replace("set default=\"0\"", "set default=\"${saved_entry}\"");
        String toRunning = "Advanced options for Debian GNU/Linux>Debian GNU/Linux, with Linux " + RUNNING;
        KernelBuilds saved = parse(ITEMS, "# GRUB Environment Block\nsaved_entry=" + toRunning + "\n###\n", savedCfg);
        assertEquals(RUNNING, saved.nextBoot().orElseThrow().kernel());
        // by ids and by index, a path into the submenu (a bare id names a top-level entry only, as in GRUB)
        assertEquals(RUNNING, parse(ITEMS, "saved_entry=gnulinux-advanced-x>gnulinux-" + RUNNING + "-advanced-x\n", savedCfg)
                .nextBoot().orElseThrow().kernel());
        assertEquals(RUNNING, parse(ITEMS, "saved_entry=1>2\n", savedCfg).nextBoot().orElseThrow().kernel());
        // something GRUB cannot find: entry 0
        assertEquals(UPDATE, parse(ITEMS, "saved_entry=gone\n", savedCfg).nextBoot().orElseThrow().kernel());
        // grub-reboot's next_entry wins once, whatever the default
        KernelBuilds once = parse(ITEMS, "next_entry=" + toRunning + "\n", KernelFixture.grubCfg(UPDATE, RUNNING));
        assertEquals(NextBoot.Source.GRUB_NEXT_ENTRY, once.nextBoot().orElseThrow().source());
        assertEquals(RUNNING, once.nextBoot().orElseThrow().kernel());
    }

    @Test
    void withoutGrubSystemdBootOrTheVmlinuzLinkSayWhatBootsNext() {
        KernelBuilds loader = KernelsParser.parse(ITEMS, Optional.empty(), Optional.empty(),
                Optional.of("timeout 3\ndefault debian-" + UPDATE + ".conf\n"));
        assertEquals(NextBoot.Source.SYSTEMD_BOOT, loader.nextBoot().orElseThrow().source());
        assertEquals(UPDATE, loader.nextBoot().orElseThrow().kernel());
        KernelBuilds link = parse(ITEMS, null, null);
        assertEquals(new NextBoot(RUNNING, NextBoot.Source.VMLINUZ_LINK, "/boot/vmlinuz"), link.nextBoot().orElseThrow());
        assertEquals(Optional.empty(), parse(ITEMS.replace("link " + RUNNING + "\n", ""), null, null).nextBoot());
    }

    @Test
    void badLinesAreWarningsAndUnknownKindsAreSkipped() {
        KernelBuilds k = parse("running 6.1 bad\nkernel ../../etc\ndep 9.9 x.ko:\nfuture-kind whatever\n"
                + "dkms zfs 2.2 - - built\nkernel 6.1\ndep 6.1 \u001b[31mzfs.ko:\n", null, null);
        assertEquals(Optional.empty(), k.running());
        assertEquals(List.of("6.1"), k.kernels().stream().map(InstalledKernel::release).toList());
        assertEquals(5, k.warnings().size(), k.warnings().toString());
        assertTrue(k.warnings().get(0).startsWith("line 1: expected 'running RELEASE'"), k.warnings().get(0));
        assertTrue(k.warnings().stream().noneMatch(w -> w.contains("\u001b")), "quoted, never raw: " + k.warnings());
    }

    @Test
    void hostileInputIsBoundedAndNeverThrows() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            many.append("kernel 5.").append(i).append('\n');
        }
        for (int i = 0; i < 20_000; i++) {
            many.append("dep 5.0 kernel/x").append(i).append(".ko:\n");
        }
        KernelBuilds k = parse(many.toString(), null, null);
        assertEquals(KernelsParser.MAX_KERNELS, k.kernels().size());
        assertTrue(k.kernels().get(0).deps().size() <= 64);
        assertTrue(k.warnings().size() <= 101);
        Random r = new Random(16);
        for (int n = 0; n < 300; n++) {
            byte[] b = new byte[r.nextInt(400)];
            r.nextBytes(b);
            String junk = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
            parse("kernel 1\n" + junk, junk, junk);
            GrubMenu.parse("menuentry 'a' {\n" + junk + "\nsubmenu 'b' {\n" + junk);
        }
        // a menu nested deeper than GRUB's sense: kept bounded
        GrubMenu deep = GrubMenu.parse("submenu 'x' {\n".repeat(10_000) + "menuentry 'y' {\nlinux /boot/vmlinuz-1\n");
        assertEquals(1, deep.entries().size());
    }
}
