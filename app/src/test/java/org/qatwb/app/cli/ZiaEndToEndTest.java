package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.qatwb.model.zia.ZiaHooks;
import org.qatwb.model.zia.ZiaKept;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/**
 * {@code qatwb zia} end to end: the CLI, real SSH, the real agent and the hooks it installs, run by
 * the simulated boot and by the simulated zpool import.
 */
class ZiaEndToEndTest {

    private static CliRun zia(SimulatedNas nas, String sub, String... operands) {
        List<String> args = new ArrayList<>(List.of("zia", sub));
        args.addAll(NasCommandsEndToEndTest.connection(nas));
        args.addAll(List.of(operands));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** What an administrator types on the NAS itself. */
    private static int onTheNas(SimulatedNas nas, String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(nas.environment());
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command);
        return p.exitValue();
    }

    private static JsonNode pool(CliRun run, String name) {
        for (JsonNode p : run.json().get("pools")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no pool " + name + " in " + run.out());
    }

    @Test
    void anOffloadOnAnEncryptedPoolIsRefusedAndChangesNothing() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withZia(true))) {
            CliRun refused = zia(nas, "set", "tank", "zia_compress=on");
            assertEquals(1, refused.exit(), refused.err());
            assertTrue(refused.json().get("refused").asText().contains("encryption or dedup in use"), refused.out());
            assertTrue(refused.err().contains("tank/backup (aes-256-gcm)"), refused.err());
            assertEquals(1, refused.err().lines().count(), "one line: " + refused.err());
            CliRun provider = zia(nas, "set", "tank", "zia_provider=zia_software_provider");
            assertEquals(1, provider.exit(), provider.err());
            CliRun show = zia(nas, "show");
            assertEquals(0, show.exit(), show.err());
            assertEquals("off", pool(show, "tank").get("live").get("zia_compress").asText(), "nothing was set");
            assertEquals("off", pool(show, "tank").get("live").get("zia_provider").asText());
            assertTrue(show.json().get("dpusm").asBoolean());
            CliRun none = zia(nas, "set", "tank", "zia_provider=none");
            assertEquals(1, none.exit());
            assertTrue(none.err().contains("zia_provider=off unsets it"), none.err());
            assertEquals(2, zia(nas, "set", "tank", "zia_bogus=on").exit());
            assertEquals(2, zia(nas, "set", "tank;reboot", "zia_compress=off").exit());
        }
    }

    @Test
    void keptSettingsComeBackAfterARebootAndAnExportImport() throws Exception {
        // broken: tank is clean (no encryption, no dedup); zia_compress and zia_checksum on, no provider
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("broken").withZia(true))) {
            CliRun set = zia(nas, "set", "tank", "zia_provider=zia_software_provider");
            assertEquals(0, set.exit(), set.err());
            assertEquals("ok", set.json().get("status").asText());
            CliRun unasked = zia(nas, "keep", "tank");
            assertEquals(2, unasked.exit(), "no terminal, no --yes: " + unasked.err());
            assertTrue(unasked.err().contains("+++ " + ZiaKept.PATH + "\n@@ -0,0 +1,"), unasked.err());
            assertTrue(unasked.err().contains("\n+tank zia_provider zia_software_provider\n"), unasked.err());
            assertFalse(Files.exists(nas.root().resolve(ZiaKept.PATH.substring(1))), "nothing written");
            CliRun keep = zia(nas, "keep", "--yes", "tank");
            assertEquals(0, keep.exit(), keep.err());
            assertTrue(keep.json().get("inSync").asBoolean(), keep.out());
            assertTrue(keep.json().get("hooks").get("boot").asBoolean(), keep.out());
            assertTrue(keep.json().get("hooks").get("import").asBoolean(), keep.out());
            assertEquals("zia_software_provider", pool(keep, "tank").get("kept").get("zia_provider").asText());
            String kept = Files.readString(nas.root().resolve(ZiaKept.PATH.substring(1)));
            assertTrue(kept.contains("tank zia_provider zia_software_provider\ntank zia_compress on\n"), kept);
            Path zedlet = nas.root().resolve(ZiaHooks.ZEDLET.substring(1));
            assertTrue(Files.isExecutable(zedlet));

            nas.reboot();
            CliRun afterReboot = zia(nas, "show");
            assertEquals(0, afterReboot.exit(), afterReboot.err() + afterReboot.out());
            assertTrue(afterReboot.json().get("inSync").asBoolean(), afterReboot.out());
            JsonNode live = pool(afterReboot, "tank").get("live");
            assertEquals("zia_software_provider", live.get("zia_provider").asText(), "re-applied at boot");
            assertEquals("on", live.get("zia_compress").asText());
            assertEquals("on", live.get("zia_checksum").asText());

            assertEquals(0, onTheNas(nas, "zpool export tank && zpool import tank"));
            CliRun afterImport = zia(nas, "show");
            assertEquals(0, afterImport.exit(), afterImport.out());
            assertEquals("zia_software_provider", pool(afterImport, "tank").get("live").get("zia_provider").asText(),
                    "re-applied by the zedlet after the import");

            // without the hooks the fork's loss shows as drift, and reapply sets it again
            Files.delete(zedlet);
            assertEquals(0, onTheNas(nas, "zpool export tank && zpool import tank"));
            CliRun drift = zia(nas, "show");
            assertEquals(1, drift.exit(), drift.out());
            assertFalse(drift.json().get("inSync").asBoolean());
            assertEquals("zia_provider", pool(drift, "tank").get("drift").get(0).get("property").asText(), drift.out());
            assertFalse(drift.json().get("hooks").get("import").asBoolean());
            CliRun reapply = zia(nas, "reapply", "tank");
            assertEquals(0, reapply.exit(), reapply.err() + reapply.out());
            assertTrue(reapply.json().get("inSync").asBoolean(), reapply.out());
        }
    }

    @Test
    void anUnknownProviderIsShownAsTheForkSaysItWithWhy() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("broken").withZia(true))) {
            CliRun r = zia(nas, "set", "tank", "zia_provider=qat_provider");
            assertEquals(1, r.exit(), r.err());
            assertTrue(r.err().contains("cannot set property for 'tank': given provider does not exist ("), r.err());
            assertTrue(r.err().contains("dpusm was not loaded when zfs.ko loaded"), r.err());
        }
    }
}
