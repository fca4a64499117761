package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qatwb.model.adf.AdfStatus;
import org.qatwb.model.adf.AdfStatusParser;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.devcfg.DevCfg;
import org.qatwb.model.devcfg.DevCfgExpectation;
import org.qatwb.model.devcfg.DevCfgMismatch;
import org.qatwb.model.devcfg.DevCfgParser;

/**
 * Each device's debugfs dev_cfg as the simulated driver writes it (adf_cfg_dev_dbg.c), read back
 * with the product's parser and compared with the product's expectation of the same conf file:
 * two readings of the driver's source that must agree.
 */
class DevCfgTest {

    @Test
    void everyUpDeviceShowsWhatItsFileSaysAndTheKernelsOwnKeys() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            AdfStatus status = AdfStatusParser.parse(Shell.run(nas, "adf_ctl status").out());
            List<DevCfgMismatch> all = new ArrayList<>();
            int keys = 0;
            for (QatDevice d : status.devices()) {
                Path file = nas.root().resolve("sys/kernel/debug/qat_" + d.type() + "_" + d.bsf() + "/dev_cfg");
                DevCfg loaded = DevCfgParser.parse(Files.readString(file));
                List<DevCfgExpectation.Line> lines = DevCfgExpectation.of(d.bsf(),
                        ConfDocument.parse(Files.readAllBytes(nas.root().resolve(d.confPath().substring(1)))));
                keys += lines.size();
                all.addAll(new DevCfgExpectation(lines).compare(Map.of(d.bsf(), loaded)));
                // adf_cfg_cleanup_general_section: ConfigVersion gone, FirstUserBundle added
                assertFalse(loaded.value("GENERAL", "ConfigVersion").isPresent(), d.name());
                assertTrue(loaded.value("GENERAL", "FirstUserBundle").isPresent(), d.name());
            }
            assertEquals(List.of(), all);
            assertTrue(keys > 51 * 5, "compared " + keys + " keys");
        }
    }

    @Test
    void aDeviceThatGoesDownKeepsAnEmptyDevCfgAndUnloadingTheDriverRemovesIt() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            Path file = nas.root().resolve("sys/kernel/debug/qat_c6xxvf_0000:3d:01.0/dev_cfg");
            assertFalse(Files.readString(file).isEmpty());
            assertEquals(0, Shell.run(nas, "adf_ctl qat_dev3 down").rc());
            assertEquals("", Files.readString(file));
            assertEquals(0, Shell.run(nas, "sudo -n systemctl stop qat").rc());
            assertFalse(Files.exists(file));
            assertEquals(0, Shell.run(nas, "systemctl start qat").rc());
        }
    }
}
