package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.app.workbench.EmptyStates;
import org.qatwb.app.workbench.HostSummary;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.app.workbench.StatusLine;
import org.qatwb.model.snapshot.NasSnapshot;

/**
 * What the empty views say on a host that is not (yet) a QAT NAS, read over real SSH from the
 * simulator: the no-qat profile (stock TrueNAS: ZFS without QAT, no driver), the same box with
 * zfs.ko unloaded (what a plain Debian host looks like), and a C62x NAS, where nothing is empty.
 */
class EmptyStatesTest {

    private final BuiltInSimulator sims = TestNas.simulators();
    private NasViewModel vm;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
        sims.close();
    }

    private NasSnapshot read(String profile) {
        vm = TestNas.viewModel(new NasTarget.Simulated(profile), sims);
        vm.connect();
        assertEquals(LinkState.CONNECTED, vm.linkProperty().get(), vm.linkDetailProperty().get());
        return vm.snapshotProperty().get();
    }

    @Test
    void withoutADriverTheDeviceTableSaysSoAndPointsAtTheDoctor() {
        NasSnapshot s = read("no-qat");
        EmptyStates.Why why = EmptyStates.noDevices(s).orElseThrow();
        assertEquals("No QAT driver on this host", why.title());
        assertTrue(why.detail().contains("--enable-kapi") && why.detail().contains("Doctor"), why.detail());
        assertEquals("no driver", line(s, "devices").value());
        // systemd answers "inactive" for a unit it does not know: the line says why
        assertTrue(line(s, "qat.service").detail().contains("no adf_ctl"), line(s, "qat.service").toString());
        assertTrue(EmptyStates.noConfFiles(s).orElseThrow().contains("not installed"));
        assertEquals("qat.driver", EmptyStates.firstFailure(org.qatwb.model.doctor.Doctor.examine(s, java.util.Optional.empty()))
                .orElseThrow().id(), "the doctor's first failing link is the driver");
    }

    @Test
    void zfsWithoutQatLeavesTheSwitchesAndKeepWithAReason() {
        NasSnapshot s = read("no-qat");
        String why = EmptyStates.noZfsQat(s).orElseThrow();
        assertTrue(why.contains("built without QAT") && why.contains("--with-qat"), why);
        assertTrue(EmptyStates.nothingToKeep(s).orElseThrow().startsWith("Nothing to keep"));
        assertEquals("not built with QAT", line(s, "zfs.qat").value());
    }

    @Test
    void aForkWithParametersOfItsOwnIsNotCalledZfsWithoutQat() throws IOException {
        read("no-qat");
        // TheTDD/zfs's parameters (module/zfs/qat_compress.c), none of OpenZFS's three
        Path params = sims.get("no-qat").root().resolve("sys/module/zfs/parameters");
        Files.writeString(params.resolve("zfs_qat_disable_compression"), "0\n");
        Files.writeString(params.resolve("zfs_qat_init_failure_threshold"), "100\n");
        vm.refresh();
        String why = EmptyStates.noZfsQat(vm.snapshotProperty().get()).orElseThrow();
        assertTrue(why.contains("2 zfs_qat_* parameters of its own") && why.contains("fork"), why);
        assertFalse(why.contains("built without"), why);
        assertEquals(2, vm.offload().otherParamsProperty().get().size());
        assertEquals("a fork's own parameters", line(vm.snapshotProperty().get(), "zfs.qat").value());
        assertTrue(EmptyStates.notYet(vm.snapshotProperty().get()).orElseThrow().contains("ZFS's QAT parameters are a fork's"));
    }

    @Test
    void zfsNotLoadedIsNotCalledZfsWithoutQat() throws IOException {
        read("no-qat");
        deleteTree(sims.get("no-qat").root().resolve("sys/module/zfs"));
        vm.refresh();
        NasSnapshot s = vm.snapshotProperty().get();
        assertFalse(EmptyStates.zfsLoaded(s));
        String why = EmptyStates.noZfsQat(s).orElseThrow();
        assertTrue(why.startsWith("ZFS is not loaded"), why);
        assertFalse(why.contains("built without"), why);
        assertEquals("ZFS not loaded", line(s, "zfs.qat").value());
    }

    /**
     * The case the issue met, over a real OpenSSH sshd: a Debian-like host with neither the QAT
     * driver nor ZFS (the no-qat tree with zfs.ko unloaded), read as a saved connection is.
     */
    @Test
    void aRealSshdHostWithNeitherDriverNorZfsSaysWhatToInstall(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        org.qatwb.ssh.testing.OpenSshServer.assumeAvailable();
        try (org.qatwb.sim.SimulatedNas sim = org.qatwb.sim.SimulatedNas.start(org.qatwb.sim.SimOptions.driven("no-qat"));
             org.qatwb.ssh.testing.OpenSshServer sshd = org.qatwb.ssh.testing.OpenSshServer.start(java.util.Map.of(
                     "QATWB_ROOT", sim.root().toString(), "PATH", sim.toolsForRealSshd() + ":/usr/bin:/bin"))) {
            deleteTree(sim.root().resolve("sys/module/zfs"));
            Path knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
            var c = new org.qatwb.app.settings.SavedConnection("debian", sshd.host(), sshd.port(), sshd.currentUser(),
                    org.qatwb.app.settings.AuthMethod.KEY, sshd.userKey().toString(), false, knownHosts.toString());
            vm = TestNas.viewModel(new NasTarget.Ssh(c), sims);
            vm.connect();
            assertEquals(LinkState.CONNECTED, vm.linkProperty().get(), vm.linkDetailProperty().get());
            NasSnapshot s = vm.snapshotProperty().get();
            assertEquals("No QAT driver on this host", EmptyStates.noDevices(s).orElseThrow().title());
            assertTrue(EmptyStates.noZfsQat(s).orElseThrow().startsWith("ZFS is not loaded"), EmptyStates.noZfsQat(s).toString());
            assertTrue(EmptyStates.nothingToKeep(s).isPresent());
            assertEquals("ZFS not loaded", line(s, "zfs.qat").value());
            assertEquals("not a QAT NAS yet: no QAT driver, ZFS not loaded (the Doctor tab says what to do)",
                    EmptyStates.notYet(s).orElseThrow());
        }
    }

    @Test
    void onAQatNasNothingIsEmpty() {
        NasSnapshot s = read("c62x");
        assertTrue(EmptyStates.noDevices(s).isEmpty());
        assertTrue(EmptyStates.noZfsQat(s).isEmpty());
        assertTrue(EmptyStates.nothingToKeep(s).isEmpty());
        assertTrue(EmptyStates.noConfFiles(s).isEmpty());
        assertTrue(EmptyStates.zfsLoaded(s));
        assertTrue(EmptyStates.notYet(s).isEmpty());
    }

    private static StatusLine line(NasSnapshot s, String id) {
        return HostSummary.of(s).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
