package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.sim.NamedFault;

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
}
