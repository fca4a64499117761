package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/**
 * {@code qatwb irq list|pin} end to end: the CLI, real SSH, the real agent, the simulated NAS's
 * kernel. A VF's interrupt, hinted by the driver to a CPU of the other node, is pinned to a CPU of
 * the card's node: delivered there at once, its counts move there, and a reboot (new IRQ numbers,
 * the driver's hint again) finds it pinned again by the boot unit.
 */
class IrqEndToEndTest {

    /** {@code qatwb irq SUB CONNECTION ARGS...}. */
    private static CliRun cli(String irq, SimulatedNas nas, String sub, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(irq, sub));
        args.addAll(NasCommandsEndToEndTest.connection(nas, more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The VF IRQ delivered to {@code cpu}. */
    private static JsonNode irqOn(JsonNode list, int cpu) {
        for (JsonNode i : list.get("interrupts")) {
            if (i.get("vf").asBoolean() && i.get("effectiveCpu").asInt() == cpu) {
                return i;
            }
        }
        throw new AssertionError("no VF interrupt on CPU " + cpu + ": " + list);
    }

    private static JsonNode byName(JsonNode list, String name) {
        for (JsonNode i : list.get("interrupts")) {
            if (i.get("name").asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no interrupt " + name + ": " + list);
    }

    private static JsonNode list(SimulatedNas nas) {
        CliRun run = cli("irq", nas, "list");
        assertEquals(0, run.exit(), run.err());
        return run.json();
    }

    @Test
    void aPinnedVfIsDeliveredToItsCpuCountsThereAndIsPinnedAgainAfterAReboot() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            // CPU 20 is node 1's; the card is on node 0 (0-13,28-41)
            JsonNode remote = irqOn(list(nas), 20);
            String bsf = remote.get("bsf").asText();
            String name = remote.get("name").asText();
            int number = remote.get("irq").asInt();

            CliRun pin = cli("irq", nas, "pin", "--yes", bsf, "9");
            assertEquals(0, pin.exit(), pin.err());
            assertTrue(pin.err().contains("+ExecStart=-/bin/sh -c 'cd /proc/irq/*/" + name + "/.. && echo 9 > smp_affinity_list'"),
                    "the unit's diff before the change: " + pin.err());
            assertTrue(pin.json().get("delivered").asBoolean(), pin.out());
            assertEquals(9, byName(pin.json(), name).get("effectiveCpu").asInt());
            assertEquals(bsf, pin.json().get("pins").get(0).get("bsf").asText());

            long before = byName(list(nas), name).get("perCpu").get("9").asLong();
            nas.workload().set("tank/backup", 100, 0);
            nas.advance(Duration.ofSeconds(5));
            JsonNode moved = byName(list(nas), name);
            assertTrue(moved.get("perCpu").get("9").asLong() > before, "its completions now count on CPU 9: " + moved);
            long on20 = moved.get("perCpu").get("20").asLong();
            nas.advance(Duration.ofSeconds(5));
            assertEquals(on20, byName(list(nas), name).get("perCpu").get("20").asLong(), "and no more on CPU 20");

            nas.reboot();
            JsonNode after = list(nas);
            JsonNode again = byName(after, name);
            assertNotEquals(number, again.get("irq").asInt(), "IRQ numbers change across boots");
            assertEquals(9, again.get("effectiveCpu").asInt(), "the boot unit found it by name: " + again);
            assertTrue(irqOn(after, 21).get("vf").asBoolean(), "the others are back on the driver's hint");
            assertTrue(after.get("pinUnit").get("enabled").asBoolean());
            assertEquals(false, after.get("irqbalance").asBoolean(true), "the simulated box runs no irqbalance");
        }
    }

    @Test
    void watchLinesCarryQatInterruptsPerSecondPerCpuFromTheSecondLine() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.demo("c62x"))) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("watch"));
            args.addAll(NasCommandsEndToEndTest.connection(nas, "--interval", "600", "--count", "3"));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exit(), run.err());
            String[] lines = run.out().strip().split("\n");
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            assertTrue(json.readTree(lines[0]).get("interruptRates").isNull(), "no rate for the first sample");
            JsonNode rates = json.readTree(lines[2]).get("interruptRates");
            assertEquals(56, rates.size(), rates.toString());
            double total = 0;
            for (JsonNode r : rates) {
                total += r.asDouble();
            }
            assertTrue(total > 0, "the demo load's completions: " + rates);
        }
    }

    @Test
    void everyValueIsCheckedBeforeItReachesTheNas() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            long execs = nas.execCount();
            assertEquals(2, cli("irq", nas, "pin", "3d:01.0", "9").exit(), "no domain");
            assertEquals(2, cli("irq", nas, "pin", "0000:3d:01.0", "9;reboot").exit());
            assertEquals(2, cli("irq", nas, "pin", "0000:3d:01.0';reboot'", "9").exit());
            assertEquals(execs, nas.execCount(), "refused before connecting");

            CliRun pf = cli("irq", nas, "pin", "0000:3d:00.0", "9");
            assertEquals(1, pf.exit(), pf.err());
            assertTrue(pf.err().contains("is a PF"), pf.err());
            CliRun offline = cli("irq", nas, "pin", "0000:3d:01.0", "56");
            assertEquals(1, offline.exit(), offline.err());
            assertTrue(offline.err().contains("CPU 56 is not online on the NAS (online: 0-55)"), offline.err());
            CliRun absent = cli("irq", nas, "pin", "0000:99:01.0", "9");
            assertEquals(1, absent.exit(), absent.err());
            assertTrue(absent.err().contains("lists no device at 0000:99:01.0"), absent.err());
            CliRun notKept = cli("irq", nas, "pin", "0000:3d:01.0", "none");
            assertEquals(1, notKept.exit(), notKept.err());
            assertEquals(java.util.List.of("qatwb: no pin of qat_3d:01.00 (0000:3d:01.0) is kept"), notKept.err().lines().toList());
            assertEquals(2, cli("irq", nas, "pin", "0000:3d:01.0", "nothing").exit(), "none or digits");
            assertTrue(list(nas).get("pinUnit").isNull(), "nothing was written");
        }
    }

    @Test
    void onTrueNasThePinIsKeptByAnInitScriptNotByAUnit() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withTrueNas(true))) {
            JsonNode remote = irqOn(list(nas), 20);
            String bsf = remote.get("bsf").asText();
            String name = remote.get("name").asText();

            CliRun pin = cli("irq", nas, "pin", "--yes", bsf, "9");
            assertEquals(0, pin.exit(), pin.err());
            assertTrue(pin.err().contains("+++ TrueNAS init script (qatwb: QAT VF interrupt pins)")
                    && pin.err().contains("+command: cd /proc/irq/*/" + name + "/.. && echo 9 > smp_affinity_list"), pin.err());
            assertEquals(9, byName(pin.json(), name).get("effectiveCpu").asInt());
            assertEquals(bsf, pin.json().get("pins").get(0).get("bsf").asText());
            assertTrue(java.nio.file.Files.notExists(nas.root().resolve("etc/systemd/system/qatwb-irq-pins.service")),
                    "no unit in /etc/systemd/system, which a TrueNAS upgrade does not keep");

            nas.reboot();
            assertEquals(9, byName(list(nas), name).get("effectiveCpu").asInt(), "the POSTINIT script pinned it again");

            CliRun none = cli("irq", nas, "pin", "--yes", bsf, "none");
            assertEquals(0, none.exit(), none.err());
            assertTrue(none.json().get("pins").isEmpty(), none.out());
            nas.reboot();
            assertEquals(20, byName(list(nas), name).get("effectiveCpu").asInt(), "the driver's hint again");
        }
    }
}
