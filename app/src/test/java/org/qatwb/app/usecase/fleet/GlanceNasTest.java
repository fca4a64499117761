package org.qatwb.app.usecase.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.app.settings.AuthMethod;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.sim.SimEndpoint;
import org.qatwb.sim.SimOptions;

/** The fleet's look at one NAS, over real SSH to the simulated NAS: what it reads, and what it never does. */
class GlanceNasTest {

    private static final BuiltInSimulator SIMS = new BuiltInSimulator(p -> SimOptions.driven(p).withDemoLoad(true));
    private final GlanceNas glance = new GlanceNas(SIMS);

    @AfterAll
    static void stop() {
        SIMS.close();
    }

    @Test
    void aHealthyC62xIsSeenWithItsDevicesOffloadCountersAndVerdict() {
        NasGlance g = glance.glance(FleetEntry.simulated("c62x"));

        NasGlance.Seen seen = assertInstanceOf(NasGlance.Seen.class, g, g.toString());
        assertEquals("sim-c62x", seen.name());
        int total = seen.devicesTotal().orElseThrow();
        assertTrue(total > 0, "adf_ctl lists devices");
        assertEquals(total, seen.devicesUp().orElseThrow(), "every device of the healthy card is up");
        assertEquals(3, seen.offload().size(), "every ZFS QAT parameter read");
        assertTrue(seen.offload().get(ZfsParam.COMPRESS), "compression offload on (parameter 0)");
        assertTrue(seen.counters().isPresent(), "the kstat with the NAS's uptime, for rates");
        assertEquals(0, seen.doctor().fails(), seen.doctor().toString());
        assertTrue(seen.doctor().firstFailure().isEmpty());
    }

    @Test
    void aSavedConnectionToTheSimulatorIsReadOverSshWithItsKey() {
        SimEndpoint e = SIMS.get("c62x").endpoint();
        SavedConnection c = new SavedConnection("nas-a", e.host(), e.port(), e.user(), AuthMethod.KEY,
                e.identity().toString(), false, e.knownHosts().toString());

        NasGlance g = glance.glance(FleetEntry.saved(c));

        assertInstanceOf(NasGlance.Seen.class, g, g.toString());
        assertEquals("nas-a", g.name());
    }

    @Test
    void aHostWithoutQatHasNoDevicesNoParametersNoCountersAndAFailingLink() {
        NasGlance.Seen seen = assertInstanceOf(NasGlance.Seen.class, glance.glance(FleetEntry.simulated("no-qat")));

        assertTrue(seen.offload().isEmpty(), "ZFS without QAT has no zfs_qat_* parameter: " + seen.offload());
        assertTrue(seen.counters().isEmpty(), "nor the kstat");
        assertTrue(seen.doctor().fails() > 0);
        assertTrue(seen.doctor().firstFailure().orElseThrow().matches("\\d+\\. .+: .+"), seen.doctor().firstFailure().get());
    }

    @Test
    void aClosedPortIsRefusedInOneLine() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SimEndpoint e = SIMS.get("c62x").endpoint();
        SavedConnection c = new SavedConnection("gone", "127.0.0.1", port, e.user(), AuthMethod.KEY,
                e.identity().toString(), false, e.knownHosts().toString());

        NasGlance.Unreached u = assertInstanceOf(NasGlance.Unreached.class, glance.glance(FleetEntry.saved(c)));

        assertEquals(NasGlance.Why.REFUSED, u.why(), u.detail());
        assertFalse(u.detail().contains("\n"));
        assertTrue(u.detail().contains(String.valueOf(port)), u.detail());
    }

    @Test
    void anUnknownHostKeyIsNeitherAcceptedNorWritten(@TempDir Path dir) throws IOException {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        SimEndpoint e = SIMS.get("c62x").endpoint();
        SavedConnection c = new SavedConnection("new box", e.host(), e.port(), e.user(), AuthMethod.KEY,
                e.identity().toString(), false, knownHosts.toString());
        long connectionsBefore = SIMS.get("c62x").execCount();

        NasGlance.Unreached u = assertInstanceOf(NasGlance.Unreached.class, glance.glance(FleetEntry.saved(c)));

        assertEquals(NasGlance.Why.HOST_KEY_UNKNOWN, u.why(), u.detail());
        assertTrue(u.detail().contains(e.hostKeyFingerprint()), "names the fingerprint to check: " + u.detail());
        assertEquals("", Files.readString(knownHosts), "nothing written to known_hosts");
        assertEquals(connectionsBefore, SIMS.get("c62x").execCount(), "nothing ran on the NAS");
    }

    @Test
    void aPasswordAccountIsNotTriedAtAll() {
        SimEndpoint e = SIMS.get("c62x").endpoint();
        long before = SIMS.get("c62x").connectionCount();
        SavedConnection c = new SavedConnection("pw", e.host(), e.port(), e.user(), AuthMethod.PASSWORD, null, false,
                e.knownHosts().toString());

        NasGlance.Unreached u = assertInstanceOf(NasGlance.Unreached.class, glance.glance(FleetEntry.saved(c)));

        assertEquals(NasGlance.Why.NEEDS_PASSWORD, u.why());
        assertEquals(before, SIMS.get("c62x").connectionCount(), "no connection made");
    }
}
