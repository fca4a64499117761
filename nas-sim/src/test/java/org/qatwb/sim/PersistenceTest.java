package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.model.persist.InitScript;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.zfs.ZfsParam;

/**
 * "Keep after reboot" on the simulated NAS: systemctl's unit verbs, TrueNAS's midclt and its init
 * scripts, and a reboot that forces the parameters to 1 and then runs what keeps them at 0.
 */
class PersistenceTest {

    private static final String PARAMS = "\"$QATWB_ROOT\"/sys/module/zfs/parameters/";
    private static final String UNITS = "\"$QATWB_ROOT\"/etc/systemd/system/";

    private static String param(SimulatedNas nas, String name) {
        return Shell.run(nas, "cat " + PARAMS + "zfs_qat_" + name + "_disable").out();
    }

    private static void writeUnit(SimulatedNas nas, String text) {
        Shell.Result r = Shell.run(nas, "cat > " + UNITS + ZfsQatUnit.NAME, text);
        assertEquals(0, r.rc(), r.err());
    }

    @Test
    void systemctlEnablesDisablesAndReloadsUnitsAsSystemdDoes() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            Shell.Result missing = Shell.run(nas, "systemctl enable " + ZfsQatUnit.NAME);
            assertEquals(1, missing.rc());
            assertEquals("Failed to enable unit: Unit file qatwb-zfs-qat.service does not exist.\n", missing.err());
            assertEquals("Failed to get unit file state for qatwb-zfs-qat.service: No such file or directory\n",
                    Shell.run(nas, "systemctl is-enabled " + ZfsQatUnit.NAME).err());

            writeUnit(nas, ZfsQatUnit.text(EnumSet.of(ZfsParam.COMPRESS)));
            assertEquals("disabled\n", Shell.run(nas, "systemctl is-enabled " + ZfsQatUnit.NAME).out());
            assertEquals(0, Shell.run(nas, "systemctl daemon-reload").rc());
            assertEquals(ZfsQatUnit.text(EnumSet.of(ZfsParam.COMPRESS)),
                    Files.readString(nas.root().resolve(".sim/state/systemd/" + ZfsQatUnit.NAME)), "what systemd loaded");
            Shell.Result enable = Shell.run(nas, "systemctl enable " + ZfsQatUnit.NAME);
            assertEquals(0, enable.rc(), enable.err());
            assertEquals("Created symlink /etc/systemd/system/multi-user.target.wants/qatwb-zfs-qat.service"
                    + " -> /etc/systemd/system/qatwb-zfs-qat.service.\n", enable.err());
            Path link = nas.root().resolve("etc/systemd/system/multi-user.target.wants/" + ZfsQatUnit.NAME);
            assertEquals(Path.of(ZfsQatUnit.PATH), Files.readSymbolicLink(link));
            assertEquals("enabled\n", Shell.run(nas, "systemctl is-enabled " + ZfsQatUnit.NAME).out());

            nas.faults().readOnlyEtc(true);
            try {
                Shell.Result ro = Shell.run(nas, "systemctl disable " + ZfsQatUnit.NAME);
                assertEquals(1, ro.rc());
                assertEquals("Failed to disable unit: Read-only file system\n", ro.err());
            } finally {
                nas.faults().readOnlyEtc(false);
            }
            Shell.Result disable = Shell.run(nas, "systemctl disable " + ZfsQatUnit.NAME);
            assertEquals(0, disable.rc(), disable.err());
            assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS));
            assertEquals("disabled\n", Shell.run(nas, "systemctl is-enabled " + ZfsQatUnit.NAME).out());
            assertEquals("active\n", Shell.run(nas, "systemctl is-active qat").out(), "qat.service as before");
        }
    }

    @Test
    void midcltAndEtcVersionComeOnlyWithTrueNas() throws Exception {
        try (SimulatedNas c62x = SimulatedNas.start(SimOptions.driven("c62x"))) {
            assertEquals(127, Shell.run(c62x, "command -v midclt >/dev/null || exit 127").rc());
            assertFalse(Files.exists(c62x.root().resolve("etc/version")));
        }
        try (SimulatedNas asTrueNas = SimulatedNas.start(SimOptions.driven("c62x").withTrueNas(true))) {
            assertEquals(0, Shell.run(asTrueNas, "command -v midclt >/dev/null").rc());
            assertEquals("24.04.2\n", Files.readString(asTrueNas.root().resolve("etc/version")));
        }
        try (SimulatedNas dh = SimulatedNas.start(SimOptions.driven("dh8950"))) {
            assertEquals(0, Shell.run(dh, "command -v midclt >/dev/null").rc(), "dh8950 is TrueNAS SCALE");
        }
        try (SimulatedNas debian = SimulatedNas.start(SimOptions.driven("dh8950").withTrueNas(false))) {
            assertEquals(127, Shell.run(debian, "command -v midclt >/dev/null || exit 127").rc());
            assertFalse(Files.exists(debian.root().resolve("etc/version")));
        }
    }

    @Test
    void midcltKeepsInitScriptsAndRefusesAsTheMiddlewareDoes(@TempDir Path state) {
        SimOptions options = SimOptions.driven("dh8950").withStateDir(state);
        String json = InitScript.forParams(EnumSet.of(ZfsParam.COMPRESS)).json();
        try (SimulatedNas nas = SimulatedNas.start(options)) {
            assertEquals("[]\n", Shell.run(nas, "midclt call initshutdownscript.query").out());
            Shell.Result created = Shell.run(nas, "midclt call initshutdownscript.create '" + json + "'");
            assertEquals(0, created.rc(), created.err());
            assertEquals("{\"id\": 1, \"type\": \"COMMAND\", \"command\": \"echo 0 >"
                    + " /sys/module/zfs/parameters/zfs_qat_compress_disable\", \"script_text\": null, \"script\": null,"
                    + " \"when\": \"POSTINIT\", \"enabled\": true, \"timeout\": 10, \"comment\": \"" + InitScript.COMMENT
                    + "\"}\n", created.out());
            assertEquals(0, Shell.run(nas, "midclt call initshutdownscript.create"
                    + " '{\"type\": \"COMMAND\", \"command\": \"true\", \"when\": \"SHUTDOWN\"}'").rc());
            Shell.Result ours = Shell.run(nas, "midclt call initshutdownscript.query '" + InitScript.QUERY_FILTER + "'");
            assertEquals("[" + created.out().strip() + "]\n", ours.out());

            Shell.Result bad = Shell.run(nas, "midclt call initshutdownscript.create '{\"type\": \"COMMAND\", \"when\": \"POSTINIT\"}'");
            assertEquals(1, bad.rc());
            assertEquals("[EINVAL] init_shutdown_script_create.command: This field is required\n", bad.err());
            assertEquals(1, Shell.run(nas, "midclt call initshutdownscript.delete 9").rc());
            assertEquals(1, Shell.run(nas, "midclt call system.reboot").rc());
            Shell.Result off = Shell.run(nas, "midclt call initshutdownscript.update 1 '{\"enabled\": false}'");
            assertTrue(off.out().contains("\"enabled\": false"), off.out());
        }
        try (SimulatedNas again = SimulatedNas.start(options)) {
            assertTrue(Shell.run(again, "midclt call initshutdownscript.query").out().startsWith("[{\"id\": 1,"),
                    "kept across a restart, as the middleware's database is");
            assertEquals("true\n", Shell.run(again, "midclt call initshutdownscript.delete 1").out());
            assertEquals("[]\n", Shell.run(again, "midclt call initshutdownscript.query '" + InitScript.QUERY_FILTER + "'").out());
        }
    }

    @Test
    void aRebootForcesTheParametersToOneAndAnEnabledUnitWritesZeroAfterQat() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("dh8950").withTrueNas(false))) {
            assertEquals("1\n", param(nas, "compress"), "zfs.ko loaded before qat.service");
            assertEquals(0, Shell.run(nas, "echo 0 | tee " + PARAMS + "zfs_qat_checksum_disable").rc());
            writeUnit(nas, ZfsQatUnit.text(EnumSet.of(ZfsParam.COMPRESS, ZfsParam.ENCRYPT)));
            nas.reboot();
            assertEquals("1\n", param(nas, "compress"), "a unit that is not enabled does not run");
            assertEquals("1\n", param(nas, "checksum"), "a value set by hand is gone after a reboot");

            assertEquals(0, Shell.run(nas, "systemctl enable " + ZfsQatUnit.NAME).rc());
            nas.reboot();
            assertEquals("0\n", param(nas, "compress"));
            assertEquals("1\n", param(nas, "checksum"));
            assertEquals("0\n", param(nas, "encrypt"));
            assertFalse(Shell.run(nas, "dmesg").out().contains("Stopping"), "a new boot, a new kernel log");
        }
    }

    @Test
    void onTrueNasAnEnabledPostinitScriptWritesZeroAtBoot() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("dh8950"))) {
            String json = InitScript.forParams(EnumSet.of(ZfsParam.CHECKSUM)).json();
            assertEquals(0, Shell.run(nas, "midclt call initshutdownscript.create '" + json + "'").rc());
            nas.reboot();
            assertEquals("1\n", param(nas, "compress"));
            assertEquals("0\n", param(nas, "checksum"));
            assertEquals(0, Shell.run(nas, "midclt call initshutdownscript.update 1 '{\"enabled\": false}'").rc());
            nas.reboot();
            assertEquals("1\n", param(nas, "checksum"));
        }
    }

    @Test
    void whereQatCannotStartTheUnitRunsAndTheKernelRefuses() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("broken"))) {
            writeUnit(nas, ZfsQatUnit.text(EnumSet.allOf(ZfsParam.class)));
            assertEquals(0, Shell.run(nas, "systemctl enable " + ZfsQatUnit.NAME).rc());
            nas.reboot();
            assertEquals("1\n", param(nas, "compress"), "EPERM: ENABLE_KAPI is off, QAT init fails");
        }
    }
}
