package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.app.usecase.KeepAfterReboot;
import org.qatwb.app.settings.AuthMethod;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.app.workbench.DeviceRow;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.app.workbench.StatusLine;
import org.qatwb.app.workbench.Tone;
import org.qatwb.model.history.EventKind;
import org.qatwb.model.history.KstatSeries;
import org.qatwb.model.history.Metric;
import org.qatwb.model.history.OffloadHistory;
import org.qatwb.model.history.SeriesCatalog;
import org.qatwb.model.kstat.QatService;
import org.qatwb.model.persist.PersistPlan;
import org.qatwb.model.persist.PersistState;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.sim.SimEndpoint;
import org.qatwb.sim.SimulatedNas;

/** The NAS view model on the synchronous executor, over real SSH to the in-process simulator. */
class NasViewModelTest {

    @RegisterExtension
    final TestNas sims = TestNas.demo();
    private NasViewModel vm;

    @TempDir
    Path dir;

    private NasViewModel open(NasTarget target) {
        vm = sims.connect(target);
        return vm;
    }

    @Test
    void connectingShowsTheWholeC62xHost() {
        open(new NasTarget.Simulated("c62x"));
        assertEquals(LinkState.CONNECTED, vm.linkProperty().get(), vm.linkDetailProperty().get());
        assertNotNull(vm.snapshotProperty().get());
        List<DeviceRow> rows = vm.devices();
        assertEquals(3, rows.size());
        for (DeviceRow pf : rows) {
            assertEquals(16, pf.children().size(), pf.title());
            assertTrue(pf.up());
        }
        StatusLine service = line("qat.service");
        assertEquals("active", service.value());
        assertEquals(Tone.GOOD, service.tone());
        assertEquals(Tone.GOOD, line("zfs.qat").tone());
        for (ZfsParam p : ZfsParam.values()) {
            assertEquals(ParamState.ON, vm.offload().paramSwitch(p).getState(), p.name());
        }
        assertTrue(vm.linkDetailProperty().get().contains("127.0.0.1"), vm.linkDetailProperty().get());
    }

    @Test
    void aSwitchWritesTheParameterOnTheNasAndMarksTheCharts() throws Exception {
        open(new NasTarget.Simulated("c62x"));
        Path file = sims.get("c62x").root().resolve("sys/module/zfs/parameters/zfs_qat_compress_disable");
        assertEquals("0", Files.readString(file).strip());

        vm.offload().paramSwitch(ZfsParam.COMPRESS).request(false);

        assertEquals("1", Files.readString(file).strip());
        assertEquals(ParamState.OFF, vm.offload().paramSwitch(ZfsParam.COMPRESS).getState());
        assertEquals(ParamState.ON, vm.offload().paramSwitch(ZfsParam.CHECKSUM).getState(), "the others untouched");
        assertTrue(vm.charts().history().events().stream().anyMatch(e -> e.kind() == EventKind.PARAM_CHANGE
                && e.label().contains("Compression offload off")), vm.charts().history().events().toString());

        vm.offload().paramSwitch(ZfsParam.COMPRESS).request(true);
        assertEquals("0", Files.readString(file).strip());
        assertEquals(ParamState.ON, vm.offload().paramSwitch(ZfsParam.COMPRESS).getState());
    }

    @Test
    void keepAfterRebootShowsItsPlanThenInstallsExactlyThatUnit() throws Exception {
        // c62x's administrator keeps the parameters with the unit already: take it away, so there is none to keep
        Path wants = sims.get("c62x").root().resolve("etc/systemd/system/multi-user.target.wants/qatwb-zfs-qat.service");
        Files.delete(wants);
        Files.delete(sims.get("c62x").root().resolve("etc/systemd/system/qatwb-zfs-qat.service"));
        open(new NasTarget.Simulated("c62x"));
        vm.offload().paramSwitch(ZfsParam.ENCRYPT).request(false);
        PersistPlan plan = vm.offload().keepPlan().orElseThrow();
        assertEquals(PersistPlan.Action.CREATE, plan.action());
        assertEquals(java.util.Set.of(ZfsParam.COMPRESS, ZfsParam.CHECKSUM), plan.keep(), "what is on now");
        assertTrue(plan.diff().contains("+ExecStart="), plan.diff());

        vm.offload().keep(plan, false);

        Path unit = sims.get("c62x").root().resolve("etc/systemd/system/qatwb-zfs-qat.service");
        assertEquals(plan.newText(), Files.readString(unit), "the text the user saw is the text written");
        assertEquals(plan.keep(), vm.snapshotProperty().get().persistence().keptAtBoot());
        assertTrue(KeepAfterReboot.summary(vm.snapshotProperty().get().persistence()).startsWith("kept at boot: compress, checksum"));
        assertEquals("Kept after reboot", vm.notices().get(vm.notices().size() - 1).title());
    }

    /**
     * A unit edited by hand is replaced only when the user chose to (the dialog's own button, Cancel
     * the default); and a plan made before someone edited the unit again writes nothing.
     */
    @Test
    void aHandEditedUnitIsReplacedOnlyWhenChosenAndNeverOverAnEditMadeSinceTheDiff() throws Exception {
        SimulatedNas nas = sims.get("c62x");
        Path unit = nas.root().resolve("etc/systemd/system/qatwb-zfs-qat.service");
        String mine = ZfsQatUnit.text(EnumSet.of(ZfsParam.COMPRESS)).replace("Wants=qat.service\n",
                "Wants=qat.service\nConditionPathExists=/etc/my-flag\n");
        Files.writeString(unit, mine);
        open(new NasTarget.Simulated("c62x"));
        assertTrue(vm.snapshotProperty().get().persistence() instanceof PersistState.Foreign);
        PersistPlan plan = vm.offload().keepPlan().orElseThrow();
        assertTrue(OffloadViewModel.replacesHandEdit(plan));

        vm.offload().keep(plan, false);
        assertEquals(mine, Files.readString(unit), "not chosen: the hand edit stays");
        Notice refused = vm.notices().get(vm.notices().size() - 1);
        assertEquals(Notice.Level.WARNING, refused.level());
        assertTrue(refused.message().contains("edited by hand"), refused.message());

        String again = mine.replace("/etc/my-flag", "/etc/my-other-flag");
        Files.writeString(unit, again);
        vm.offload().keep(plan, true);
        assertEquals(again, Files.readString(unit), "edited since the diff was shown: nothing is written");
        Notice stale = vm.notices().get(vm.notices().size() - 1);
        assertEquals("Not kept after reboot", stale.title());
        assertTrue(stale.message().contains("changed on the NAS since the change was shown"), stale.message());

        PersistPlan fresh = vm.offload().keepPlan().orElseThrow();
        assertTrue(fresh.diff().contains("-ConditionPathExists=/etc/my-other-flag"), fresh.diff());
        vm.offload().keep(fresh, true);
        assertEquals(fresh.newText(), Files.readString(unit), "chosen: the text the user saw is the text written");
        assertEquals("Kept after reboot", vm.notices().get(vm.notices().size() - 1).title());
        assertTrue(vm.snapshotProperty().get().persistence() instanceof PersistState.Kept);
    }

    @Test
    void epermIsQatInitialisationFailedWithWhatToCheck() {
        open(new NasTarget.Simulated("broken"));
        assertEquals(ParamState.OFF, vm.offload().paramSwitch(ZfsParam.COMPRESS).getState());
        vm.offload().paramSwitch(ZfsParam.COMPRESS).request(true);
        Notice n = vm.notices().get(vm.notices().size() - 1);
        assertEquals("QAT initialisation failed", n.title());
        assertTrue(n.message().contains("qat.service"), n.message());
        assertEquals(ParamState.OFF, vm.offload().paramSwitch(ZfsParam.COMPRESS).getState(), "the kernel put it back to 1");
    }

    @Test
    void confFilesOfDevicesThatNeverCameUpAreListedWithTheirFindings() {
        open(new NasTarget.Simulated("broken"));
        DeviceRow last = vm.devices().get(vm.devices().size() - 1);
        assertTrue(last.device().isEmpty());
        assertTrue(last.title().startsWith("Other conf files"), last.title());
        assertTrue(last.errors() > 0, "the broken profile's error is in a VF file: " + last);
        assertTrue(last.children().stream().allMatch(r -> r.confPath().isPresent()));
    }

    @Test
    void aNasWithoutQatHasAbsentSwitchesThatDoNothing() {
        open(new NasTarget.Simulated("no-qat"));
        for (ZfsParam p : ZfsParam.values()) {
            assertEquals(ParamState.ABSENT, vm.offload().paramSwitch(p).getState());
        }
        vm.offload().paramSwitch(ZfsParam.COMPRESS).request(true);
        assertTrue(vm.notices().isEmpty(), vm.notices().toString());
        assertEquals(Tone.BAD, line("zfs.qat").tone());
    }

    @Test
    void aChangedHostKeyIsRefusedAndNothingIsShown() throws Exception {
        SimEndpoint e = sims.get("c62x").endpoint();
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + e.port()
                + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHrhCfHL6XMG4wZH1XA9r7eYxl2SbbDTxEtwMvoTstg9\n");
        open(new NasTarget.Ssh(new SavedConnection("nas", e.host(), e.port(), e.user(), AuthMethod.KEY,
                e.identity().toString(), false, knownHosts.toString())));
        assertEquals(LinkState.FAILED, vm.linkProperty().get());
        assertNull(vm.snapshotProperty().get());
        Notice n = vm.notices().get(0);
        assertEquals("Host key refused", n.title());
        assertTrue(n.message().contains(knownHosts + ":1"), n.message());
        assertEquals(1, Files.readAllLines(knownHosts).size(), "known_hosts is never changed");
    }

    @Test
    void theStreamFillsTheHistoryWithRatesThatMoveUnderLoad() throws Exception {
        open(new NasTarget.Simulated("c62x"));
        SimulatedNas nas = sims.get("c62x");
        KstatSeries comp = SeriesCatalog.kstat(QatService.COMPRESSION, Metric.REQUESTS_PER_S).orElseThrow();
        OffloadHistory h = vm.charts().history();
        assertTrue(waitFor(() -> {
            nas.advance(Duration.ofSeconds(1));
            return h.size() >= 3 && h.last(comp) > 0;
        }), "compression requests/s in the history: " + h.size());
    }

    private StatusLine line(String id) {
        return vm.summary().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
