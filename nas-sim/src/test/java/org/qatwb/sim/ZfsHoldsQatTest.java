package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ZFS's started instances hold their QAT devices (adf_dev_get through cpaDcStartInstance and
 * cpaCyStartInstance), and the driver refuses to stop a device in use (adf_ctl_drv.c
 * adf_ctl_is_device_in_use); qat_service hides it. dev_cfg shows what each device loaded.
 */
class ZfsHoldsQatTest {

    private static final Pattern BUSY = Pattern.compile("(c6xx(?:vf)? (0000:[0-9a-f:.]+)): device (qat_dev[0-9]+) is busy");
    private static final String JOURNAL = "journalctl -u qat.service -b -o cat --no-pager";

    @Test
    void onC62xZfsHoldsQatAndAdfCtlRestartIsRefusedAsTheDriverRefusesIt() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            // one try_module_get per held device (adf_dev_get when its count leaves 0): the three PFs
            assertEquals("3\n", Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/module/qat_c62x/refcnt").out());
            String before = Shell.run(nas, "adf_ctl status").out();

            Shell.Result r = Shell.run(nas, "adf_ctl restart");
            assertEquals(255, r.rc(), "adf_ctl main returns -1");
            assertEquals("Restarting all devices.\n", r.out());
            assertEquals("device busy\n", r.err());
            Matcher m = BUSY.matcher(Shell.run(nas, "dmesg").out());
            assertTrue(m.find(), "the kernel names the busy device");
            assertEquals(before, Shell.run(nas, "adf_ctl status").out(), "nothing was stopped");

            Shell.Result down = Shell.run(nas, "adf_ctl " + m.group(3) + " down");
            assertEquals(255, down.rc());
            assertEquals("device busy\n", down.err());
        }
    }

    @Test
    void systemctlRestartKeepsTheHeldDevicesOnTheirOldConfigurationAndFailsOnSriov() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            Shell.run(nas, "adf_ctl qat_dev0 down");
            Matcher m = BUSY.matcher(Shell.run(nas, "dmesg").out());
            assertTrue(m.find());
            String held = m.group(3);
            String bsf = m.group(2);
            String type = m.group(1).substring(0, m.group(1).indexOf(' '));
            Path devCfg = nas.root().resolve("sys/kernel/debug/qat_" + type + "_" + bsf + "/dev_cfg");
            String loaded = Files.readString(devCfg);
            assertTrue(loaded.startsWith("[GENERAL]\n"), loaded);
            assertTrue(loaded.contains("\n[KERNEL_QAT]\n"), loaded);

            Path file = nas.root().resolve("etc/" + type + "_dev" + (type.endsWith("vf") ? "0" : held.substring(7)) + ".conf");
            Files.writeString(file, Files.readString(file).replaceFirst("(?m)^ServicesEnabled = .*$", "ServicesEnabled = cy"));

            assertEquals(1, Shell.run(nas, "systemctl restart qat").rc(), "enable_sriov: exit 1");
            assertEquals("failed\n", Shell.run(nas, "systemctl is-active qat").out());
            String journal = Shell.run(nas, JOURNAL).out();
            assertTrue(journal.contains("Restarting all devices.\ndevice busy\nenable sriov\nSRIOV is already enabled for qat_dev0\n"),
                    journal);
            assertEquals(loaded, Files.readString(devCfg), "the held device still runs what it loaded");
            assertTrue(Shell.run(nas, "adf_ctl status").out().contains(" " + held + " - "));
            assertTrue(Shell.run(nas, "adf_ctl status").out().lines()
                    .anyMatch(l -> l.contains(" " + held + " - ") && l.endsWith("state: up")));
        }
    }

    @Test
    void zfsFirstHoldsNothingUntilAZeroIsWrittenAndAReRebootReleasesIt() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            assertEquals("0\n", Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/module/qat_c62x/refcnt").out());
            Path devCfg = nas.root().resolve("sys/kernel/debug/qat_c6xx_0000:3d:00.0/dev_cfg");
            Path conf = nas.root().resolve("etc/c6xx_dev0.conf");
            Files.writeString(conf, Files.readString(conf).replaceFirst("(?m)^ServicesEnabled = .*$", "ServicesEnabled = dc"));
            assertEquals(0, Shell.run(nas, "adf_ctl qat_dev0 restart").rc());
            assertTrue(Files.readString(devCfg).contains("\nServicesEnabled = dc\n"), "dev_cfg shows what was loaded");

            assertEquals(0, Shell.run(nas, "echo 0 | sudo -n tee \"$QATWB_ROOT\"/sys/module/zfs/parameters/zfs_qat_compress_disable").rc());
            assertEquals("3\n", Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/module/qat_c62x/refcnt").out());
            assertEquals(255, Shell.run(nas, "adf_ctl restart").rc());
            // writing 1 does not release them (param_set_qat_compress acts on 0 only)
            Shell.run(nas, "echo 1 | sudo -n tee \"$QATWB_ROOT\"/sys/module/zfs/parameters/zfs_qat_compress_disable");
            assertEquals(255, Shell.run(nas, "adf_ctl restart").rc());

            nas.reboot();
            assertEquals("0\n", Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/module/qat_c62x/refcnt").out());
            assertEquals(0, Shell.run(nas, "adf_ctl qat_dev0 down").rc());
            assertEquals("", Files.readString(devCfg), "a device that is down keeps an empty dev_cfg (adf_cfg_del_all)");
            assertFalse(Shell.run(nas, "dmesg").out().contains("is busy"));
        }
    }
}
