package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.qatwb.model.irq.IrqbalancePolicy;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/**
 * {@code qatwb irq pin} against a simulated NAS that runs irqbalance (its stand-in moves every QAT
 * VF interrupt it has not banned at each 10 s interval, and asks the policy script as irqbalance
 * does): a pin survives irqbalance only with qatwb's ban, across a reboot too, and
 * {@code irq pin VF none} gives irqbalance's file back byte for byte.
 */
class IrqbalanceEndToEndTest {

    private static final String VF = "0000:3d:01.0";
    private static final String NAME = "qat_3d:01.00";

    private static CliRun irq(SimulatedNas nas, String sub, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("irq", sub));
        args.addAll(NasCommandsEndToEndTest.connection(nas, more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static int cpuOf(SimulatedNas nas) {
        CliRun run = irq(nas, "list");
        assertEquals(0, run.exit(), run.err());
        for (JsonNode i : run.json().get("interrupts")) {
            if (i.get("name").asText().equals(NAME)) {
                return i.get("effectiveCpu").asInt();
            }
        }
        throw new AssertionError("no " + NAME + ": " + run.out());
    }

    @Test
    void aPinSurvivesIrqbalanceOnlyWithTheBanAndNoneUndoesIt() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withIrqbalance(true))) {
            Path env = nas.root().resolve("etc/default/irqbalance");
            String original = Files.readString(env);

            // a file qatwb will not edit: the pin is made, with a caution, and irqbalance takes it away
            Files.writeString(env, "IRQBALANCE_ARGS=\"$EXTRA_ARGS\"\n");
            CliRun unbanned = irq(nas, "pin", "--yes", VF, "9");
            assertEquals(0, unbanned.exit(), unbanned.err());
            assertTrue(unbanned.err().contains("qatwb: caution: ") && unbanned.err().contains("edit it by hand"),
                    unbanned.err());
            assertTrue(unbanned.json().get("irqbalanceBan").isNull(), unbanned.out());
            assertEquals(9, cpuOf(nas), "pinned now");
            nas.advance(Duration.ofSeconds(11));
            assertNotEquals(9, cpuOf(nas), "irqbalance moved it at its next interval");

            // a file it can edit: the ban's diff first, then the pin holds through many intervals
            Files.writeString(env, original);
            CliRun pin = irq(nas, "pin", "--yes", VF, "9");
            assertEquals(0, pin.exit(), pin.err());
            assertTrue(pin.err().contains("+IRQBALANCE_ARGS=\"" + IrqbalancePolicy.ARG + "\""), pin.err());
            assertTrue(pin.err().contains("+++ " + IrqbalancePolicy.PATH), pin.err());
            java.util.List<String> steps = new java.util.ArrayList<>();
            pin.json().get("steps").forEach(st -> steps.add(st.get("step").asText() + " " + st.get("status").asText()));
            assertTrue(steps.containsAll(java.util.List.of("irqbalance_policy_write ok", "irqbalance_env_write ok",
                    "irqbalance_restart ok")), steps.toString());
            assertEquals("/etc/default/irqbalance", pin.json().get("irqbalanceBan").get("envFile").asText());
            assertTrue(pin.json().get("irqbalance").asBoolean());
            nas.advance(Duration.ofSeconds(45));
            assertEquals(9, cpuOf(nas), "banned: irqbalance leaves it alone");

            nas.reboot();
            nas.advance(Duration.ofSeconds(45));
            assertEquals(9, cpuOf(nas), "after a reboot: a new IRQ number, pinned by the unit, banned by name");

            CliRun none = irq(nas, "pin", "--yes", VF, "none");
            assertEquals(0, none.exit(), none.err());
            assertEquals(original, Files.readString(env), "irqbalance's file as it was");
            assertFalse(Files.exists(nas.root().resolve(IrqbalancePolicy.PATH.substring(1))));
            assertTrue(none.json().get("pinUnit").isNull(), none.out());
            nas.advance(Duration.ofSeconds(11));
            assertNotEquals(9, cpuOf(nas), "irqbalance balances it again");
        }
    }
}
