package org.qatwb.model.zia.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.testutil.AgentOutputWriter;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaDecision;
import org.qatwb.model.zia.ZiaDrift;
import org.qatwb.model.zia.ZiaKeepPlan;
import org.qatwb.model.zia.ZiaProperty;

/** The rules the CLI and the panel share: refusals, keep, live against kept. */
class ZiaUseCaseTest {

    private static final String CLEAN = "tank\tencryption\toff\t-\ntank\tdedup\toff\tdefault\n"
            + "tank/media\tencryption\toff\t-\ntank/media\tdedup\toff\tinherited from tank\n";

    /** Pool tank with these zia_* values (the rest off, the provider unset), these datasets, dpusm loaded or not. */
    static NasSnapshot nas(String zfs, Map<String, String> zia, String dedupratio, Optional<String> kept, boolean dpusm) {
        StringBuilder zpool = new StringBuilder("tank\tdedupratio\t" + dedupratio + "\ntank\tzia_available\tyes\n");
        zpool.append("tank\tzia_provider\t").append(zia.getOrDefault("zia_provider", "-")).append('\n');
        for (ZiaProperty p : ZiaProperty.switches()) {
            zpool.append("tank\t").append(p.wire()).append('\t').append(zia.getOrDefault(p.wire(), "off")).append('\n');
        }
        AgentOutputWriter w = AgentOutputWriter.snapshot().ok("zpool_get", zpool.toString()).ok("zfs_get", zfs);
        if (dpusm) {
            w.ok("dpusm_module", "loaded\n");
        } else {
            w.absent("dpusm_module");
        }
        kept.ifPresentOrElse(k -> w.ok("zia_kept", k), () -> w.absent("zia_kept"));
        w.ok("zia_unit", "enabled\n").ok("zia_zedlet", "present\n").done();
        try {
            return NasSnapshotReader.read(AgentOutput.parse(w.bytes(), AgentOutputWriter.BOUNDARY));
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    static NasSnapshot clean() {
        return nas(CLEAN, Map.of(), "1.00", Optional.empty(), true);
    }

    @Test
    void anOffloadOrAProviderIsRefusedOnAPoolWithAnEncryptedDataset() {
        NasSnapshot s = nas(CLEAN + "tank/vault\tencryption\taes-256-gcm\t-\n", Map.of(), "1.00", Optional.empty(), true);
        ZiaDecision d = ZiaUseCase.check(s, ZiaChange.turn("tank", ZiaProperty.COMPRESS, true));
        ZiaDecision.Refused r = assertInstanceOf(ZiaDecision.Refused.class, d);
        assertTrue(r.reason().startsWith("refused: pool tank has encryption or dedup in use (tank/vault (aes-256-gcm)"
                + " is encrypted)"), r.reason());
        assertTrue(!r.reason().contains("\n"));
        assertInstanceOf(ZiaDecision.Refused.class,
                ZiaUseCase.check(s, new ZiaChange("tank", ZiaProperty.PROVIDER, "zia_software_provider")));
        assertInstanceOf(ZiaDecision.Allowed.class, ZiaUseCase.check(s, ZiaChange.turn("tank", ZiaProperty.COMPRESS, false)),
                "turning an offload off is always allowed");
        assertInstanceOf(ZiaDecision.Allowed.class, ZiaUseCase.check(s, new ZiaChange("tank", ZiaProperty.PROVIDER, "off")));
    }

    @Test
    void dedupOnADatasetOrInThePoolsTableIsRefusedToo() {
        NasSnapshot dataset = nas(CLEAN.replace("tank/media\tdedup\toff", "tank/media\tdedup\tsha256,verify"),
                Map.of(), "1.00", Optional.empty(), true);
        ZiaDecision.Refused r = assertInstanceOf(ZiaDecision.Refused.class,
                ZiaUseCase.check(dataset, ZiaChange.turn("tank", ZiaProperty.CHECKSUM, true)));
        assertTrue(r.reason().contains("tank/media (sha256,verify) is deduplicated"), r.reason());
        NasSnapshot table = nas(CLEAN, Map.of(), "1.37x", Optional.empty(), true);
        r = assertInstanceOf(ZiaDecision.Refused.class, ZiaUseCase.check(table, ZiaChange.turn("tank", ZiaProperty.CHECKSUM, true)));
        assertTrue(r.reason().contains("dedup table holds blocks (dedupratio 1.37)"), r.reason());
        NasSnapshot unknown = nas("", Map.of(), "1.00", Optional.empty(), true);
        assertInstanceOf(ZiaDecision.Refused.class, ZiaUseCase.check(unknown, ZiaChange.turn("tank", ZiaProperty.CHECKSUM, true)),
                "datasets not read: not known to be safe");
    }

    @Test
    void aCleanPoolIsAllowedAndNoneIsNotAWayToUnsetTheProvider() {
        ZiaDecision.Allowed a = assertInstanceOf(ZiaDecision.Allowed.class,
                ZiaUseCase.check(clean(), ZiaChange.turn("tank", ZiaProperty.COMPRESS, true)));
        assertEquals(List.of("zia_provider is not set: nothing is offloaded until it names a provider"), a.consequences());
        ZiaDecision.Refused none = assertInstanceOf(ZiaDecision.Refused.class,
                ZiaUseCase.check(clean(), new ZiaChange("tank", ZiaProperty.PROVIDER, "none")));
        assertTrue(none.reason().contains("zia_provider=off unsets it"), none.reason());
        assertInstanceOf(ZiaDecision.Refused.class, ZiaUseCase.check(clean(), ZiaChange.turn("pool2", ZiaProperty.COMPRESS, true)));
    }

    @Test
    void withoutDpusmZiaAvailableYesIsNotBelievedAndAProviderIsSaidToFail() {
        NasSnapshot s = nas(CLEAN, Map.of(), "1.00", Optional.empty(), false);
        ZiaDecision.Allowed a = assertInstanceOf(ZiaDecision.Allowed.class,
                ZiaUseCase.check(s, new ZiaChange("tank", ZiaProperty.PROVIDER, "zia_software_provider")));
        assertEquals(List.of("the dpusm module is not loaded (zia_available only says zpool was built with Z.I.A.):"
                + " zpool will answer 'given provider does not exist'"), a.consequences());
        assertEquals(Optional.of(false), s.zia().dpusm());
    }

    @Test
    void keepTakesTheLiveValuesAndRefusesAnUnsafePool() {
        NasSnapshot s = nas(CLEAN, Map.of("zia_provider", "zia_software_provider", "zia_compress", "on"), "1.00",
                Optional.of("# ours\nother zia_checksum on\n"), true);
        ZiaKeepPlan plan = ZiaUseCase.keep(s, s.zia().kept(), "tank");
        assertEquals(Optional.empty(), plan.refusal());
        assertEquals(List.of("zia_provider=zia_software_provider", "zia_compress=on", "zia_decompress=off",
                "zia_checksum=off", "zia_raidz1_gen=off", "zia_raidz2_gen=off", "zia_raidz3_gen=off", "zia_raidz1_rec=off",
                "zia_raidz2_rec=off", "zia_raidz3_rec=off", "zia_file_write=off", "zia_disk_write=off"), plan.words());
        assertEquals(List.of("other", "tank"), plan.after().pools());
        NasSnapshot unsafe = nas(CLEAN + "tank/x\tencryption\taes-128-gcm\t-\n", Map.of("zia_compress", "on"), "1.00",
                Optional.empty(), true);
        assertTrue(ZiaUseCase.keep(unsafe, unsafe.zia().kept(), "tank").refusal().orElseThrow().startsWith("refused: pool tank"));
        NasSnapshot off = nas(CLEAN, Map.of(), "1.00", Optional.of("tank zia_compress on\n"), true);
        ZiaKeepPlan forget = ZiaUseCase.keep(off, off.zia().kept(), "tank");
        assertEquals(List.of(), forget.words(), "all off: nothing to re-apply, the pool is forgotten");
    }

    @Test
    void driftListsEveryKeptSettingThePoolDoesNotShow() {
        String kept = "tank zia_provider zia_software_provider\ntank zia_compress on\ntank zia_checksum off\ngone zia_compress on\n";
        NasSnapshot rebooted = nas(CLEAN, Map.of(), "1.00", Optional.of(kept), true);
        assertEquals(List.of(new ZiaDrift("tank", ZiaProperty.PROVIDER, "off", "zia_software_provider"),
                new ZiaDrift("tank", ZiaProperty.COMPRESS, "off", "on"),
                new ZiaDrift("gone", ZiaProperty.COMPRESS, "absent", "on")), ZiaUseCase.drift(rebooted, rebooted.zia().kept()));
        NasSnapshot live = nas(CLEAN, Map.of("zia_provider", "zia_software_provider", "zia_compress", "on"), "1.00",
                Optional.of(kept.replace("gone zia_compress on\n", "")), true);
        assertEquals(List.of(), ZiaUseCase.drift(live, live.zia().kept()));
    }
}
