package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The zpool stand-in's {@code set} of the Z.I.A. properties: kept, refused as zpool refuses, kept over a reboot. */
class ZpoolSetTest {

    private static Map<String, String> zia(SimulatedNas nas) {
        Shell.Result r = Shell.run(nas, "zpool get -H -p -o name,property,value,source all tank");
        assertEquals(0, r.rc(), r.err());
        return r.out().lines().map(l -> l.split("\t")).filter(f -> f[1].startsWith("zia_"))
                .collect(Collectors.toMap(f -> f[1], f -> f[2] + " " + f[3]));
    }

    @Test
    void aSetIsReadBackAndAReconstructionTurnsChecksumsOn() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withZia(true))) {
            assertEquals("off default", zia(nas).get("zia_checksum"));
            assertEquals(0, Shell.run(nas, "zpool set zia_provider=zia-software-provider tank").rc());
            Shell.Result rec = Shell.run(nas, "zpool set zia_raidz2_rec=on tank");
            assertEquals(0, rec.rc(), rec.err());
            assertEquals("", rec.out() + rec.err());
            Map<String, String> after = zia(nas);
            assertEquals("zia-software-provider local", after.get("zia_provider"));
            assertEquals("on local", after.get("zia_raidz2_rec"));
            assertEquals("on local", after.get("zia_checksum"));
            assertEquals("off default", after.get("zia_raidz1_rec"));
            assertEquals(0, Shell.run(nas, "zpool set zia_raidz1_rec=off tank").rc());
            after = zia(nas);
            assertEquals("off local", after.get("zia_raidz1_rec"), "set, even to the default: local, as zfs says");
            nas.reboot();
            assertEquals(after, zia(nas), "pool properties live on the pool's disks");
        }
    }

    @Test
    void whatZpoolRefusesItRefusesInZpoolsWords() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("broken").withZia(true))) {
            Map<String, String> before = zia(nas);
            assertRefused(nas, "zpool set zia_available=no tank", "cannot set property for 'tank': 'zia_available' is readonly\n");
            assertRefused(nas, "zpool set zia_compress=yes tank",
                    "cannot set property for 'tank': 'zia_compress' must be one of 'on | off'\n");
            assertRefused(nas, "zpool set zia_provider=qat tank",
                    "cannot set property for 'tank': provider 'qat' is not registered with dpusm\n");
            assertRefused(nas, "zpool set zia_bogus=on tank", "cannot set property for 'tank': invalid property 'zia_bogus'\n");
            assertRefused(nas, "zpool set zia_compress=on nope", "cannot open 'nope': no such pool\n");
            Shell.Result usage = Shell.run(nas, "zpool set zia_compress=on");
            assertEquals(2, usage.rc());
            assertTrue(usage.err().startsWith("missing pool name\nusage:\n"), usage.err());
            assertEquals(before, zia(nas));
        }
        try (SimulatedNas plain = SimulatedNas.start(SimOptions.driven("c62x"))) {
            assertRefused(plain, "zpool set zia_compress=on tank", "cannot set property for 'tank': invalid property 'zia_compress'\n");
        }
    }

    private static void assertRefused(SimulatedNas nas, String command, String message) {
        Shell.Result r = Shell.run(nas, command);
        assertEquals(1, r.rc(), command);
        assertEquals(message, r.err(), command);
        assertEquals("", r.out(), command);
    }
}
