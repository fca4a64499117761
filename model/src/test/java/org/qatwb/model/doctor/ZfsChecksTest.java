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
import org.qatwb.model.zfs.ZfsParam;

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
    void aForkWithParametersOfItsOwnIsAWarningNotZfsBuiltWithoutQat() {
        // TheTDD/zfs (module/zfs/qat_compress.c, qat_common.c): its own parameters, its counters elsewhere
        CheckResult r = Host.c62x().params(null, null, null).absent("kstat_qat").ok("zfs_module", "loaded\n")
                .ok("zfs_qat_params", "value zfs_qat_disable 0\nvalue zfs_qat_disable_compression 0\n")
                .check(Check.ZFS_BUILT_WITH_QAT);
        assertEquals(CheckStatus.WARN, r.status());
        assertTrue(r.message().contains("2 zfs_qat_* parameter(s) of its own") && r.message().contains("fork"), r.message());
        assertTrue(!r.message().contains("built without QAT"), r.message());
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
    void allOneWithoutAnExplicitOneIsAFailedInitOrAWrittenOneNotTheBootOrder() {
        CheckResult r = forced().check(Check.ZFS_PARAMS);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("no =1 in modprobe.d or on the kernel command line")
                && r.message().contains("EPERM") && r.message().contains("OpenZFS logs nothing"), r.message());
        assertTrue(!r.message().contains("forced"), "zfs.ko loading first leaves them 0, it forces nothing: " + r.message());
        assertEquals(List.of(ZfsParam.COMPRESS, ZfsParam.CHECKSUM, ZfsParam.ENCRYPT), paramFixes(r));
        assertTrue(r.fixes().get(0).summary().startsWith("echo 0 > /sys/module/zfs/parameters/zfs_qat_compress_disable"));
    }

    @Test
    void aOneGivenInModprobeOptionsIsNamedWithItsFileAndLine() {
        CheckResult r = forced().ok("modprobe:/etc/modprobe.d/zfs.conf", "# ours\noptions zfs zfs_arc_max=0 \\\n"
                        + "  zfs_qat_compress_disable=1\noptions spl x=1\n")
                .ok("modprobe:/usr/lib/modprobe.d/zfs.conf", "options zfs zfs_qat_checksum_disable=1\n")
                .check(Check.ZFS_PARAMS);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("compress set to 1 at load by /etc/modprobe.d/zfs.conf line 2"), r.message());
        // /usr/lib's file of the same name is hidden by /etc's, as kmod reads them: checksum is not explained by it
        assertTrue(r.message().contains("checksum, encrypt: no =1 in modprobe.d"), r.message());
        Fix.CommandFix edit = assertInstanceOf(Fix.CommandFix.class, r.fixes().get(3));
        assertEquals(List.of("remove zfs_qat_compress_disable=1 from /etc/modprobe.d/zfs.conf line 2"), edit.commands());
        assertEquals(List.of("zfs_qat_compress_disable=1 in /etc/modprobe.d/zfs.conf line 2: kmod passes it to zfs.ko"
                + " at every load"), r.details());
    }

    @Test
    void aOneOnTheKernelCommandLineIsNamed() {
        CheckResult r = Host.c62x().params(0, 1, 0)
                .ok("cmdline", "BOOT_IMAGE=/vmlinuz root=ZFS=rpool/ROOT zfs.zfs_qat_checksum_disable=1 quiet\n")
                .check(Check.ZFS_PARAMS);
        assertEquals(CheckStatus.WARN, r.status());
        assertTrue(r.message().contains("checksum set to 1 at load by the kernel command line (/proc/cmdline)"),
                r.message());
        assertTrue(r.fixes().get(1).summary().contains("remove zfs.zfs_qat_checksum_disable=1 from the boot loader's"),
                r.fixes().get(1).summary());
    }

    @Test
    void aFailedInitQuotesTheDriversAccessLayerWhenItLoggedSomething() {
        CheckResult r = forced().log(Host.QAT_STARTED, Host.ZFS_LOADED,
                "[ 30.0] SalCtrl_ServiceStart() - : Failed to start instance").check(Check.ZFS_PARAMS);
        assertTrue(r.message().contains("the driver's access layer last logged \"[ 30.0] SalCtrl_ServiceStart() - :"),
                r.message());
    }

    @Test
    void zeroIsNotProvedWithoutRequestsAndTheWarningWritesZeroAgain() {
        String zero = "19 1 0x01 17 4624 1 2\nname                            type data\n"
                + "comp_requests                   4    0\ndecomp_requests                 4    0\n"
                + "cksum_requests                  4    0\nencrypt_requests                4    0\n"
                + "decrypt_requests                4    0\n";
        Host h = Host.c62x().ok("kstat_qat", zero).log(Host.ZFS_LOADED, Host.QAT_STARTED);
        CheckResult r = h.check(Check.ZFS_PARAMS);
        assertEquals(CheckStatus.WARN, r.status(), "a 0 alone must not pass");
        assertTrue(r.message().contains("a 0 proves nothing") && r.message().contains("zfs.ko loaded before any QAT"
                + " device had started"), r.message());
        assertEquals(List.of(ZfsParam.COMPRESS, ZfsParam.CHECKSUM, ZfsParam.ENCRYPT), paramFixes(r));
        // checksum requests while observed prove qat_cy_init, which encryption shares; compression stays unproved
        CheckResult seen = h.examine(new Observation.Counted(5, java.util.Map.of(
                org.qatwb.model.kstat.QatCounter.CKSUM_REQUESTS, 40L))).result(Check.ZFS_PARAMS).orElseThrow();
        assertEquals(CheckStatus.WARN, seen.status());
        assertEquals(List.of(ZfsParam.COMPRESS), paramFixes(seen));
        assertTrue(seen.message().contains("none in 5.0 s") && seen.message().contains("qat_cy_init done"), seen.message());
        CheckResult all = h.examine(new Observation.Counted(5, java.util.Map.of(
                org.qatwb.model.kstat.QatCounter.CKSUM_REQUESTS, 40L, org.qatwb.model.kstat.QatCounter.COMP_REQUESTS, 9L)))
                .result(Check.ZFS_PARAMS).orElseThrow();
        assertEquals(CheckStatus.PASS, all.status(), all.message());
    }

    @Test
    void zeroWithRequestsSinceZfsLoadedPasses() {
        CheckResult r = Host.c62x().check(Check.ZFS_PARAMS);
        assertEquals(CheckStatus.PASS, r.status());
        assertTrue(r.message().contains("since zfs.ko loaded (qat_dc_init done)"), r.message());
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
