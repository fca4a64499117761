package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.sim.SimEndpoint;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.ReconnectingStream;
import org.qatwb.ssh.StreamState;
import org.qatwb.ssh.agent.AgentClient;

/** snapshot, params and watch end to end: the CLI, real SSH, the real agent, the simulated NAS. */
class NasCommandsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static SimulatedNas c62x;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        c62x = SimulatedNas.start(SimOptions.demo("c62x"));
    }

    @AfterAll
    static void stop() {
        c62x.close();
    }

    static List<String> connection(SimulatedNas nas, String... more) {
        SimEndpoint e = nas.endpoint();
        List<String> args = new ArrayList<>(List.of("--host", e.host(), "--port", Integer.toString(e.port()), "--user",
                e.user(), "--identity", e.identity().toString(), "--known-hosts", e.knownHosts().toString()));
        args.addAll(List.of(more));
        return args;
    }

    static CliRun cli(String command, SimulatedNas nas, String... more) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(connection(nas, more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void snapshotShowsTheWholeC62xHost() {
        CliRun run = cli("snapshot", c62x);
        assertEquals(0, run.exit(), run.err());
        JsonNode s = run.json();
        assertEquals(51, s.get("devices").size());
        assertEquals("/etc/c6xxvf_dev47.conf", s.get("devices").get(50).get("conf").asText());
        assertEquals(51, s.get("confFiles").size());
        s.get("confFiles").forEach(f -> assertEquals(0, f.get("findings").size(), f.toString()));
        assertEquals(56, s.get("cpu").get("cores").asInt());
        assertEquals(2, s.get("cpu").get("nodes").asInt());
        assertEquals(0, s.get("params").get("compress").asInt());
        assertEquals(17, s.get("kstat").get("counters").size());
        assertTrue(s.get("datasets").size() > 0);
    }

    @Test
    void paramsFlipsTheSimulatorsParameterFile() throws Exception {
        Path file = c62x.root().resolve("sys/module/zfs/parameters/zfs_qat_checksum_disable");
        CliRun off = cli("params", c62x, "--checksum", "off");
        assertEquals(0, off.exit(), off.err());
        assertEquals(1, off.json().get("checksum").asInt());
        assertEquals("1", Files.readString(file).strip());
        CliRun on = cli("params", c62x, "--checksum", "on");
        assertEquals(0, on.exit(), on.err());
        assertEquals(0, on.json().get("checksum").asInt());
        assertEquals("0", Files.readString(file).strip());
    }

    @Test
    void watchWithSudoRunsTheStreamAsRootThroughTheSimulatorsSudo() throws Exception {
        CliRun run = cli("watch", c62x, "--sudo", "--interval", "600", "--count", "2");
        assertEquals(0, run.exit(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(2, lines.length, run.out());
        assertTrue(JSON.readTree(lines[1]).get("counters").get("comp_requests").asLong() > 0, lines[1]);
    }

    @Test
    void watchPrintsCountersThatMoveAndRatesFromTheSecondLine() throws Exception {
        // longer than two of the simulator's clock ticks (100 ms), so every interval sees the counters move
        CliRun run = cli("watch", c62x, "--interval", "600", "--count", "3");
        assertEquals(0, run.exit(), run.err());
        List<JsonNode> lines = new ArrayList<>();
        for (String l : run.out().strip().split("\n")) {
            lines.add(JSON.readTree(l));
        }
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).get("rates").isNull(), "no rate for the first sample");
        assertFalse(lines.get(2).get("rates").isNull());
        long first = lines.get(0).get("counters").get("comp_requests").asLong();
        long last = lines.get(2).get("counters").get("comp_requests").asLong();
        assertTrue(last > first, "gzip datasets under load move the counters: " + first + " -> " + last);
        assertTrue(lines.get(2).get("rates").get("comp_requests").asDouble() > 0);
    }

    @Test
    void enablingQatWhereItCannotStartIsExitOneWithTheReason() {
        try (SimulatedNas broken = SimulatedNas.start(SimOptions.driven("broken"))) {
            CliRun run = cli("params", broken, "--compress", "on");
            assertEquals(1, run.exit(), run.out());
            assertTrue(run.err().contains("QAT initialisation failed"), run.err());
            assertEquals(1, run.json().get("compress").asInt(), "the value stays 1");
        }
    }

    @Test
    void aNasWithoutQatHasNoParametersNoCountersNoDevices() {
        try (SimulatedNas noQat = SimulatedNas.start(SimOptions.driven("no-qat"))) {
            CliRun run = cli("snapshot", noQat);
            assertEquals(0, run.exit(), run.err());
            JsonNode s = run.json();
            assertTrue(s.get("params").get("compress").isNull());
            assertTrue(s.get("kstat").isNull());
            assertEquals(0, s.get("devices").size());
            assertFalse(s.get("qatDriver").asBoolean());
        }
    }

    @Test
    void anUnknownHostIsRefusedUnlessAcceptNewAndAChangedKeyAlways() throws Exception {
        SimEndpoint e = c62x.endpoint();
        Path empty = dir.resolve("known_hosts");
        List<String> base = List.of("snapshot", "--host", e.host(), "--port", Integer.toString(e.port()), "--user",
                e.user(), "--identity", e.identity().toString(), "--known-hosts", empty.toString());
        CliRun unknown = CliRun.of(base.toArray(String[]::new));
        assertEquals(3, unknown.exit());
        assertTrue(unknown.oneLineError(), unknown.err());
        assertTrue(unknown.err().contains(e.hostKeyFingerprint()), unknown.err());
        // without a terminal nobody was asked: the refusal says how to check the key and go on
        assertTrue(unknown.err().contains("--accept-new") && unknown.err().contains("ssh-keyscan -p " + e.port()),
                unknown.err());

        List<String> acceptNew = new ArrayList<>(base);
        acceptNew.add("--accept-new");
        assertEquals(0, CliRun.of(acceptNew.toArray(String[]::new)).exit());
        assertTrue(Files.readString(empty).contains("[127.0.0.1]:" + e.port()), "saved");

        Path changed = dir.resolve("known_hosts_changed");
        Files.writeString(changed, "# an old key\n[127.0.0.1]:" + e.port()
                + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHrhCfHL6XMG4wZH1XA9r7eYxl2SbbDTxEtwMvoTstg9\n");
        List<String> withChanged = new ArrayList<>(base);
        withChanged.set(withChanged.indexOf(empty.toString()), changed.toString());
        withChanged.add("--accept-new");
        CliRun refused = CliRun.of(withChanged.toArray(String[]::new));
        assertEquals(3, refused.exit());
        assertTrue(refused.err().contains(changed + ":2") || refused.err().contains("line 2"), refused.err());
    }

    @Test
    void sudoThatWantsAPasswordIsSaidExactly() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            nas.faults().sudoRequiresPassword(true);
            CliRun run = cli("params", nas, "--sudo", "--compress", "off");
            assertEquals(1, run.exit(), run.out());
            assertTrue(run.err().contains("sudo: a password is required"), run.err());
        }
    }

    @Test
    void theStreamComesBackAfterTheSimulatorRestarts() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.demo("c62x"))) {
            List<StreamSample> samples = new CopyOnWriteArrayList<>();
            List<StreamState> states = new CopyOnWriteArrayList<>();
            try (NasSession session = SimShell.session(nas)) {
                ReconnectingStream stream = new AgentClient(session, false).stream(200, samples::add, states::add);
                try {
                    assertTrue(waitFor(() -> samples.size() >= 2), "samples before the restart");
                    nas.restart();
                    int before = samples.size();
                    assertTrue(waitFor(() -> samples.size() >= before + 3), "samples after the restart: " + states);
                    assertTrue(states.stream().anyMatch(s -> s instanceof StreamState.Lost), states.toString());
                } finally {
                    stream.close();
                }
            }
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
