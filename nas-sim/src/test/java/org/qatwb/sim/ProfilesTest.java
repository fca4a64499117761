package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.qatwb.model.adf.AdfStatusParser;
import org.qatwb.model.etc.QatDefaultsParser;
import org.qatwb.model.etc.VfBlacklistParser;

/** What each profile's NAS has, and lacks. */
class ProfilesTest {

    @Test
    void noQatHasNoDriverNoKstatNoParameters() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("no-qat"))) {
            Shell.Result which = Shell.run(nas, "command -v adf_ctl");
            assertTrue(which.rc() != 0, which.out());
            assertEquals("", which.out());
            assertFalse(Files.exists(nas.root().resolve("proc/spl/kstat/zfs/qat")));
            assertEquals("zfs_arc_max\nzfs_txg_timeout\n",
                    Shell.run(nas, "ls \"$QATWB_ROOT\"/sys/module/zfs/parameters").out());
            assertEquals("", Shell.run(nas, "ls \"$QATWB_ROOT\"/etc | grep _dev").out());
            assertFalse(Files.exists(nas.root().resolve("etc/default/qat")));
            assertEquals("inactive\n", Shell.run(nas, "systemctl is-active qat").out());
            assertEquals("TrueNAS", Shell.run(nas, "test -f \"$QATWB_ROOT\"/etc/version && echo TrueNAS").out().strip());
            Shell.Result tee = Shell.run(nas, "echo 0 | tee \"$QATWB_ROOT\"/sys/module/zfs/parameters/zfs_qat_compress_disable");
            assertEquals(1, tee.rc());
            assertTrue(tee.err().endsWith(": Permission denied\n"), tee.err());
        }
    }

    @Test
    void brokenBlacklistsTheVfDriverSoOnlyThePfsAreListedAndKapiIsOff() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("broken"))) {
            var status = AdfStatusParser.parse(Shell.run(nas, "adf_ctl status").out());
            assertEquals(3, status.devices().size());
            assertTrue(status.devices().stream().noneMatch(d -> d.vf()));
            assertTrue(VfBlacklistParser.parse(Files.readString(nas.root().resolve("etc/modprobe.d/blacklist-qat-vfs.conf")))
                    .blocks("qat_c62xvf"));
            var defaults = QatDefaultsParser.parse(Files.readString(nas.root().resolve("etc/default/qat")));
            assertTrue(defaults.sriovEnabled());
            assertFalse(defaults.kapiEnabled());
            assertTrue(Files.readString(nas.root().resolve("etc/c6xxvf_dev0.conf")).contains("Cy0IsPolled = 1"));
            assertTrue(Shell.run(nas, "dmesg").out().contains("] cpaCySymRemoveSession() - : There are 1 requests pending\n"));
            String zfs = Shell.run(nas, "zfs get -H -p -o name,property,value recordsize,compression -t filesystem").out();
            assertTrue(zfs.lines().filter(l -> l.contains("\trecordsize\t")).allMatch(l -> l.endsWith("\t1048576")), zfs);
            assertTrue(zfs.lines().filter(l -> l.contains("\tcompression\t")).allMatch(l -> l.endsWith("\tlz4")), zfs);
        }
    }

    @Test
    void brokenWithZiaHasCompressionAndChecksumsOnButNoProvider() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("broken").withZia(true))) {
            String pool = Shell.run(nas, "zpool get -H -p -o name,property,value all").out();
            assertTrue(pool.contains("tank\tzia_provider\t-\n"), "no provider: zpool prints - " + pool);
            assertTrue(pool.contains("tank\tzia_compress\ton\n") && pool.contains("tank\tzia_checksum\ton\n"), pool);
            assertTrue(pool.contains("tank\tzia_decompress\toff\n"), pool);
            assertTrue(Shell.run(nas, "dmesg").out().contains("] QAT: Cannot use PF with IOMMU enabled\n"));
        }
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withZia(true))) {
            String pool = Shell.run(nas, "zpool get -H -p -o name,property,value all").out();
            assertTrue(pool.lines().filter(l -> l.contains("\tzia_")).count() == 13, pool);
            assertTrue(pool.lines().filter(l -> l.contains("\tzia_")).noneMatch(l -> l.endsWith("\ton")),
                    "c62x turns nothing on: " + pool);
        }
    }

    @Test
    void fixingTheBlacklistAndKapiThenRestartingTheServiceBringsTheVfsAndZfsOffload() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("broken"))) {
            Files.delete(nas.root().resolve("etc/modprobe.d/blacklist-qat-vfs.conf"));
            Files.writeString(nas.root().resolve("etc/default/qat"), "SRIOV_ENABLE=1\nENABLE_KAPI=1\n");
            assertEquals(0, Shell.run(nas, "sudo -n systemctl restart qat").rc());
            assertEquals(51, AdfStatusParser.parse(Shell.run(nas, "adf_ctl status").out()).devices().size());
            assertEquals(0, Shell.run(nas, "echo 0 | tee \"$QATWB_ROOT\"/sys/module/zfs/parameters/zfs_qat_compress_disable").rc());
        }
    }

    @Test
    void dh8950HasOnePfAndThirtyTwoVfsOnNodeOne() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("dh8950"))) {
            var status = AdfStatusParser.parse(Shell.run(nas, "adf_ctl status").out());
            assertEquals(33, status.devices().size());
            assertEquals(" qat_dev0 - type: dh895xcc,  inst_id: 0,  node_id: 1,  bsf: 0000:83:00.0,  #accel: 6 #engines: 12 state: up",
                    Shell.run(nas, "adf_ctl status").out().lines().toList().get(2));
            assertTrue(status.devices().stream().allMatch(d -> d.nodeId() == 1));
            // the VFs' instances are on node 1's cores, both of a VF on one core (its one bank's)
            String cpus = Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/devices/system/node/node1/cpulist").out().strip();
            assertEquals("8-15,24-31", cpus);
            String vf = Files.readString(nas.root().resolve("etc/dh895xccvf_dev0.conf"));
            // both instances of a VF on one core: the driver binds a VF's one bank to one core
            assertTrue(vf.contains("Cy0CoreAffinity = 8\n") && vf.contains("Dc0CoreAffinity = 8\n"), vf);
        }
    }

    @Test
    void theCpuTopologyOfC62xIsFiftySixCoresOnTwoNodes() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            assertEquals("0-55\n", Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/devices/system/cpu/online").out());
            assertEquals("0-1\n", Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/devices/system/node/online").out());
            assertEquals("0-13,28-41\n", Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/devices/system/node/node0/cpulist").out());
            assertTrue(Shell.run(nas, "cat \"$QATWB_ROOT\"/etc/os-release").out().contains("ID=debian"));
            assertFalse(Files.exists(nas.root().resolve("etc/modprobe.d/blacklist-qat-vfs.conf")));
        }
    }
}
