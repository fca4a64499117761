package org.qatwb.model.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.testutil.NasOutputs;

/** zfs.datasets-offloadable, zfs.offload-active and the observation behind it. */
class OffloadChecksTest {

    private static Observation.Counted counted(double seconds, Object... counterAndDelta) {
        Map<QatCounter, Long> d = new EnumMap<>(QatCounter.class);
        for (int i = 0; i < counterAndDelta.length; i += 2) {
            d.put((QatCounter) counterAndDelta[i], ((Number) counterAndDelta[i + 1]).longValue());
        }
        return new Observation.Counted(seconds, d);
    }

    private static CheckResult active(Host h, Observation o) {
        return h.examine(o).result(Check.ZFS_OFFLOAD_ACTIVE).orElseThrow();
    }

    @Test
    void datasetsPassWhenOneCanUseQatAndTheOthersSayWhyNot() {
        CheckResult r = Host.c62x().check(Check.ZFS_DATASETS_OFFLOADABLE);
        assertEquals(CheckStatus.PASS, r.status());
        assertTrue(r.message().startsWith("1 of 3 dataset(s) can use QAT: tank/backup (gzip, sha256, aes-gcm); not:"
                + " tank (lz4, fletcher4), tank/media (lz4, fletcher4, 1M records)"), r.message());
        assertEquals(3, r.details().size());
    }

    @Test
    void noOffloadableDatasetFailsNamingEachAndWhy() {
        CheckResult r = Host.c62x().datasets(Host.dataset("tank", "lz4", "on", "off", "1048576"),
                Host.dataset("tank/my media", "zstd", "sha512", "aes-256-ccm", "131072"),
                Host.dataset("tank/tiny", "gzip", "sha256", "off", "2048")).check(Check.ZFS_DATASETS_OFFLOADABLE);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("tank (lz4, fletcher4, 1M records)"), r.message());
        assertTrue(r.message().contains("tank/my media (zstd, sha512, aes-256-ccm (counted, then done in software))"),
                r.message());
        assertTrue(r.message().contains("tank/tiny (2K records)"), r.message());
        Fix.CommandFix fix = assertInstanceOf(Fix.CommandFix.class, r.fixes().get(0));
        assertEquals(List.of("zfs set compression=gzip recordsize=128K tank", "zfs set compression=gzip 'tank/my media'",
                "zfs set compression=gzip tank/tiny"), fix.commands());
    }

    @Test
    void aVolumeWithoutRecordsizeIsJudgedByItsAlgorithms() {
        CheckResult r = Host.c62x().datasets(Host.dataset("tank/vm", "gzip-1", "on", "off", "-"))
                .check(Check.ZFS_DATASETS_OFFLOADABLE);
        assertEquals(CheckStatus.PASS, r.status());
        assertTrue(r.details().get(0).contains("block size is not checked"), r.details().get(0));
    }

    @Test
    void aVolumeIsJudgedByItsVolblocksize() {
        String tiny = "tank/tiny\tcompression\tgzip\tlocal\ntank/tiny\trecordsize\t-\t-\n"
                + "tank/tiny\tvolblocksize\t2048\tlocal\n";
        String vm = "tank/vm\tcompression\tgzip-1\tlocal\ntank/vm\trecordsize\t-\t-\ntank/vm\tvolblocksize\t16384\tdefault\n";
        CheckResult r = Host.c62x().datasets(tiny, vm).check(Check.ZFS_DATASETS_OFFLOADABLE);
        assertEquals(CheckStatus.PASS, r.status());
        assertEquals("1 of 2 dataset(s) can use QAT: tank/vm (gzip); not: tank/tiny (2K volume blocks)", r.message());
        assertTrue(r.details().stream().noneMatch(d -> d.contains("not checked")), r.details().toString());
    }

    @Test
    void dedupChecksumsWithSha256WhateverChecksumSays() {
        String on = "tank/dd\tchecksum\ton\tdefault\ntank/dd\tdedup\ton\tlocal\ntank/dd\trecordsize\t131072\tdefault\n";
        String skein = "tank/sk\tchecksum\ton\tdefault\ntank/sk\tdedup\tskein,verify\tlocal\n"
                + "tank/sk\trecordsize\t131072\tdefault\n";
        CheckResult r = Host.c62x().datasets(on, skein).check(Check.ZFS_DATASETS_OFFLOADABLE);
        assertEquals("1 of 2 dataset(s) can use QAT: tank/dd (sha256 (dedup)); not: tank/sk (fletcher4)", r.message());
    }

    @Test
    void noDatasetSkips() {
        assertEquals(CheckStatus.SKIP, Host.c62x().ok("zfs_get", "").check(Check.ZFS_DATASETS_OFFLOADABLE).status());
    }

    @Test
    void offloadActiveSkipsWithoutAnObservation() {
        CheckResult r = Host.c62x().check(Check.ZFS_OFFLOAD_ACTIVE);
        assertEquals(CheckStatus.SKIP, r.status());
        assertTrue(r.message().contains("--observe"), r.message());
    }

    @Test
    void growingCountersPass() {
        CheckResult r = active(Host.c62x(), counted(5.0, QatCounter.COMP_REQUESTS, 1000, QatCounter.DECOMP_REQUESTS, 235,
                QatCounter.CKSUM_REQUESTS, 50));
        assertEquals(CheckStatus.PASS, r.status());
        assertEquals("ZFS offloads to QAT: 1235 compression (247/s), 50 checksum (10/s) request(s) in 5.0 s", r.message());
    }

    @Test
    void growingFailuresFail() {
        CheckResult r = active(Host.c62x(), counted(5.0, QatCounter.CKSUM_REQUESTS, 10, QatCounter.CKSUM_FAILS, 10));
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().startsWith("10 of 10 checksum request(s) failed (cksum_fails) in 5.0 s"), r.message());
    }

    /** The default host but with no dataset on SHA-256: gzip and fletcher4, the work QAT can take is compression. */
    private static Host noSha256() {
        return Host.c62x().datasets(Host.dataset("tank", "gzip", "on", "off", "131072"),
                Host.dataset("tank/media", "lz4", "on", "off", "1048576"));
    }

    @Test
    void checksumsAloneWithoutASha256DatasetAreZfsOwnLabelsNotProofOfOffloadNorAMisconfiguration() {
        CheckResult r = active(noSha256(), counted(5.0, QatCounter.CKSUM_REQUESTS, 40));
        assertEquals(CheckStatus.WARN, r.status(), r.message());
        assertTrue(r.message().contains("40 checksum request(s)") && r.message().contains("labels and uberblocks")
                && r.message().contains("expected"), r.message());
        assertTrue(r.message().contains("no dataset's work moved"), r.message());
        assertTrue(!r.message().contains("ZFS offloads to QAT"), r.message());
    }

    @Test
    void checksumsBesideCompressionWithoutASha256DatasetAreNamedAsLabels() {
        CheckResult r = active(noSha256(), counted(5.0, QatCounter.COMP_REQUESTS, 1000, QatCounter.CKSUM_REQUESTS, 50));
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertTrue(r.message().startsWith("ZFS offloads to QAT: 1000 compression (200/s) request(s) in 5.0 s; the 50"
                + " checksum request(s) are ZFS's own labels and uberblocks"), r.message());
    }

    @Test
    void standingCountersWarnSinceTheNasMayBeIdle() {
        CheckResult r = active(Host.c62x(), counted(5.0, QatCounter.COMP_REQUESTS, 0));
        assertEquals(CheckStatus.WARN, r.status());
        assertTrue(r.message().startsWith("no QAT counter moved in 5.0 s"), r.message());
    }

    @Test
    void aResetDuringTheObservationCannotTell() throws Exception {
        QatKstat before = QatKstat.of(KstatParser.parse(NasOutputs.KSTAT));
        QatKstat after = QatKstat.of(KstatParser.parse(NasOutputs.KSTAT.replace("218485057", "12")));
        Observation o = Observation.between(1_000_000_000L, before, 6_000_000_000L, after);
        Observation.Unusable u = assertInstanceOf(Observation.Unusable.class, o);
        assertTrue(u.reason().contains("zfs.ko was reloaded"), u.reason());
        assertEquals(CheckStatus.WARN, active(Host.c62x(), o).status());
        assertInstanceOf(Observation.Unusable.class, Observation.ofRates(Optional.empty()));
    }

    @Test
    void theObservationHoldsEachCountersGrowth() throws Exception {
        QatKstat before = QatKstat.of(KstatParser.parse(NasOutputs.KSTAT));
        QatKstat after = QatKstat.of(KstatParser.parse(NasOutputs.KSTAT.replace("218485057", "218486057")));
        Observation.Counted o = assertInstanceOf(Observation.Counted.class,
                Observation.between(1_000_000_000L, before, 4_000_000_000L, after));
        assertEquals(3.0, o.seconds(), 1e-9);
        assertEquals(1000, o.delta(QatCounter.COMP_REQUESTS));
        assertEquals(0, o.delta(QatCounter.CKSUM_REQUESTS));
    }

    @Test
    void offloadActiveSkipsWhileTheParametersAreAllOff() {
        CheckResult r = active(Host.c62x().params(1, 1, 1), counted(5.0));
        assertEquals(CheckStatus.SKIP, r.status());
        assertEquals("not checked while zfs.params fails", r.message());
    }

    @Test
    void anObservationIsWantedOnlyWhereTheCountersCanMove() {
        assertTrue(Host.c62x().examine().wantsObservation());
        assertTrue(!Host.c62x().params(1, 1, 1).examine().wantsObservation(), "offload is off");
        assertTrue(!Host.c62x().datasets(Host.dataset("tank", "lz4", "on", "off", "131072")).examine().wantsObservation(),
                "nothing offloadable");
        assertTrue(!Host.c62x().examine(counted(1.0)).wantsObservation(), "already observed");
    }
}
