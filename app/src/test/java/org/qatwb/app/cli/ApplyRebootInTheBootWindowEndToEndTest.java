package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.testing.QatFileSet;

/**
 * The "Done when" through the real CLI on the c62x NAS as it boots with stock units: zfs.ko,
 * then qat.service, then the boot check, then the administrator's qatwb-zfs-qat.service that gives
 * ZFS its QAT. The NAS reboots itself when the agent asks (the simulator's systemctl reboot); the
 * boot check is the unit the agent installed, run by the simulated boot.
 */
class ApplyRebootInTheBootWindowEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** c6xxvf_dev4.conf's device: the fifth VF of the first PF. */
    private static final String DEV_CFG = "sys/kernel/debug/qat_c6xxvf_0000:3d:01.4/dev_cfg";

    @TempDir
    Path dir;

    /** The NAS's layout with c6xxvf_dev4's instances on core 41 (a VF's one bank: both on one core). */
    private Path edited(SimulatedNas nas) throws IOException {
        ObjectNode doc = (ObjectNode) NasCommandsEndToEndTest.cli("layout", nas).json();
        ((ObjectNode) doc.at("/devices/5/sections/0/cy/0")).put("coreAffinity", 41);
        ((ObjectNode) doc.at("/devices/5/sections/0/dc/0")).put("coreAffinity", 41);
        Path f = Files.createTempFile(dir, "layout", ".json");
        Files.writeString(f, JSON.writeValueAsString(doc));
        return f;
    }

    private static CliRun reboot(SimulatedNas nas, Path layout) {
        return NasCommandsEndToEndTest.cli("apply", nas, layout.toString(), "--reboot", "--yes", "--reboot-timeout", "120");
    }

    @Test
    void aVfTheDriverRefusesAtBootEndsWithTheOldFilesBackQatUpOnThemAndExitOne() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            QatFileSet before = QatFileSet.read(nas.root());
            String devCfgBefore = Files.readString(nas.root().resolve(DEV_CFG));
            Path f = edited(nas);
            nas.faults().refuseVfAtNextBoot();

            CliRun run = reboot(nas, f);

            assertEquals(1, run.exit(), run.err());
            assertEquals("rolled-back", run.json().get("bootCheck").get("outcome").asText(), run.out());
            assertTrue(QatFileSet.read(nas.root()).sameAs(before), "the old files back byte for byte: "
                    + before.differences(QatFileSet.read(nas.root())));
            assertEveryDeviceUp(nas);
            assertEquals(devCfgBefore, Files.readString(nas.root().resolve(DEV_CFG)), "the driver runs the old values");
            assertZfsHoldsQat(nas);
        }
    }

    @Test
    void withoutTheFaultTheNasRunsTheNewLayoutExitZero() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            String devCfgBefore = Files.readString(nas.root().resolve(DEV_CFG));
            Path f = edited(nas);

            CliRun run = reboot(nas, f);

            assertEquals(0, run.exit(), run.err());
            assertEquals("booted", run.json().get("transaction").get("state").asText(), run.out());
            assertTrue(Files.readString(nas.root().resolve("etc/c6xxvf_dev4.conf")).contains("Dc0CoreAffinity = 41"));
            String devCfg = Files.readString(nas.root().resolve(DEV_CFG));
            assertNotEquals(devCfgBefore, devCfg);
            assertTrue(devCfg.contains("Dc0CoreAffinity = 41"), "the driver runs the new values: " + devCfg);
            assertEveryDeviceUp(nas);
            assertZfsHoldsQat(nas);
        }
    }

    private static void assertEveryDeviceUp(SimulatedNas nas) throws Exception {
        List<String> devices = adfCtlStatus(nas).lines().filter(l -> l.contains("state: ")).toList();
        assertEquals(51, devices.size(), String.join("\n", devices));
        assertTrue(devices.stream().allMatch(l -> l.endsWith("state: up")), String.join("\n", devices));
    }

    private static String adfCtlStatus(SimulatedNas nas) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", "adf_ctl status").redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(nas.environment());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    /** The params unit ran after the boot check: every parameter 0 and the three PFs held (one reference each). */
    private static void assertZfsHoldsQat(SimulatedNas nas) throws IOException {
        for (ZfsParam p : ZfsParam.values()) {
            assertEquals("0\n", Files.readString(nas.root().resolve("sys/module/zfs/parameters/" + p.sysfsName())));
        }
        assertEquals("3\n", Files.readString(nas.root().resolve("sys/module/qat_c62x/refcnt")), "ZFS holds QAT again");
    }
}
