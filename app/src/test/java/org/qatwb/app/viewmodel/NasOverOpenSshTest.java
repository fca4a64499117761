package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.app.settings.AuthMethod;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaProperty;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.testing.OpenSshServer;

/**
 * A saved connection to a real OpenSSH sshd on 127.0.0.1, as the Connect dialog makes one: the
 * workbench's view model connects with a key file and a known_hosts file, reads the NAS (the
 * simulator's tree, served by sshd to the real agent), flips a switch and sets a Z.I.A. pool property.
 */
class NasOverOpenSshTest {

    @TempDir
    Path dir;

    @Test
    void aSavedConnectionToARealSshdShowsTheNasAndFlipsASwitch() throws Exception {
        OpenSshServer.assumeAvailable();
        try (SimulatedNas sim = SimulatedNas.start(SimOptions.driven("c62x").withZia(true));
             OpenSshServer sshd = OpenSshServer.start(Map.of("QATWB_ROOT", sim.root().toString(),
                     "PATH", sim.toolsForRealSshd() + ":/usr/bin:/bin"));
             BuiltInSimulator none = new BuiltInSimulator()) {
            Path knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
            SavedConnection c = new SavedConnection("lab sshd", sshd.host(), sshd.port(), sshd.currentUser(), AuthMethod.KEY,
                    sshd.userKey().toString(), false, knownHosts.toString());
            try (NasViewModel vm = TestNas.viewModel(new NasTarget.Ssh(c), none)) {
                vm.connect();
                assertEquals(LinkState.CONNECTED, vm.linkProperty().get(), vm.linkDetailProperty().get());
                assertEquals(3, vm.devices().size());
                assertTrue(vm.linkDetailProperty().get().endsWith(":" + sshd.port()), vm.linkDetailProperty().get());

                vm.offload().paramSwitch(ZfsParam.CHECKSUM).request(false);
                assertEquals("1", Files.readString(sim.root().resolve("sys/module/zfs/parameters/zfs_qat_checksum_disable")).strip());
                assertEquals(ParamState.OFF, vm.offload().paramSwitch(ZfsParam.CHECKSUM).getState());

                // tank holds encrypted datasets: the window refuses to engage Z.I.A. there (ZiaUseCase.check,
                // as the CLI), says why, and sends nothing
                vm.zia().change(ZiaChange.turn("tank", ZiaProperty.RAIDZ2_REC, true));
                assertEquals("off", vm.snapshotProperty().get().pools().get("tank").zia().get("zia_raidz2_rec"));
                assertTrue(vm.zia().outcomeProperty().get().message().contains("tank/secure (aes-128-gcm)"),
                        vm.zia().outcomeProperty().get().toString());
                assertTrue(vm.notices().isEmpty(), vm.notices().toString());
            }
        }
    }
}
