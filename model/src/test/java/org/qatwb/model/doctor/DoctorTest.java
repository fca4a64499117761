package org.qatwb.model.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.testutil.AgentOutputWriter;
import org.qatwb.model.testutil.NasOutputs;

/** The catalogue and the runner: ids, chain order, a healthy host, a host without QAT. */
class DoctorTest {

    /** CLI.md and the issue fix these ids: scripts depend on them. */
    @Test
    void theCatalogueHasTheFixedIdsInChainOrder() {
        List<String> ids = Arrays.stream(Check.values()).map(Check::id).toList();
        assertTrue(ids.containsAll(List.of("zfs.built-with-qat", "qat.kapi", "qat.sriov", "qat.vf-blacklist",
                "qat.devices-up", "qat.conf-valid", "qat.kernel-instances", "zfs.params", "zfs.persistence",
                "zfs.datasets-offloadable", "zfs.offload-active", "zfs.instance-cap", "kernel.requests-pending",
                "kernel.driver-errors", "zia.status")), ids.toString());
        assertEquals(ids.size(), ids.stream().distinct().count());
        int last = 0;
        for (Check c : Check.values()) {
            int n = c.link().number().orElse(10);
            assertTrue(n >= last, c.id() + " (link " + n + ") comes after link " + last);
            last = n;
        }
        assertEquals(Optional.of(Check.QAT_KAPI), Check.byId("qat.kapi"));
    }

    @Test
    void everyCheckComesAfterTheLinksItNeeds() {
        for (Check c : Check.values()) {
            for (Check p : c.prerequisites()) {
                assertTrue(p.ordinal() < c.ordinal(), c.id() + " needs " + p.id() + ", which must run first");
            }
        }
        assertEquals(List.of(Check.ZFS_BUILT_WITH_QAT, Check.ZFS_PARAMS, Check.ZFS_DATASETS_OFFLOADABLE),
                Check.ZFS_OFFLOAD_ACTIVE.prerequisites());
    }

    @Test
    void aHealthyC62xHostPassesEveryCheckOrSkips() {
        DoctorReport r = Host.c62x().examine();
        assertEquals(Check.values().length, r.results().size());
        for (CheckResult c : r.results()) {
            assertTrue(c.status() == CheckStatus.PASS || c.status() == CheckStatus.SKIP, c.id() + ": " + c.message());
            assertTrue(c.fixes().isEmpty(), c.id() + " needs no fix");
        }
        assertFalse(r.failed());
        assertEquals(CheckStatus.SKIP, r.result(Check.ZFS_OFFLOAD_ACTIVE).orElseThrow().status(), "not observed");
        assertEquals(CheckStatus.SKIP, r.result(Check.ZIA_STATUS).orElseThrow().status(), "no zia_* properties");
        assertEquals(2, r.counts().get(CheckStatus.SKIP));
    }

    @Test
    void aHostWithoutQatFailsTheDriverAndTheZfsBuildAndSkipsWhatDependsOnThem() throws Exception {
        DoctorReport r = Doctor.examine(NasSnapshotReader.read(AgentOutput.parse(NasOutputs.noQatHost().bytes(),
                AgentOutputWriter.BOUNDARY)), Optional.empty());
        assertTrue(r.failed());
        assertEquals(CheckStatus.FAIL, r.result(Check.QAT_DRIVER).orElseThrow().status());
        assertEquals(CheckStatus.FAIL, r.result(Check.ZFS_BUILT_WITH_QAT).orElseThrow().status());
        for (Check c : List.of(Check.QAT_KAPI, Check.QAT_SRIOV, Check.QAT_VF_BLACKLIST, Check.QAT_CONF_VALID,
                Check.QAT_KERNEL_INSTANCES, Check.ZFS_INSTANCE_CAP, Check.QAT_DEVICES_UP, Check.ZFS_PARAMS,
                Check.ZFS_PERSISTENCE, Check.ZFS_DATASETS_OFFLOADABLE, Check.ZFS_OFFLOAD_ACTIVE)) {
            CheckResult res = r.result(c).orElseThrow();
            assertEquals(CheckStatus.SKIP, res.status(), c.id() + ": " + res.message());
            assertTrue(res.message().contains("qat.driver") || res.message().contains("zfs.built-with-qat"),
                    res.message());
        }
        assertEquals(2, r.counts().get(CheckStatus.FAIL), "no piling on: two broken links, two failures");
    }

    @Test
    void everyMessageAndDetailIsOneLineWhateverTheNasPrinted() {
        DoctorReport r = Host.c62x().log("QAT Error: bad\rline\u0007", Host.PENDING)
                .datasets(Host.dataset("tank/we\u0007ird", "lz4", "on", "off", "1048576")).examine();
        for (CheckResult c : r.results()) {
            assertFalse(c.message().contains("\n") || c.message().contains("\r"), c.message());
            c.details().forEach(d -> assertFalse(d.contains("\n") || d.contains("\r") || d.contains("\u0007"), d));
            c.fixSummary().ifPresent(f -> assertFalse(f.contains("\n"), f));
        }
    }
}
