package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Where the simulated driver's messages go, as the real ones (DOMAIN.md section 8,
 * docs/driver/allocator.md section 6): adf_ctl's to its output and qat.service's journal, the
 * kernel's to dmesg; qat.service stays active (exited) with devices down; the driver's release is
 * in /sys/module/intel_qat/version. Through real SSH and the stand-ins.
 */
class DriverMessagesTest {

    private static final String JOURNAL = "journalctl -u qat.service -b -o cat --no-pager";

    @Test
    void aRefusedVfLeavesTheUnitActiveItsReasonInDmesgAndAdfCtlsLinesInTheJournal() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            String boot = Shell.run(nas, JOURNAL).out();
            assertTrue(boot.startsWith("Starting qat.service - QAT service...\nProcessing /etc/c6xx_dev0.conf\n"), boot);
            assertTrue(boot.endsWith("Processing /etc/c6xxvf_dev47.conf\nFinished qat.service - QAT service.\n"), boot);

            Path conf = nas.root().resolve("etc/c6xxvf_dev2.conf");
            Files.writeString(conf, Files.readString(conf).replaceFirst("Dc0CoreAffinity = \\d+", "Dc0CoreAffinity = 27"));
            assertEquals(0, Shell.run(nas, "systemctl restart qat").rc());
            assertEquals("active\n", Shell.run(nas, "systemctl is-active qat").out());
            assertTrue(Shell.run(nas, "systemctl status qat").out().contains("Active: active (exited)"));
            assertTrue(Shell.run(nas, "adf_ctl status").out().contains(" qat_dev5 - type: c6xxvf,  inst_id: 2,"
                    + "  node_id: 0,  bsf: 0000:3d:01.2,  #accel: 1 #engines: 1 state: down\n"));

            String journal = Shell.run(nas, JOURNAL).out();
            assertTrue(journal.contains("Processing /etc/c6xxvf_dev2.conf\nIoctl failed\n"
                    + "QAT Error: Failed to load config data to device\nFailed to configure qat_dev5\n"), journal);
            assertTrue(!journal.contains("enough rings"), journal);
            assertEquals("Finished qat.service - QAT service.\n", Shell.run(nas, "journalctl -u qat -n 1 -o cat").out());
            assertTrue(Shell.run(nas, "journalctl -u qat.service --no-pager").out().lines()
                    .anyMatch(l -> l.matches("[A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d:\\d\\d nas qat_service\\[\\d+\\]: Ioctl failed")));

            String dmesg = Shell.run(nas, "dmesg").out();
            assertTrue(dmesg.contains("] Don't have enough rings for instance ZFS_DC in process KERNEL_QAT\n"), dmesg);
            assertTrue(dmesg.contains("] c6xxvf 0000:3d:01.2: Failed to create rings for dc\n"), dmesg);
            assertTrue(dmesg.contains("] c6xxvf 0000:3d:01.2: Failed to config device\n"), dmesg);
            assertTrue(!dmesg.contains("Failed to configure") && !dmesg.contains("Processing /etc"), dmesg);
        }
    }

    @Test
    void theDriverReleaseIsInSysfsWhileTheModuleIsLoaded() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("broken"))) {
            assertEquals("4.8.0\n", Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/module/intel_qat/version").out());
            assertEquals(0, Shell.run(nas, "systemctl stop qat").rc());
            assertEquals(1, Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/module/intel_qat/version").rc());
            assertEquals(0, Shell.run(nas, "systemctl start qat").rc());
            assertEquals("4.8.0\n", Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/module/intel_qat/version").out());
        }
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("dh8950"))) {
            assertEquals("4.28.0\n", Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/module/intel_qat/version").out());
        }
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("no-qat"))) {
            // no driver of Intel's, but the kernel's own intel_qat is loaded for the CPU's Gen 4 endpoint
            // (MODULE_VERSION ADF_DRV_VERSION, drivers/crypto/intel/qat/qat_common/adf_common_drv.h)
            assertEquals("0.6.0\n", Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/module/intel_qat/version").out());
            assertEquals("-- No entries --\n", Shell.run(nas, JOURNAL).out());
        }
    }

    @Test
    void journalctlRefusesWhatItDoesNotSimulate() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            assertEquals(1, Shell.run(nas, "journalctl -k").rc());
            assertEquals(1, Shell.run(nas, "journalctl -u qat -n x").rc());
            assertEquals("-- No entries --\n", Shell.run(nas, "journalctl -u ssh.service").out());
        }
    }
}
