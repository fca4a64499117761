package org.qatwb.model.zia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.testutil.AgentOutputWriter;

/** Validation as the agent's, the command, and what a change brings along. */
class ZiaChangeTest {

    /** Pool tank: Z.I.A. available, provider off, everything off; tank/secret is encrypted. */
    static NasSnapshot tank(String... onOrProvider) {
        StringBuilder zpool = new StringBuilder("tank\tsize\t17592186044416\ntank\tzia_available\tyes\n");
        String provider = "off";
        for (String s : onOrProvider) {
            if (s.startsWith("provider=")) {
                provider = s.substring("provider=".length());
            }
        }
        zpool.append("tank\tzia_provider\t").append(provider).append('\n');
        for (ZiaProperty p : ZiaProperty.switches()) {
            zpool.append("tank\t").append(p.wire()).append('\t').append(List.of(onOrProvider).contains(p.wire()) ? "on" : "off")
                    .append('\n');
        }
        String zfs = "tank\tencryption\toff\t-\ntank/secret\tencryption\taes-256-gcm\t-\ntank/media\tencryption\toff\t-\n"
                + "tanker\tencryption\taes-256-gcm\t-\n";
        AgentOutputWriter w = AgentOutputWriter.snapshot().ok("zpool_get", zpool.toString()).ok("zfs_get", zfs).done();
        try {
            return NasSnapshotReader.read(AgentOutput.parse(w.bytes(), AgentOutputWriter.BOUNDARY));
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theCommandIsWhatAnAdministratorTypes() {
        assertEquals("zpool set zia_compress=on tank", ZiaChange.turn("tank", ZiaProperty.COMPRESS, true).command());
        assertEquals("zpool set zia_provider=zia-software-provider pool_2.a:b",
                new ZiaChange("pool_2.a:b", ZiaProperty.PROVIDER, "zia-software-provider").command());
    }

    @Test
    void wordsThatAreNotSafeInAShellAreRefusedWithAOneLineReason() {
        for (String pool : List.of("", "-o", "1tank", "tank;reboot", "my pool", "tank\n", "t$(id)", "a".repeat(256))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ZiaChange.turn(pool, ZiaProperty.COMPRESS, true), pool);
            assertTrue(e.getMessage().startsWith("pool \""), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new ZiaChange("tank", ZiaProperty.COMPRESS, "yes"));
        for (String provider : List.of("", "-x", "a b", "qat;id", "q'at", "x".repeat(65))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ZiaChange("tank", ZiaProperty.PROVIDER, provider), provider);
            assertTrue(e.getMessage().startsWith("zia_provider \""), e.getMessage());
        }
        assertEquals("off", new ZiaChange("tank", ZiaProperty.PROVIDER, "off").value());
        assertThrows(IllegalArgumentException.class, () -> ZiaChange.turn("tank", ZiaProperty.PROVIDER, true));
    }

    @Test
    void theFirstOffloadOnPromisesNothingAboutEncryptionAndSaysThatNothingIsOffloadedWithoutAProvider() {
        List<String> c = ZiaChange.turn("tank", ZiaProperty.COMPRESS, true).consequences(tank());
        assertEquals(List.of("zia_provider is not set: nothing is offloaded until it names a provider"), c);
        assertEquals(List.of("zia_provider is not set: nothing is offloaded until it names a provider"),
                ZiaChange.turn("tank", ZiaProperty.COMPRESS, true).consequences(tank("provider=-")),
                "zpool get prints - for no provider");
    }

    @Test
    void aSecondOffloadWithAProviderBringsNothingAlong() {
        NasSnapshot s = tank("zia_compress", "provider=zia-software-provider");
        assertEquals(List.of(), ZiaChange.turn("tank", ZiaProperty.DECOMPRESS, true).consequences(s));
        assertEquals(List.of(), ZiaChange.turn("tank", ZiaProperty.COMPRESS, true).consequences(s), "already on");
        assertEquals(List.of(), ZiaChange.turn("tank", ZiaProperty.COMPRESS, false).consequences(s));
    }

    @Test
    void aReconstructionTurnsChecksumsOnAndChecksumsOffLeavesItIdle() {
        NasSnapshot s = tank("zia_compress", "provider=p");
        assertEquals(List.of("zia_checksum turns on too: ZFS offloads a reconstruction only together with its checksums"),
                ZiaChange.turn("tank", ZiaProperty.RAIDZ2_REC, true).consequences(s));
        assertEquals(List.of(), ZiaChange.turn("tank", ZiaProperty.RAIDZ2_REC, true)
                .consequences(tank("zia_checksum", "provider=p")));
        assertEquals(List.of("zia_raidz2_rec is on, and without zia_checksum ZFS offloads no reconstruction"),
                ZiaChange.turn("tank", ZiaProperty.CHECKSUM, false)
                        .consequences(tank("zia_checksum", "zia_raidz2_rec", "provider=p")));
    }
}
