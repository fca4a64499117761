package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qatwb.model.adf.AdfStatus;
import org.qatwb.model.adf.AdfStatusParser;
import org.qatwb.model.adf.DeviceState;
import org.qatwb.model.adf.QatDevice;

/** adf_ctl on the c62x profile, through a real /bin/sh with the exec environment. */
class AdfCtlTest {

    static SimulatedNas nas;

    @BeforeAll
    static void start() {
        // zfs.ko before qat.service: ZFS holds no device, so adf_ctl may stop and restart them (ZfsHoldsQatTest has the other order)
        nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false));
    }

    @AfterAll
    static void stop() {
        nas.close();
    }

    @Test
    void c62xShowsThreePfsAndFortyEightVfsUpInTheRealFormat() throws Exception {
        Shell.Result r = Shell.run(nas, "adf_ctl status");
        assertEquals(0, r.rc(), r.err());
        AdfStatus status = AdfStatusParser.parse(r.out());
        assertEquals(List.of(), status.warnings());
        assertEquals(51, status.devices().size());
        assertTrue(status.devices().stream().allMatch(d -> d.state() == DeviceState.UP));
        assertEquals(3, status.devices().stream().filter(d -> !d.vf()).count());
        QatDevice vf0 = status.devices().get(3);
        assertEquals("c6xxvf", vf0.type());
        assertEquals("/etc/c6xxvf_dev0.conf", vf0.confPath());
        assertEquals("0000:3d:01.0", vf0.bsf());
        assertTrue(r.out().startsWith("Checking status of all devices.\nThere is 51 QAT acceleration device(s) in the system:\n"
                + " qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:00.0,  #accel: 5 #engines: 10 state: up\n"),
                r.out());
        assertTrue(r.out().contains(
                " qat_dev50 - type: c6xxvf,  inst_id: 47,  node_id: 0,  bsf: 0000:41:02.7,  #accel: 1 #engines: 1 state: up\n"));
    }

    @Test
    void anInvalidVfConfLeavesExactlyThatDeviceDownAfterARestart() throws Exception {
        Path conf = nas.root().resolve("etc/c6xxvf_dev4.conf");
        String original = Files.readString(conf);
        try {
            // three Cy instances on one VF in interrupt mode, on its one core: a cy;dc bank holds two, the third fails
            String core = original.lines().filter(l -> l.startsWith("Cy0CoreAffinity = ")).findFirst().orElseThrow()
                    .substring("Cy0CoreAffinity = ".length());
            Files.writeString(conf, original.replace("NumberCyInstances = 1", "NumberCyInstances = 3")
                    + "Cy1Name = \"ZFS_CY1\"\nCy1IsPolled = 0\nCy1CoreAffinity = " + core + "\n"
                    + "Cy2Name = \"ZFS_CY2\"\nCy2IsPolled = 0\nCy2CoreAffinity = " + core + "\n");
            Shell.Result restart = Shell.run(nas, "adf_ctl restart");
            assertEquals(1, restart.rc());
            assertTrue(restart.out().startsWith("Restarting all devices.\nProcessing /etc/c6xx_dev0.conf\n"), restart.out());
            // adf_ctl never repeats the kernel's reason: its own three lines (dev_config.cpp, adf_ctl.cpp)
            assertTrue(restart.err().contains("Ioctl failed\nQAT Error: Failed to load config data to device\n"
                    + "Failed to configure qat_dev7\n"), restart.err());
            assertTrue(!restart.err().contains("enough rings"), restart.err());

            AdfStatus status = AdfStatusParser.parse(Shell.run(nas, "adf_ctl status").out());
            List<String> down = status.devices().stream().filter(d -> d.state() == DeviceState.DOWN)
                    .map(QatDevice::name).toList();
            assertEquals(List.of("qat_dev7"), down);

            String dmesg = Shell.run(nas, "dmesg").out();
            // the kernel's lines: pr_err without a prefix, then dev_err with the device's (allocator.md section 6)
            assertTrue(dmesg.contains("] Don't have enough rings for instance ZFS_CY2 in process KERNEL_QAT\n"), dmesg);
            assertTrue(dmesg.contains("c6xxvf 0000:3d:01.4: Failed to create rings for cy\n"), dmesg);
            assertTrue(dmesg.contains("c6xxvf 0000:3d:01.4: Failed to config device\n"), dmesg);
            assertTrue(!dmesg.contains("Processing /etc/c6xxvf_dev4.conf") && !dmesg.contains("Failed to configure"), dmesg);
            assertTrue(dmesg.contains("c6xxvf 0000:3d:01.4: qat_dev7 stopped 1 acceleration engines"));
        } finally {
            Files.writeString(conf, original);
            Shell.Result again = Shell.run(nas, "adf_ctl restart");
            assertEquals(0, again.rc(), again.err());
        }
        assertTrue(AdfStatusParser.parse(Shell.run(nas, "adf_ctl status").out()).devices().stream()
                .allMatch(d -> d.state() == DeviceState.UP));
    }

    @Test
    void aVfMixingAPolledAndAnInterruptInstanceIsRefused() throws Exception {
        Path conf = nas.root().resolve("etc/c6xxvf_dev9.conf");
        String original = Files.readString(conf);
        try {
            // the polled Cy takes the VF's one bank in poll mode; the interrupt-mode Dc may not share it
            Files.writeString(conf, original.replace("Cy0IsPolled = 0", "Cy0IsPolled = 1"));
            Shell.Result r = Shell.run(nas, "adf_ctl qat_dev12 restart");
            assertEquals(1, r.rc());
            assertTrue(r.err().endsWith("Failed to configure qat_dev12\n"), r.err());
            assertTrue(Shell.run(nas, "dmesg").out().contains("Don't have enough rings for instance ZFS_DC in process KERNEL_QAT"));
        } finally {
            Files.writeString(conf, original);
            assertEquals(0, Shell.run(nas, "adf_ctl qat_dev12 restart").rc());
        }
    }

    @Test
    void aPolledKernelInstanceIsZfsSProblemNotTheDriverS() throws Exception {
        Path conf = nas.root().resolve("etc/c6xxvf_dev9.conf");
        String original = Files.readString(conf);
        try {
            // both polled share the bank: the driver is content, ZFS will never get a callback
            Files.writeString(conf, original.replace("IsPolled = 0", "IsPolled = 1"));
            assertEquals(0, Shell.run(nas, "adf_ctl qat_dev12 restart").rc());
            assertTrue(Shell.run(nas, "adf_ctl status").out().contains(" qat_dev12 - type: c6xxvf,  inst_id: 9,"));
            assertTrue(AdfStatusParser.parse(Shell.run(nas, "adf_ctl status").out()).devices().stream()
                    .allMatch(d -> d.state() == DeviceState.UP));
        } finally {
            Files.writeString(conf, original);
            Shell.run(nas, "adf_ctl qat_dev12 restart");
        }
    }

    @Test
    void aFailedRestartBringsNothingUpAndTheNextOneWorks() throws Exception {
        nas.faults().failNextRestart("QAT Error: Ioctl failed");
        Shell.Result r = Shell.run(nas, "systemctl restart qat");
        assertEquals(1, r.rc());
        assertTrue(r.err().startsWith("Job for qat.service failed"), r.err());
        assertEquals("failed\n", Shell.run(nas, "systemctl is-active qat").out());
        assertEquals(3, Shell.run(nas, "systemctl is-active qat").rc());
        assertTrue(AdfStatusParser.parse(Shell.run(nas, "adf_ctl status").out()).devices().stream()
                .allMatch(d -> d.state() == DeviceState.DOWN));
        assertTrue(Shell.run(nas, "dmesg").out().contains("QAT Error: Ioctl failed"));

        assertEquals(0, Shell.run(nas, "systemctl restart qat.service").rc());
        assertEquals("active\n", Shell.run(nas, "systemctl is-active qat").out());
        assertEquals(51, AdfStatusParser.parse(Shell.run(nas, "adf_ctl status").out()).devices().stream()
                .filter(d -> d.state() == DeviceState.UP).count());
    }

    @Test
    void stoppingTheServiceUnloadsTheDrivers() throws Exception {
        assertEquals(0, Shell.run(nas, "sudo -n systemctl stop qat").rc());
        try {
            assertEquals("inactive\n", Shell.run(nas, "systemctl is-active qat").out());
            assertEquals("Checking status of all devices.\nThere is 0 QAT acceleration device(s) in the system:\n",
                    Shell.run(nas, "adf_ctl status").out());
            assertEquals("0\n", Shell.run(nas, "ls \"$QATWB_ROOT\"/sys/kernel/debug | grep -c qat_").out());
        } finally {
            assertEquals(0, Shell.run(nas, "systemctl start qat").rc());
        }
        // a debugfs directory per PF and VF (qat_c62x and qat_c62xvf adf_drv.c adf_probe: debugfs_create_dir)
        assertEquals("51\n", Shell.run(nas, "ls \"$QATWB_ROOT\"/sys/kernel/debug | grep -c qat_").out());
    }
}
