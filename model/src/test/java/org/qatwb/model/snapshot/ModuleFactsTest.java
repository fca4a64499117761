package org.qatwb.model.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.testutil.AgentOutputWriter.BOUNDARY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.testutil.AgentOutputWriter;
import org.qatwb.model.zfs.ZfsParam;

/** The items about modules, VF drivers, load-time options and qat.service's journal, read into the snapshot. */
class ModuleFactsTest {

    private static NasSnapshot read(AgentOutputWriter w) throws ParseException {
        return NasSnapshotReader.read(AgentOutput.parse(w.done().bytes(), BOUNDARY));
    }

    @Test
    void everyItemIsRead() throws ParseException {
        NasSnapshot s = read(AgentOutputWriter.snapshot()
                .ok("qat_journal", "Processing /etc/c6xx_dev0.conf\nFailed to configure qat_dev0\n")
                .ok("qat_modules", "intel_qat qat_c62x qat_api\nqat_api zfs\nqat_c62xvf\n")
                .ok("zfs_depends", "updates/dkms/zfs.ko.xz: updates/dkms/spl.ko.xz updates/qat-api.ko.zst\n")
                .ok("pci_vfs", "0000:3d:01.0 0x37c9 c6xxvf\n0000:3d:01.1 0x37c9 -\n0000:3d:01.2 0x37c9 vfio-pci\n")
                .ok("cmdline", "BOOT_IMAGE=/vmlinuz zfs.zfs_qat_encrypt_disable=1 zfs.zfs_arc_max=0\n")
                .ok("modprobe:/etc/modprobe.d/zfs.conf", "options zfs zfs-qat-compress-disable=\"1\"\n"));
        assertEquals(List.of("Processing /etc/c6xx_dev0.conf", "Failed to configure qat_dev0"), s.serviceJournal());
        ModuleFacts m = s.modules();
        assertTrue(m.loaded().orElseThrow().holds("qat_api", "zfs"));
        assertTrue(m.loaded().orElseThrow().loaded("qat_c62xvf"));
        assertFalse(m.loaded().orElseThrow().holds("intel_qat", "zfs"));
        assertEquals(List.of("spl", "qat_api"), m.zfsDepends().orElseThrow());
        List<VfBinding> vfs = m.vfs().orElseThrow();
        assertEquals(3, vfs.size());
        assertTrue(vfs.get(0).boundToQat());
        assertEquals(Optional.empty(), vfs.get(1).driver());
        assertFalse(vfs.get(2).boundToQat());
        assertEquals(Optional.of("c6xxvf"), vfs.get(2).vfType());
        assertEquals(List.of(
                new ZfsParamSetting(ZfsParam.COMPRESS, "1", "/etc/modprobe.d/zfs.conf line 1"),
                new ZfsParamSetting(ZfsParam.ENCRYPT, "1", ZfsParamSetting.CMDLINE)), m.zfsOptions());
        assertTrue(m.cmdlineRead());
        assertTrue(s.warnings().stream().allMatch(w -> w.endsWith("missing from the agent's output")), s.warnings().toString());
    }

    @Test
    void anOlderAgentsSnapshotHasNoModuleFacts() throws ParseException {
        NasSnapshot s = read(AgentOutputWriter.snapshot().ok("id", "0\nroot\n"));
        assertEquals(ModuleFacts.NONE, s.modules());
        assertEquals(List.of(), s.serviceJournal());
    }

    @Test
    void hostileItemsAreOneLineWarningsAndTheRestStands() throws ParseException {
        NasSnapshot s = read(AgentOutputWriter.snapshot()
                .ok("qat_modules", "qat_api zfs\n../../etc x\n")
                .ok("pci_vfs", "0000:3d:01.0 0x37c9 c6xxvf\n0000:3d:01.1 0x37c9 c6xxvf \u001b[31mred\n")
                .ok("pci_vfs_extra", "ignored\n")
                .ok("zfs_depends", "updates/dkms/zfs.ko: updates/dkms/spl.ko\n"));
        assertTrue(s.modules().loaded().isEmpty());
        assertTrue(s.modules().vfs().isEmpty());
        assertEquals(List.of("spl"), s.modules().zfsDepends().orElseThrow());
        assertTrue(s.warnings().contains("qat_modules: line 2: expected 'MODULE [HOLDER...]': \"../../etc x\""),
                s.warnings().toString());
        String vf = s.warnings().stream().filter(w -> w.startsWith("pci_vfs:")).findFirst().orElseThrow();
        assertTrue(vf.startsWith("pci_vfs: line 2: expected 'BSF DEVICE DRIVER': ") && !vf.contains("\u001b"), vf);
    }

    @Test
    void tooManyLinesAreRefusedWhole() {
        assertTrue(assertThrowsParse(() -> LoadedModules.parse("m\n".repeat(LoadedModules.MAX_LINES + 1))));
        assertTrue(assertThrowsParse(() -> VfBinding.parseAll("0000:3d:01.0 0x37c9 -\n".repeat(VfBinding.MAX_VFS + 1))));
    }

    private interface Parse {
        void run() throws ParseException;
    }

    private static boolean assertThrowsParse(Parse p) {
        try {
            p.run();
            return false;
        } catch (ParseException e) {
            return !e.getMessage().contains("\n");
        }
    }

    @Test
    void kmodsPrecedenceAndGrammarDecideTheOptions() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("/etc/modprobe.d/b.conf", "options zfs zfs_qat_checksum_disable=0\n");
        files.put("/etc/modprobe.d/a.conf", "#options zfs zfs_qat_compress_disable=1\n options zfs zfs_qat_encrypt_disable=1\n"
                + "options zfs \\\nzfs_qat_compress_disable=1\n");
        files.put("/lib/modprobe.d/a.conf", "options zfs zfs_qat_checksum_disable=1\n");
        files.put("/usr/lib/modprobe.d/c.conf", "options spl zfs_qat_checksum_disable=1\noptions zfs\n");
        List<ZfsParamSetting> s = ZfsParamSetting.read(files, Optional.of("quiet zfs_qat_encrypt_disable=1 zfs.nope=1"));
        // a.conf before b.conf (file-name order); /lib's a.conf hidden by /etc's; a comment only in column 1
        assertEquals(List.of(new ZfsParamSetting(ZfsParam.ENCRYPT, "1", "/etc/modprobe.d/a.conf line 2"),
                new ZfsParamSetting(ZfsParam.COMPRESS, "1", "/etc/modprobe.d/a.conf line 3"),
                new ZfsParamSetting(ZfsParam.CHECKSUM, "0", "/etc/modprobe.d/b.conf line 1")), s);
        assertFalse(s.get(2).disables());
    }
}
