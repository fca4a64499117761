package org.qatwb.model.zia.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.testutil.AgentOutputWriter;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaProperty;

/** What a Z.I.A. change brings along, as the snapshot shows the pool ({@link ZiaUseCase#consequences}). */
class ZiaConsequencesTest {

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
    void theFirstOffloadOnPromisesNothingAboutEncryptionAndSaysThatNothingIsOffloadedWithoutAProvider() {
        List<String> c = ZiaUseCase.consequences(tank(), ZiaChange.turn("tank", ZiaProperty.COMPRESS, true));
        assertEquals(List.of("zia_provider is not set: nothing is offloaded until it names a provider"), c);
        assertEquals(List.of("zia_provider is not set: nothing is offloaded until it names a provider"),
                ZiaUseCase.consequences(tank("provider=-"), ZiaChange.turn("tank", ZiaProperty.COMPRESS, true)),
                "zpool get prints - for no provider");
    }

    @Test
    void aSecondOffloadWithAProviderBringsNothingAlong() {
        NasSnapshot s = tank("zia_compress", "provider=zia-software-provider");
        assertEquals(List.of(), ZiaUseCase.consequences(s, ZiaChange.turn("tank", ZiaProperty.DECOMPRESS, true)));
        assertEquals(List.of(), ZiaUseCase.consequences(s, ZiaChange.turn("tank", ZiaProperty.COMPRESS, true)), "already on");
        assertEquals(List.of(), ZiaUseCase.consequences(s, ZiaChange.turn("tank", ZiaProperty.COMPRESS, false)));
    }

    @Test
    void aReconstructionTurnsChecksumsOnAndChecksumsOffLeavesItIdle() {
        NasSnapshot s = tank("zia_compress", "provider=p");
        assertEquals(List.of("zia_checksum turns on too: ZFS offloads a reconstruction only together with its checksums"),
                ZiaUseCase.consequences(s, ZiaChange.turn("tank", ZiaProperty.RAIDZ2_REC, true)));
        assertEquals(List.of(), ZiaUseCase.consequences(tank("zia_checksum", "provider=p"),
                ZiaChange.turn("tank", ZiaProperty.RAIDZ2_REC, true)));
        assertEquals(List.of("zia_raidz2_rec is on, and without zia_checksum ZFS offloads no reconstruction"),
                ZiaUseCase.consequences(tank("zia_checksum", "zia_raidz2_rec", "provider=p"),
                        ZiaChange.turn("tank", ZiaProperty.CHECKSUM, false)));
    }
}
