package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.zfs.ZfsParam;

/**
 * c62x boots as a stock systemd box does: zfs.ko in early boot (udev's modprobe for the pool's disks,
 * OpenZFS udev/rules.d/90-zfs.rules.in), qat.service after local-fs.target (Intel's unit), then its
 * administrator's qatwb-zfs-qat.service writes 0 and ZFS takes QAT. Between qat.service and that unit
 * ZFS holds nothing: the boot window.
 */
class StockBootOrderTest {

    private static final String REFCNT = "cat \"$QATWB_ROOT\"/sys/module/qat_c62x/refcnt";

    @Test
    void c62xKeepsTheParametersWithQatwbsUnitSoZfsTakesQatAfterEveryBoot() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            Path unit = nas.root().resolve("etc/systemd/system/" + ZfsQatUnit.NAME);
            assertEquals(ZfsQatUnit.text(EnumSet.allOf(ZfsParam.class)), Files.readString(unit), "the agent's own text");
            assertEquals(Path.of(ZfsQatUnit.PATH),
                    Files.readSymbolicLink(nas.root().resolve("etc/systemd/system/multi-user.target.wants/" + ZfsQatUnit.NAME)));
            assertEquals("enabled\n", Shell.run(nas, "systemctl is-enabled " + ZfsQatUnit.NAME).out());

            for (int boot = 1; boot <= 2; boot++) {
                String dmesg = Shell.run(nas, "dmesg").out();
                List<String> lines = dmesg.lines().toList();
                int zfs = indexOf(lines, "ZFS: Loaded module");
                int qat = indexOf(lines, "started 10 acceleration engines"); // qat_service start: the first PF up
                assertTrue(zfs >= 0 && qat >= 0, dmesg);
                assertTrue(zfs < qat, "zfs.ko before qat.service, boot " + boot + ": " + dmesg);
                for (ZfsParam p : ZfsParam.values()) {
                    assertEquals("0\n", Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/module/zfs/parameters/" + p.sysfsName()).out(),
                            "the unit wrote 0 after qat.service");
                }
                assertEquals("3\n", Shell.run(nas, REFCNT).out(), "ZFS holds the three PFs, boot " + boot);
                nas.reboot();
            }
        }
    }

    @Test
    void withoutTheUnitZfsHoldsNothingAfterBoot() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            assertFalse(Files.exists(nas.root().resolve("etc/systemd/system/" + ZfsQatUnit.NAME)));
            assertEquals("0\n", Shell.run(nas, REFCNT).out());
            assertEquals("1\n", Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/module/zfs/parameters/zfs_qat_compress_disable").out(),
                    "forced to 1 at load (the profile's observation) and nothing wrote 0");
            assertEquals(0, Shell.run(nas, "adf_ctl restart").rc(), "nothing held: every device stops");
        }
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
