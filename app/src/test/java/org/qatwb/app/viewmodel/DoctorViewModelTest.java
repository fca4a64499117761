package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.model.doctor.Check;
import org.qatwb.model.doctor.CheckResult;
import org.qatwb.model.doctor.CheckStatus;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.doctor.Fix;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaProperty;

/** The Doctor view model on the synchronous executor, over real SSH to the simulator's profiles. */
class DoctorViewModelTest {

    private final BuiltInSimulator sims = TestNas.simulators();
    private NasViewModel nas;

    @AfterEach
    void tearDown() {
        if (nas != null) {
            nas.close();
        }
        sims.close();
    }

    private DoctorViewModel open(String profile) {
        return open(new NasTarget.Simulated(profile));
    }

    private DoctorViewModel open(NasTarget.Simulated target) {
        nas = TestNas.viewModel(target, sims);
        nas.connect();
        return new DoctorViewModel(nas);
    }

    @Test
    void theBrokenProfileNamesItsBrokenLinksWithFixes() {
        DoctorViewModel vm = open("broken");
        DoctorReport r = vm.reportProperty().get();
        assertNotNull(r);
        for (Check c : new Check[] {Check.QAT_KAPI, Check.QAT_VF_BLACKLIST, Check.QAT_KERNEL_INSTANCES}) {
            CheckResult result = r.result(c).orElseThrow();
            // ENABLE_KAPI off is a warning where zfs.ko holds qat_api itself, as the broken box's does
            assertEquals(c == Check.QAT_KAPI ? CheckStatus.WARN : CheckStatus.FAIL, result.status(), c.id());
            assertTrue(result.fixes().stream().anyMatch(f -> f instanceof Fix.FileFix), c.id() + ": " + result.fixes());
        }
    }

    @Test
    void aHealthyNasPassesAndTheCountersAreWatchedOnTheLiveStream() throws Exception {
        DoctorViewModel vm = open("c62x");
        assertTrue(vm.reportProperty().get().results().stream().noneMatch(x -> x.status() == CheckStatus.FAIL),
                vm.reportProperty().get().toString());
        // the first report may come before the stream's first sample; run again once samples flow
        assertTrue(NasViewModelTest.waitFor(() -> nas.lastSampleProperty().get() != null));
        vm.runAgain();
        assertTrue(vm.observingProperty().get(), "offload is on and datasets are offloadable: watch the counters");
        assertTrue(NasViewModelTest.waitFor(() -> {
            sims.get("c62x").advance(Duration.ofSeconds(2));
            return !vm.observingProperty().get();
        }));
        assertEquals(CheckStatus.PASS, vm.reportProperty().get().result(Check.ZFS_OFFLOAD_ACTIVE).orElseThrow().status(),
                vm.reportProperty().get().result(Check.ZFS_OFFLOAD_ACTIVE).orElseThrow().message());
    }

    @Test
    void aParameterFixGoesThroughTheSwitchAndTheDoctorLooksAgain() throws Exception {
        DoctorViewModel vm = open("c62x");
        nas.paramSwitch(org.qatwb.model.snapshot.ZfsParam.COMPRESS).request(false);
        vm.runAgain();
        CheckResult params = vm.reportProperty().get().result(Check.ZFS_PARAMS).orElseThrow();
        Fix fix = params.fixes().stream().filter(f -> f instanceof Fix.ParamFix).findFirst().orElseThrow(() ->
                new AssertionError(params.toString()));
        assertTrue(vm.apply(fix));
        assertEquals("0", Files.readString(sims.get("c62x").root()
                .resolve("sys/module/zfs/parameters/zfs_qat_compress_disable")).strip());
        CheckResult after = vm.reportProperty().get().result(Check.ZFS_PARAMS).orElseThrow();
        assertTrue(after.message().contains("a 0 proves nothing"), "on again, but nothing proves it yet: " + after.message());
        // offloadable work runs: the requests prove ZFS's QAT init, and the 0 now passes
        sims.get("c62x").workload().set("tank/backup", 1, 0);
        sims.get("c62x").advance(Duration.ofSeconds(2));
        vm.runAgain();
        CheckResult proved = vm.reportProperty().get().result(Check.ZFS_PARAMS).orElseThrow();
        assertEquals(CheckStatus.PASS, proved.status(), proved.message());
    }

    @Test
    void aZiaProviderSetInThePanelTurnsZiaStatusGreenAndTheNasKeepsIt() throws Exception {
        NasTarget.Simulated target = new NasTarget.Simulated("broken", true);
        DoctorViewModel vm = open(target);
        assertEquals(CheckStatus.FAIL, vm.reportProperty().get().result(Check.ZIA_STATUS).orElseThrow().status());
        assertEquals(List.of("zia_provider is off: nothing is offloaded until it names a provider"),
                vm.consequences(ZiaChange.turn("tank", ZiaProperty.DECOMPRESS, true)));

        ZiaChange provider = new ZiaChange("tank", ZiaProperty.PROVIDER, "zia-software-provider");
        assertEquals(List.of(), vm.consequences(provider));
        vm.changeZia(provider);
        assertFalse(vm.ziaBusyProperty().get());
        CheckResult zia = vm.reportProperty().get().result(Check.ZIA_STATUS).orElseThrow();
        assertEquals(CheckStatus.PASS, zia.status(), zia.message());
        assertEquals("tank: zia_compress, zia_checksum through provider zia-software-provider", zia.message());
        assertTrue(Files.readString(sims.get(target).root().resolve(".sim/state/zpool_props.tsv"))
                .contains("tank\tzia_provider\tzia-software-provider\tzia-software-provider\tlocal\n"));
        assertTrue(nas.notices().isEmpty(), nas.notices().toString());
    }

    @Test
    void aZiaChangeTheNasRefusesIsNotedInZpoolsWordsAndChangesNothing() {
        DoctorViewModel vm = open(new NasTarget.Simulated("broken", true));
        vm.changeZia(new ZiaChange("tank", ZiaProperty.PROVIDER, "qat"));
        assertFalse(vm.ziaBusyProperty().get());
        Notice n = nas.notices().get(nas.notices().size() - 1);
        assertEquals(Notice.Level.ERROR, n.level());
        assertEquals("zia_provider not changed", n.title());
        assertEquals("cannot set property for 'tank': provider 'qat' is not registered with dpusm", n.message());
        assertEquals("off", nas.snapshotProperty().get().pools().get("tank").zia().get("zia_provider"));
        assertEquals(CheckStatus.FAIL, vm.reportProperty().get().result(Check.ZIA_STATUS).orElseThrow().status());
    }
}
