package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The zfs_qat_*_disable parameters as OpenZFS's setters behave (DOMAIN.md section 6). */
class ZfsParamsTest {

    private static final String PARAMS = "\"$QATWB_ROOT\"/sys/module/zfs/parameters/";

    private static String read(SimulatedNas nas, String name) {
        return Shell.run(nas, "cat " + PARAMS + "zfs_qat_" + name + "_disable").out();
    }

    @Test
    void onC62xQatWasUpAtLoadSoTheParametersAreZeroAndWritesWork() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            assertEquals("0\n", read(nas, "compress"));
            assertEquals("0\n", read(nas, "checksum"));
            assertEquals("0\n", read(nas, "encrypt"));
            Shell.Result off = Shell.run(nas, "printf '1\\n' | sudo -n tee " + PARAMS + "zfs_qat_checksum_disable");
            assertEquals(0, off.rc(), off.err());
            assertEquals("1\n", off.out());
            assertEquals("1\n", read(nas, "checksum"));
            Shell.Result on = Shell.run(nas, "echo 0 | tee " + PARAMS + "zfs_qat_checksum_disable");
            assertEquals(0, on.rc(), on.err());
            assertEquals("0\n", read(nas, "checksum"));
            Shell.Result junk = Shell.run(nas, "echo yes | tee " + PARAMS + "zfs_qat_checksum_disable");
            assertEquals(1, junk.rc());
            assertTrue(junk.err().endsWith("zfs_qat_checksum_disable: Invalid argument\n"), junk.err());
        }
    }

    @Test
    void onBrokenTheParametersAreForcedToOneAndEnablingFailsWithEperm() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("broken"))) {
            assertEquals("1\n", read(nas, "compress"));
            Shell.Result r = Shell.run(nas, "printf '0\\n' | sudo -n tee " + PARAMS + "zfs_qat_compress_disable");
            assertEquals(1, r.rc());
            assertEquals("tee: " + nas.root() + "/sys/module/zfs/parameters/zfs_qat_compress_disable: Operation not permitted\n",
                    r.err());
            assertEquals("0\n", r.out()); // tee still copies its input to stdout
            assertEquals("1\n", read(nas, "compress"));
        }
    }

    @Test
    void onDh8950ZfsLoadedFirstSoTheParametersStartAtOneUntilSomeoneWritesZero() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("dh8950"))) {
            assertEquals("1\n", read(nas, "compress"));
            Shell.Result r = Shell.run(nas, "echo 0 | sudo -n tee " + PARAMS + "zfs_qat_compress_disable >/dev/null");
            assertEquals(0, r.rc(), r.err());
            assertEquals("0\n", read(nas, "compress"));
        }
    }

    @Test
    void withTheQatServiceStoppedInitFailsAndTheValueGoesBackToOne() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("dh8950"))) {
            assertEquals(0, Shell.run(nas, "systemctl stop qat").rc());
            Shell.Result r = Shell.run(nas, "echo 0 | tee " + PARAMS + "zfs_qat_encrypt_disable");
            assertEquals(1, r.rc());
            assertTrue(r.err().endsWith(": Operation not permitted\n"), r.err());
            assertEquals("1\n", read(nas, "encrypt"));
        }
    }

    @Test
    void zeroKernelInstancesMakeInitSucceedWithoutEverOffloading() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("dh8950"))) {
            // every VF with zero Dc instances: qat_dc_init "succeeds" and ZFS never uses QAT (the trap)
            assertEquals(0, Shell.run(nas, "cd \"$QATWB_ROOT\"/etc && for f in dh895xccvf_dev*.conf; do"
                    + " sed 's/^NumberDcInstances = 1/NumberDcInstances = 0/' \"$f\" > \"$f.new\" && mv \"$f.new\" \"$f\"; done"
                    + " && adf_ctl restart >/dev/null").rc());
            assertEquals(0, Shell.run(nas, "echo 0 | tee " + PARAMS + "zfs_qat_compress_disable").rc());
            assertEquals("0\n", read(nas, "compress"));
            nas.workload().set("data/backup", 100, 100);
            nas.advance(java.time.Duration.ofSeconds(10));
            assertTrue(Shell.run(nas, "cat \"$QATWB_ROOT\"/proc/spl/kstat/zfs/qat").out()
                    .contains("\ncomp_requests                   4    0\n"));
        }
    }

    @Test
    void sudoCanBeMadeToWantAPassword() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            nas.faults().sudoRequiresPassword(true);
            Shell.Result r = Shell.run(nas, "echo 1 | sudo -n tee " + PARAMS + "zfs_qat_compress_disable");
            assertEquals(1, r.rc());
            assertEquals("sudo: a password is required\n", r.err());
            assertEquals("0\n", read(nas, "compress"));
            nas.faults().sudoRequiresPassword(false);
            assertEquals(0, Shell.run(nas, "sudo -n true").rc());
        }
    }
}
