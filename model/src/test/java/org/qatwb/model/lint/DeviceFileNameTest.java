package org.qatwb.model.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The device a conf file is for, from its name: {@code <type>_dev<N>.conf}, {@code <type>vf_dev<N>.conf}. */
class DeviceFileNameTest {

    @ParameterizedTest
    @CsvSource({
            "c6xx_dev1.conf, c6xx, c6xx, false, 1",
            "/etc/c6xxvf_dev17.conf, c6xxvf, c6xxvf, true, 17",
            "dh895xccvf_dev31.conf, dh895xccvf, dh895xccvf, true, 31",
            "4xxx_dev0.conf, 4xxx, 4xxx, false, 0",
            "c6xxpf_dev0.conf, c6xxpf, c6xx, false, 0",
            "intel_QAT.L.4.24.0_c6xxvf_dev0.conf.vm.km, c6xxvf, c6xxvf, true, 0",
            "QAT_Engine_c6xx_multi_process_c6xx_dev0.conf, c6xx, c6xx, false, 0",
            "C:\\\\backup\\\\d15xx_dev2.conf, d15xx, d15xx, false, 2"})
    void readsTypeVfAndInstIdFromTheName(String path, String type, String driverType, boolean vf, int instId) {
        DeviceFileName n = DeviceFileName.of(path).orElseThrow();
        assertEquals(type, n.device().type());
        assertEquals(driverType, n.device().driverType());
        assertEquals(vf, n.device().vf());
        assertEquals(instId, n.instId());
        assertTrue(n.device().model().isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"qat.conf", "c6xx.conf", "c9xx_dev0.conf", "c6xx_devX.conf", "blacklist-qat-vfs.conf", ""})
    void nearMissNamesThatNameNoKnownDevice(String path) {
        assertEquals(Optional.empty(), DeviceFileName.of(path));
    }

    @Test
    void onlyExactNamesAreWhatTheDriverReads() {
        assertTrue(DeviceFileName.isDriverFileName("c6xxvf_dev47.conf"));
        assertFalse(DeviceFileName.isDriverFileName("c6xx_dev0.conf.km"));
        assertFalse(DeviceFileName.isDriverFileName("c6xx_dev0.conf.bak"));
        assertFalse(DeviceFileName.isDriverFileName("my_c6xx_dev0.conf"));
        assertFalse(DeviceFileName.isDriverFileName("c9xx_dev0.conf"));
        assertFalse(DeviceFileName.isDriverFileName("c6xxpf_dev0.conf"), "Intel's SR-IOV PF template");
        assertTrue(DeviceFileName.of("c6xxpf_dev0.conf").isPresent(), "but linted alone it is a C62x PF");
    }

    @Test
    void vfsPairWithTheirPfByInstIdAndVfsPerPf() {
        DeviceFileName vf = DeviceFileName.of("c6xxvf_dev17.conf").orElseThrow();
        int pfInst = vf.instId() / vf.device().model().orElseThrow().vfsPerPf();
        assertEquals(1, pfInst);
        assertEquals(1, vf.device().banks());
        assertEquals(16, DeviceFileName.of("c6xx_dev1.conf").orElseThrow().device().banks());
    }
}
