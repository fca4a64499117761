package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.sim.NamedFault;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/** {@code qatwb sim}'s options that need no running simulator: the fault list and the refusals. */
class SimCommandTest {

    @Test
    void faultListPrintsEachFaultWithOneLineAndExitsZero() {
        CliRun r = CliRun.of("sim", "--fault", "list");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(NamedFault.ALL.size(), lines.size(), r.out());
        for (String name : List.of("refuse-vf-at-boot", "rollback-fails-at-boot", "no-return", "slow-boot[=SECONDS]")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(name + " ") && l.substring(name.length()).strip().length() > 10),
                    name + " in " + r.out());
        }
        assertEquals("", r.err());
    }

    @Test
    void anUnknownFaultOrParameterBehaviourIsAUsageErrorOnOneLine() {
        CliRun fault = CliRun.of("sim", "--fault", "melt-down");
        assertEquals(ExitCodes.USAGE, fault.exit());
        assertTrue(fault.oneLineError(), fault.err());
        assertTrue(fault.err().contains("unknown fault 'melt-down'; 'qatwb sim --fault list' lists them"), fault.err());

        CliRun value = CliRun.of("sim", "--fault", "no-return=3");
        assertEquals(ExitCodes.USAGE, value.exit(), "no-return takes no value");

        CliRun params = CliRun.of("sim", "--params-at-boot", "sometimes");
        assertEquals(ExitCodes.USAGE, params.exit());
        assertTrue(params.oneLineError(), params.err());
        assertTrue(params.err().contains("--params-at-boot must be source or forced-one, not 'sometimes'"), params.err());
    }

    @Test
    void faultsArmedBySimWaitForTheRebootTheyTarget() throws Exception {
        List<NamedFault.Armed> armed = List.of(NamedFault.parse("refuse-vf-at-boot").orElseThrow());
        try (SimulatedNas nas = SimCommand.startArmed(SimOptions.driven("c62x").withDownTime(Duration.ZERO), armed)) {
            String down = SimShell.run(nas, "adf_ctl status | grep -c 'state: down'").out();
            assertEquals("0\n", down, "the first boot is not the one it is aimed at");
            // on the NAS, outside any SSH session (the one that asks would be cut as the NAS goes down)
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", "systemctl reboot");
            pb.environment().clear();
            pb.environment().putAll(nas.environment());
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.start().waitFor();
            assertTrue(nas.awaitBoots(2, Duration.ofSeconds(120)));
            assertEquals("1\n", SimShell.run(nas, "adf_ctl status | grep -c 'state: down'").out(), "one VF refused");
        }
    }

    /** --zfs-first boots the profile as root on ZFS does: zfs.ko first, so ZFS holds no QAT device after the boot. */
    @Test
    void zfsFirstBootsZfsBeforeQatSoNothingHoldsQat() {
        SimCommand plain = new SimCommand();
        new picocli.CommandLine(plain).parseArgs();
        assertEquals(null, plain.options().qatUpAtZfsLoad(), "the profile's own order");
        SimCommand first = new SimCommand();
        new picocli.CommandLine(first).parseArgs("--zfs-first");
        SimOptions options = first.options();
        assertEquals(Boolean.FALSE, options.qatUpAtZfsLoad());
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withQatUpAtZfsLoad(options.qatUpAtZfsLoad()))) {
            assertEquals("0", SimShell.run(nas, "adf_ctl restart >/dev/null 2>&1; echo $?").out().strip(),
                    "the driver stops and starts the devices: ZFS holds none");
        }
    }

    @Test
    void aBootFaultOnAProfileWithoutQatIsAUsageError() {
        CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> SimCommand.startArmed(
                SimOptions.driven("no-qat"), List.of(NamedFault.parse("refuse-vf-at-boot").orElseThrow())));
        assertEquals(ExitCodes.USAGE, e.exitCode());
    }
}
