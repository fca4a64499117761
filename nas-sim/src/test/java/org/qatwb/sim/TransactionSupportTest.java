package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an apply's transaction needs of the simulated NAS: transient units whose timers fire on the
 * driven clock, a NAS without systemd, a full disk, call faults (a chosen call of a tool fails, or
 * drops every connection), the QAT kstat lost in a restart, and stand-ins reached through a real
 * sshd's links that still find the system's tools.
 */
class TransactionSupportTest {

    private static final String TIMER = "systemd-run --unit=qatwb-t --on-active=30s --quiet /bin/sh -c 'echo fired > \"$QATWB_ROOT/fired\"'";

    @Test
    void aTransientTimerFiresWhenTheDrivenClockReachesIt() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            Shell.Result r = Shell.run(nas, TIMER);
            assertEquals(0, r.rc(), r.err());
            assertEquals("active\n", Shell.run(nas, "systemctl is-active qatwb-t.timer").out());
            assertEquals(List.of("qatwb-t.timer"), nas.transientUnits());
            nas.advance(Duration.ofSeconds(29));
            assertFalse(Files.exists(nas.root().resolve("fired")));
            nas.advance(Duration.ofSeconds(1));
            assertTrue(Files.exists(nas.root().resolve("fired")), "advance waits for the service it started");
            assertEquals(List.of(), nas.transientUnits());
            assertEquals("inactive\n", Shell.run(nas, "systemctl is-active qatwb-t.timer").out());
        }
    }

    @Test
    void aStoppedTimerNeverFiresAndAUnitNameIsTakenWhileLoaded() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            assertEquals(0, Shell.run(nas, TIMER).rc());
            Shell.Result twice = Shell.run(nas, TIMER);
            assertEquals(1, twice.rc());
            assertTrue(twice.err().contains("qatwb-t.timer was already loaded"), twice.err());
            assertEquals(0, Shell.run(nas, "systemctl stop qatwb-t.timer").rc());
            nas.advance(Duration.ofSeconds(60));
            assertFalse(Files.exists(nas.root().resolve("fired")));
            assertEquals(5, Shell.run(nas, "systemctl stop qatwb-t.timer").rc(), "not loaded any more");
        }
    }

    @Test
    void aTransientServiceRunsOutsideTheExecWithTheNasEnvironment() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            Shell.Result r = Shell.run(nas, "systemd-run --unit=qatwb-w /bin/sh -c 'sleep 0.2; adf_ctl status > \"$QATWB_ROOT/status\"'");
            assertEquals(0, r.rc(), r.err());
            assertEquals("Running as unit: qatwb-w.service\n", r.err());
            nas.awaitTransientUnits(Duration.ofSeconds(30));
            assertTrue(Shell.run(nas, "cat \"$QATWB_ROOT/status\"").out().contains("There is 51 QAT acceleration device(s)"));
        }
    }

    @Test
    void withoutSystemdSystemdRunFailsAsOnABoxNotBootedWithIt() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            assertTrue(Files.isDirectory(nas.root().resolve(SimFaults.SYSTEMD_RUNTIME)));
            nas.faults().withoutSystemd(true);
            Shell.Result r = Shell.run(nas, TIMER);
            assertEquals(1, r.rc());
            assertTrue(r.err().startsWith("System has not been booted with systemd"), r.err());
            nas.faults().clear();
            assertEquals(0, Shell.run(nas, TIMER).rc());
        }
    }

    @Test
    void aFullDiskShowsInDfAndRefusesNewFilesUnderTheRoot() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            nas.faults().diskFull(true);
            Shell.Result df = Shell.run(nas, "df -Pk \"$QATWB_ROOT/etc\" | tail -n 1");
            assertEquals("0", df.out().trim().split("\\s+")[3]);
            Shell.Result tmp = Shell.run(nas, "mktemp \"$QATWB_ROOT/etc/.x.XXXXXX\"");
            assertEquals(1, tmp.rc());
            assertTrue(tmp.err().endsWith("No space left on device\n"), tmp.err());
            nas.faults().diskFull(false);
            assertTrue(Integer.parseInt(Shell.run(nas, "df -Pk \"$QATWB_ROOT/etc\" | tail -n 1").out().trim().split("\\s+")[3]) > 0);
        }
    }

    @Test
    void theNthMatchingCallOfAToolFailsAndOnlyThatOne() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            nas.faults().failCall("mv", "/etc/", 2, "mv: cannot move: Input/output error");
            String mv = "touch \"$QATWB_ROOT/%s\" && mv \"$QATWB_ROOT/%s\" \"$QATWB_ROOT/%s\"";
            assertEquals(0, Shell.run(nas, String.format(mv, "tmp-a", "tmp-a", "tmp-b")).rc(), "not under etc: not counted");
            assertEquals(0, Shell.run(nas, String.format(mv, "etc/a", "etc/a", "etc/b")).rc());
            Shell.Result second = Shell.run(nas, String.format(mv, "etc/c", "etc/c", "etc/d"));
            assertEquals(1, second.rc());
            assertEquals("mv: cannot move: Input/output error\n", second.err());
            assertTrue(Files.exists(nas.root().resolve("etc/c")), "a failed call does nothing");
            assertEquals(0, Shell.run(nas, String.format(mv, "etc/e", "etc/e", "etc/f")).rc());
            assertEquals(3, nas.faults().calls("mv"));
        }
    }

    @Test
    void aCallThatDropsTheConnectionsStillDoesItsWork() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"));
             MinaClient ssh = new MinaClient(nas.endpoint())) {
            nas.faults().dropConnectionsAtCall("systemctl", "restart", 1);
            ssh.exec("systemctl restart qat");
            assertTrue(ssh.session.isClosed() || ssh.session.isClosing(), "the connection went down with the restart");
            assertEquals("active\n", Shell.run(nas, "systemctl is-active qat").out(), "the restart itself went on");
        }
    }

    @Test
    void theKstatCanBeLostInTheNextRestart() {
        // zfs.ko first: ZFS holds no device, so the restart happens (ZfsHoldsQatTest: it is refused otherwise)
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            Path kstat = nas.root().resolve("proc/spl/kstat/zfs/qat");
            assertTrue(Files.exists(kstat));
            nas.faults().loseKstatOnNextRestart();
            assertEquals(0, Shell.run(nas, "adf_ctl restart").rc());
            assertFalse(Files.exists(kstat));
        }
    }

    @Test
    void standInsReachedThroughARealSshdsLinksFindTheSystemsTools() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            Path tools = nas.toolsForRealSshd();
            // the PATH a real sshd gives: the links first, then the system's directories; no sim-bin
            String run = "PATH=" + tools + ":/usr/bin:/bin; export PATH; df -Pk / | tail -n 1; echo x | tee \"$QATWB_ROOT/t\"";
            Shell.Result r = Shell.run(nas, run);
            assertEquals(0, r.rc(), r.err());
            assertEquals("x\n", Files.readString(nas.root().resolve("t")));
        }
    }
}
