package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The zpool stand-in's Z.I.A. properties as the hpc/zfs fork keeps them: read back with source
 * local, refused in zpool's words, lost at export/import, reboot and module reload.
 */
class ZpoolSetTest {

    private static final String NO_PROVIDER = "cannot set property for 'tank': given provider does not exist\n";

    private static Map<String, String> zia(SimulatedNas nas) {
        Shell.Result r = Shell.run(nas, "zpool get -H -p -o name,property,value,source all tank");
        assertEquals(0, r.rc(), r.err());
        return r.out().lines().map(l -> l.split("\t")).filter(f -> f[1].startsWith("zia_"))
                .collect(Collectors.toMap(f -> f[1], f -> f[2] + " " + f[3]));
    }

    @Test
    void aSetIsReadBackAndAReconstructionTurnsChecksumsOn() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withZia(true))) {
            assertEquals("off local", zia(nas).get("zia_checksum"), "local whether set or not (spa_prop_get_config)");
            assertEquals("- default", zia(nas).get("zia_provider"));
            assertEquals(0, Shell.run(nas, "zpool set zia_provider=zia_software_provider tank").rc(),
                    "encryption on tank is not zpool's business: the fork refuses nothing");
            Shell.Result rec = Shell.run(nas, "zpool set zia_raidz2_rec=on tank");
            assertEquals(0, rec.rc(), rec.err());
            assertEquals("", rec.out() + rec.err());
            Map<String, String> after = zia(nas);
            assertEquals("zia_software_provider local", after.get("zia_provider"));
            assertEquals("on local", after.get("zia_raidz2_rec"));
            assertEquals("on local", after.get("zia_checksum"));
            assertEquals(0, Shell.run(nas, "zpool set zia_provider=off tank").rc());
            assertEquals("- default", zia(nas).get("zia_provider"), "off unsets");
        }
    }

    @Test
    void exportImportRebootAndModuleReloadLoseEveryProperty() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withZia(true))) {
            Map<String, String> fresh = zia(nas);
            String on = "zpool set zia_provider=zia_software_provider tank; zpool set zia_compress=on tank";
            assertEquals(0, Shell.run(nas, on).rc());
            assertEquals(0, Shell.run(nas, "zpool export tank").rc());
            assertEquals("", Shell.run(nas, "zpool list -H -o name").out(), "exported: gone");
            assertEquals(1, Shell.run(nas, "zpool set zia_compress=on tank").rc());
            assertEquals(0, Shell.run(nas, "zpool import tank").rc());
            assertEquals(fresh, zia(nas), "imported: all off again");
            assertEquals(0, Shell.run(nas, on).rc());
            nas.reboot();
            assertEquals(fresh, zia(nas), "rebooted: all off again");
            assertEquals(0, Shell.run(nas, on).rc());
            nas.reloadZfsModule();
            assertEquals(fresh, zia(nas), "module reloaded: all off again");
        }
    }

    @Test
    void aProviderFailsWhenDpusmWasNotLoadedAsZfsLoadedUntilZfsIsReloaded() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withZia(true))) {
            assertTrue(Files.isDirectory(nas.root().resolve("sys/module/dpusm")));
            nas.dpusm(false);
            assertFalse(Files.exists(nas.root().resolve("sys/module/dpusm")));
            nas.reloadZfsModule();
            nas.dpusm(true);
            assertRefused(nas, "zpool set zia_provider=zia_software_provider tank", NO_PROVIDER);
            nas.reloadZfsModule();
            assertEquals(0, Shell.run(nas, "zpool set zia_provider=zia_software_provider tank").rc());
        }
    }

    @Test
    void whatZpoolRefusesItRefusesInZpoolsWords() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("broken").withZia(true))) {
            Map<String, String> before = zia(nas);
            assertRefused(nas, "zpool set zia_available=no tank", "cannot set property for 'tank': 'zia_available' is readonly\n");
            assertRefused(nas, "zpool set zia_compress=yes tank",
                    "cannot set property for 'tank': 'zia_compress' must be one of 'on | off'\n");
            assertRefused(nas, "zpool set zia_provider=qat tank", NO_PROVIDER);
            assertRefused(nas, "zpool set zia_provider=none tank", NO_PROVIDER);
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
