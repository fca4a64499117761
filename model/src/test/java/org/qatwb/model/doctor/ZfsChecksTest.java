package org.qatwb.model.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qatwb.model.persist.PersistPlan;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.snapshot.ZfsParam;

/** zfs.built-with-qat, zfs.params and zfs.persistence. */
class ZfsChecksTest {

    private static final Set<ZfsParam> ALL = EnumSet.allOf(ZfsParam.class);

    /** A box where zfs.ko loads before QAT at boot, its parameters forced to 1. */
    private static Host forced() {
        return Host.c62x().params(1, 1, 1).log(Host.ZFS_LOADED, Host.QAT_STARTED);
    }

    private static List<ZfsParam> paramFixes(CheckResult r) {
        return r.fixes().stream().map(f -> assertInstanceOf(Fix.ParamFix.class, f)).peek(f -> assertEquals(0, f.value()))
                .map(Fix.ParamFix::param).toList();
    }

    @Test
    void zfsWithItsParametersAndKstatIsBuiltWithQat() {
        CheckResult r = Host.c62x().check(Check.ZFS_BUILT_WITH_QAT);
        assertEquals(CheckStatus.PASS, r.status());
        assertTrue(r.message().startsWith("ZFS 2.2.7-1 has QAT support"), r.message());
    }

    @Test
    void noParametersAndNoKstatIsZfsBuiltWithoutQat() {
        Host stock = Host.c62x().params(null, null, null).absent("kstat_qat");
        CheckResult r = stock.check(Check.ZFS_BUILT_WITH_QAT);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("built without QAT"), r.message());
        assertTrue(((Fix.CommandFix) r.fixes().get(0)).commands().get(0).contains("--with-qat"));
        CheckResult trueNas = stock.ok("truenas_version", "25.04.0\n").check(Check.ZFS_BUILT_WITH_QAT);
        assertTrue(trueNas.message().contains("stock TrueNAS SCALE"), trueNas.message());
        for (Check c : List.of(Check.ZFS_PARAMS, Check.ZFS_PERSISTENCE, Check.ZFS_DATASETS_OFFLOADABLE)) {
            assertEquals(CheckStatus.SKIP, stock.check(c).status(), c.id());
        }
    }

    @Test
    void aHostWithoutTheZfsModuleIsZfsNotLoadedNotZfsBuiltWithoutQat() {
        Host unloaded = Host.c62x().params(null, null, null).absent("kstat_qat").absent("zfs_module")
                .ok("truenas_version", "25.04.0\n");
        CheckResult r = unloaded.check(Check.ZFS_BUILT_WITH_QAT);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().startsWith("ZFS is not loaded: no /sys/module/zfs"), r.message());
        assertTrue(!r.message().contains("built without QAT") && !r.message().contains("stock TrueNAS"), r.message());
        assertEquals("modprobe zfs", ((Fix.CommandFix) r.fixes().get(0)).commands().get(0));
        CheckResult loaded = Host.c62x().params(null, null, null).absent("kstat_qat").ok("zfs_module", "loaded\n")
                .check(Check.ZFS_BUILT_WITH_QAT);
        assertTrue(loaded.message().contains("built without QAT"), loaded.message());
    }

    @Test
    void unreadableParametersAreAWarningNotAVerdict() {
        Host h = Host.c62x().absent("kstat_qat");
        for (ZfsParam p : ZfsParam.values()) {
            h.item(p.itemName(), "denied", 0, "permission denied: /sys/module/zfs/parameters/" + p.sysfsName());
        }
        assertEquals(CheckStatus.WARN, h.check(Check.ZFS_BUILT_WITH_QAT).status());
    }

    @Test
    void paramsPassWhenAllAreZero() {
        assertEquals(CheckStatus.PASS, Host.c62x().check(Check.ZFS_PARAMS).status());
    }

    @Test
    void allOneAfterZfsLoadedFirstIsTheForcedPatternWithAWriteOfZeroEach() {
        CheckResult r = forced().check(Check.ZFS_PARAMS);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("zfs.ko loaded before any QAT device was up at boot"), r.message());
        assertEquals(List.of(ZfsParam.COMPRESS, ZfsParam.CHECKSUM, ZfsParam.ENCRYPT), paramFixes(r));
        assertTrue(r.fixes().get(0).summary().startsWith("echo 0 > /sys/module/zfs/parameters/zfs_qat_compress_disable"));
    }

    @Test
    void whereQatCannotStartTheWriteWouldFailWithEperm() {
        CheckResult r = forced().ok("default_qat", "SRIOV_ENABLE=1\n").check(Check.ZFS_PARAMS);
        assertTrue(r.message().contains("EPERM"), r.message());
    }

    @Test
    void afterRequestsPendingOnlyCompressionIsTurnedOn() {
        CheckResult r = forced().log(Host.ZFS_LOADED, Host.QAT_STARTED, Host.PENDING).check(Check.ZFS_PARAMS);
        assertEquals(CheckStatus.FAIL, r.status());
        assertEquals(List.of(ZfsParam.COMPRESS), paramFixes(r));
        CheckResult mitigated = Host.c62x().params(0, 1, 1).log(Host.QAT_STARTED, Host.ZFS_LOADED, Host.PENDING)
                .check(Check.ZFS_PARAMS);
        assertEquals(CheckStatus.PASS, mitigated.status(), mitigated.message());
        assertTrue(mitigated.message().contains("mitigation"), mitigated.message());
    }

    @Test
    void someOffIsAWarningSinceItMayBeDeliberate() {
        CheckResult r = Host.c62x().params(0, 1, 0).check(Check.ZFS_PARAMS);
        assertEquals(CheckStatus.WARN, r.status());
        assertEquals(List.of(ZfsParam.CHECKSUM), paramFixes(r));
    }

    @Test
    void persistencePassesWhenQatCameFirstAtThisBoot() {
        CheckResult r = Host.c62x().check(Check.ZFS_PERSISTENCE);
        assertEquals(CheckStatus.PASS, r.status());
        assertTrue(r.message().contains("QAT was up before zfs.ko loaded"), r.message());
    }

    @Test
    void persistencePassesWithOurEnabledUnit() {
        CheckResult r = Host.c62x().unit(ALL, true).log(Host.ZFS_LOADED, Host.QAT_STARTED).check(Check.ZFS_PERSISTENCE);
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertTrue(r.message().endsWith("by the systemd unit " + ZfsQatUnit.NAME), r.message());
    }

    @Test
    void nothingKeepingThemWhereZfsLoadsFirstFailsWithThePlan() {
        CheckResult r = Host.c62x().log(Host.ZFS_LOADED, Host.QAT_STARTED).check(Check.ZFS_PERSISTENCE);
        assertEquals(CheckStatus.FAIL, r.status());
        PersistPlan plan = assertInstanceOf(Fix.PersistFix.class, r.fixes().get(0)).plan();
        assertEquals(ALL, plan.keep());
        assertEquals(PersistPlan.Action.CREATE, plan.action());
        assertTrue(plan.diff().contains("+ExecStart=/bin/sh -c 'echo 0 > /sys/module/zfs/parameters/zfs_qat_compress_disable'"),
                plan.diff());
        assertTrue(r.fixes().get(0).summary().contains("--keep-after-reboot"), r.fixes().get(0).summary());
    }

    @Test
    void aDisabledUnitFailsToo() {
        CheckResult r = Host.c62x().unit(ALL, false).log(Host.ZFS_LOADED, Host.QAT_STARTED).check(Check.ZFS_PERSISTENCE);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("is disabled"), r.message());
        assertEquals(PersistPlan.Action.REPLACE, ((Fix.PersistFix) r.fixes().get(0)).plan().action());
    }

    @Test
    void anUnknownBootOrderWarns() {
        assertEquals(CheckStatus.WARN, Host.c62x().log().check(Check.ZFS_PERSISTENCE).status());
    }

    @Test
    void aUnitEditedByHandWarns() {
        CheckResult r = Host.c62x().ok("persist_unit", ZfsQatUnit.text(ALL) + "# mine\n").ok("persist_unit_state", "enabled\n")
                .check(Check.ZFS_PERSISTENCE);
        assertEquals(CheckStatus.WARN, r.status());
        assertTrue(((Fix.PersistFix) r.fixes().get(0)).plan().caution().isPresent());
    }

    @Test
    void forcedToOneTheParametersToKeepAreThoseZfsParamsTurnsOn() {
        CheckResult r = forced().log(Host.ZFS_LOADED, Host.QAT_STARTED, Host.PENDING).check(Check.ZFS_PERSISTENCE);
        assertEquals(CheckStatus.FAIL, r.status());
        assertEquals(EnumSet.of(ZfsParam.COMPRESS), ((Fix.PersistFix) r.fixes().get(0)).plan().keep());
    }

    @Test
    void aUnitKeepingMoreThanIsOnWarns() {
        CheckResult r = Host.c62x().params(0, 1, 1).unit(ALL, true).check(Check.ZFS_PERSISTENCE);
        assertEquals(CheckStatus.WARN, r.status());
        assertTrue(r.message().contains("also turns checksum, encrypt on"), r.message());
    }
}
