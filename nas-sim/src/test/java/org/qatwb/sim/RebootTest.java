package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.model.persist.InitScript;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.sim.profile.ParamsAtBoot;
import org.qatwb.sim.ssh.SshKeys;

/**
 * The simulated NAS reboots for real: asked over SSH it drops its connections, refuses new ones while
 * down, and comes back on the same port with the same host key; its boot runs qatwb's units and
 * TrueNAS init scripts as real processes in systemd's (and the middleware's) order; the parameters
 * read after a boot as either of DOMAIN.md section 6's observations; and the boot faults.
 */
class RebootTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String UNITS = "\"$QATWB_ROOT\"/etc/systemd/system/";
    /** What a boot script saw: its arguments, the devices up, zfs.ko in the kernel log or not, the parameter, a restart. */
    private static final String PROBE = """
            seen="$QATWB_ROOT/var/lib/qatwb/seen"
            {
                echo "args=$*"
                echo "up=$(adf_ctl status | grep -c 'state: up')"
                echo "zfs=$(dmesg | grep -c 'ZFS: Loaded module')"
                echo "param=$(cat "$QATWB_ROOT/sys/module/zfs/parameters/zfs_qat_compress_disable" 2>/dev/null || echo absent)"
                adf_ctl restart >/dev/null 2>&1
                echo "restart=$?"
            } >"$seen"
            echo "probe ran"
            """;

    private static String unit(String after, String before) {
        return "[Unit]\nDescription=qatwb test probe\nAfter=" + after + "\nBefore=" + before + "\n\n[Service]\n"
                + "Type=oneshot\nExecStart=/bin/sh /var/lib/qatwb/probe.sh boot-check - 0\n\n[Install]\nWantedBy=multi-user.target\n";
    }

    private static void sh(SimulatedNas nas, String command, String stdin) {
        Shell.Result r = Shell.run(nas, command, stdin);
        assertEquals(0, r.rc(), command + ": " + r.err());
    }

    private static String seen(SimulatedNas nas) throws IOException {
        return Files.readString(nas.root().resolve("var/lib/qatwb/seen"));
    }

    private static String param(SimulatedNas nas) {
        return Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/module/zfs/parameters/zfs_qat_compress_disable").out();
    }

    private static long compRequests(SimulatedNas nas) {
        return Long.parseLong(Shell.run(nas, "awk '$1 == \"comp_requests\" { print $3 }' \"$QATWB_ROOT\"/proc/spl/kstat/zfs/qat")
                .out().strip());
    }

    /** Polls until a TCP connect to the NAS's port is refused; false if it never is within {@link #WAIT}. */
    private static boolean refusedWithin(SimEndpoint e) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(e.host(), e.port()), 1000);
            } catch (ConnectException refused) {
                return true;
            } catch (IOException other) {
                // a timeout or a reset while it goes down: try again
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Test
    void systemctlRebootOverSshDropsTheConnectionRefusesWhileDownAndComesBackWithTheSameHostKey() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withDownTime(Duration.ofSeconds(3)))) {
            SimEndpoint e = nas.endpoint();
            String knownHosts = Files.readString(e.knownHosts());
            String bootId;
            try (MinaClient c = new MinaClient(e)) {
                bootId = c.exec("cat \"$QATWB_ROOT\"/proc/sys/kernel/random/boot_id").out();
                assertTrue(bootId.matches("[0-9a-f-]{36}\n"), bootId);
                c.exec("systemctl reboot");
                assertTrue(c.session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), WAIT)
                        .contains(ClientSession.ClientSessionEvent.CLOSED), "the connection dropped");
            }
            assertTrue(refusedWithin(e), "while down, connections are refused");
            assertTrue(nas.awaitBoots(2, WAIT), "it came back");
            assertEquals(e.port(), nas.endpoint().port(), "the same port");
            assertEquals(knownHosts, Files.readString(e.knownHosts()), "known_hosts as before");

            // trust only the key known_hosts names, as ssh -o UserKnownHostsFile=... does
            SshClient client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier((s, addr, key) -> knownHosts.equals(SshKeys.knownHostsLine(e.host(), e.port(), key)));
            client.start();
            try (ClientSession s = client.connect(e.user(), e.host(), e.port()).verify(WAIT).getSession()) {
                s.addPublicKeyIdentity(SshKeys.loadOrCreate(e.identity(), "unused"));
                assertTrue(s.auth().verify(WAIT).isSuccess());
                String after = s.executeRemoteCommand("cat \"$QATWB_ROOT\"/proc/sys/kernel/random/boot_id");
                assertNotEquals(bootId, after, "a new boot");
            } finally {
                client.stop();
            }
        }
    }

    @Test
    void theRebootStandInRebootsAndWithoutSystemdSystemctlCannot() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            nas.faults().withoutSystemd(true);
            Shell.Result r = Shell.run(nas, "systemctl reboot");
            assertEquals(1, r.rc());
            assertEquals("System has not been booted with systemd as init system (PID 1). Can't operate.\n"
                    + "Failed to connect to bus: Host is down\n", r.err());
            assertEquals(1, nas.boots(), "no reboot");
            Shell.run(nas, "reboot");
            assertTrue(nas.awaitBoots(2, WAIT));
        }
    }

    /**
     * Both boot as stock systemd units do (c62x from udev's modprobe for the pool's disks, dh8950 as a
     * plain Debian box root on ZFS): zfs.ko first, the parameter at 1 (forced at load), the probe
     * (After=qat.service, Before=the params unit) after qat.service, and the params unit's 0 only after it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"c62x", "dh8950"})
    void theBootRunsAnEnabledAgentUnitAsARealProcessAfterQatServiceAndBeforeTheParamsUnit(String profile) throws Exception {
        SimOptions options = SimOptions.driven(profile).withTrueNas(false).withParamsAtBoot(ParamsAtBoot.FORCED_ONE);
        try (SimulatedNas nas = SimulatedNas.start(options)) {
            sh(nas, "mkdir -p \"$QATWB_ROOT\"/var/lib/qatwb && cat > \"$QATWB_ROOT\"/var/lib/qatwb/probe.sh", PROBE);
            sh(nas, "cat > " + UNITS + "qatwb-boot-check.service",
                    unit("qat.service", "qatwb-zfs-qat.service"));
            sh(nas, "cat > " + UNITS + ZfsQatUnit.NAME, ZfsQatUnit.text(EnumSet.allOf(ZfsParam.class)));
            sh(nas, "systemctl enable qatwb-boot-check.service && systemctl enable " + ZfsQatUnit.NAME, "");
            int up = Integer.parseInt(Shell.run(nas, "adf_ctl status | grep -c 'state: up'").out().strip());

            nas.reboot();

            String seen = seen(nas);
            assertTrue(seen.contains("args=boot-check - 0\n"), seen);
            assertTrue(seen.contains("up=" + up + "\n"), "qat.service had run: " + seen);
            assertTrue(seen.contains("restart=0\n"), "its stand-ins were answered: " + seen);
            assertTrue(seen.contains("zfs=1\nparam=1\n"), "zfs.ko first, before the params unit: " + seen);
            assertEquals("0\n", param(nas), "the params unit ran after it");
            assertEquals("probe ran\n", Files.readString(nas.root().resolve(".sim/state/journal/qatwb-boot-check.service.log")),
                    "its output went to its journal");
        }
    }

    @Test
    void trueNasRunsAnAgentInitScriptAsARealProcessBeforeTheParamsScriptInIdOrder() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("dh8950").withParamsAtBoot(ParamsAtBoot.FORCED_ONE))) {
            sh(nas, "mkdir -p \"$QATWB_ROOT\"/var/lib/qatwb && cat > \"$QATWB_ROOT\"/var/lib/qatwb/probe.sh", PROBE);
            sh(nas, "midclt call initshutdownscript.create '{\"type\": \"COMMAND\", \"command\": "
                    + "\"sh /var/lib/qatwb/probe.sh boot-check - 0\", \"when\": \"POSTINIT\", \"timeout\": 60}' >/dev/null", "");
            sh(nas, "midclt call initshutdownscript.create '" + InitScript.forParams(EnumSet.allOf(ZfsParam.class)).json()
                    + "' >/dev/null", "");
            String up = Shell.run(nas, "adf_ctl status | grep -c 'state: up'").out();

            nas.reboot();

            String seen = seen(nas);
            assertTrue(seen.contains("args=boot-check - 0\n"), seen);
            assertTrue(seen.contains("up=" + up), "qat.service had run: " + seen);
            assertTrue(seen.contains("zfs=1\nparam=1\n"), "root on ZFS, before the params script: " + seen);
            assertTrue(seen.contains("restart=0\n"), seen);
            assertEquals("0\n", param(nas), "the params script (id 2) ran after it");
            assertEquals("probe ran\n", Files.readString(nas.root().resolve(".sim/state/journal/initshutdownscript-1.log")));
        }
    }

    @Test
    void afterABootWhereZfsFoundNoQatTheParametersReadAsTheChosenObservation() throws Exception {
        try (SimulatedNas source = SimulatedNas.start(SimOptions.driven("dh8950").withParamsAtBoot(ParamsAtBoot.SOURCE))) {
            source.workload().set("data/backup", 100, 0);
            source.reboot();
            assertEquals("0\n", param(source), "OpenZFS's source: 0 with the init not done");
            source.advance(Duration.ofSeconds(10));
            assertEquals(0, compRequests(source), "a 0 after boot proves nothing: nothing offloaded");
            sh(source, "echo 0 | tee \"$QATWB_ROOT\"/sys/module/zfs/parameters/zfs_qat_compress_disable >/dev/null", "");
            source.advance(Duration.ofSeconds(10));
            assertTrue(compRequests(source) > 0, "writing 0 retried the init");
        }
        try (SimulatedNas forced = SimulatedNas.start(SimOptions.driven("dh8950").withParamsAtBoot(ParamsAtBoot.FORCED_ONE))) {
            forced.reboot();
            assertEquals("1\n", param(forced), "the seed administrator's report");
        }
        try (SimulatedNas byProfile = SimulatedNas.start(SimOptions.driven("dh8950"))) {
            assertEquals(ParamsAtBoot.FORCED_ONE, byProfile.profile().paramsAtBoot(), "today's profile as it was");
            assertEquals("1\n", param(byProfile));
        }
    }

    @Test
    void refuseVfAtBootLeavesOneVfDownWithTheDriversWordsUntilARestartReadsTheFilesAgain() throws Exception {
        // without the params unit ZFS holds nothing after the boot, so the restart may stop every device
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            Path conf = nas.root().resolve("etc/c6xxvf_dev0.conf");
            String before = Files.readString(conf);
            int up = Integer.parseInt(Shell.run(nas, "adf_ctl status | grep -c 'state: up'").out().strip());

            nas.faults().refuseVfAtNextBoot();
            nas.reboot();

            assertEquals(up - 1, Integer.parseInt(Shell.run(nas, "adf_ctl status | grep -c 'state: up'").out().strip()));
            String down = Shell.run(nas, "adf_ctl status | grep 'state: down'").out();
            assertTrue(down.contains("type: c6xxvf,  inst_id: 0,"), down);
            String dmesg = Shell.run(nas, "dmesg").out();
            assertTrue(dmesg.contains("Don't have enough rings for instance"), dmesg);
            assertTrue(Shell.run(nas, "journalctl -u qat.service").out().contains("Failed to configure qat_dev"));
            assertEquals(before, Files.readString(conf), "the file on disk untouched");

            Shell.Result restart = Shell.run(nas, "adf_ctl restart");
            assertEquals(0, restart.rc(), restart.err());
            assertEquals(up, Integer.parseInt(Shell.run(nas, "adf_ctl status | grep -c 'state: up'").out().strip()),
                    "the next read of the files brings it up");
        }
    }

    @Test
    void rollbackFailsAtBootFailsTheFirstRestartAfterQatServiceOnly() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            nas.faults().rollbackFailsAtNextBoot();
            nas.reboot();
            assertTrue(Shell.run(nas, "adf_ctl status").out().contains("state: up"), "qat.service itself started");
            Shell.Result first = Shell.run(nas, "adf_ctl restart");
            assertNotEquals(0, first.rc());
            assertFalse(Shell.run(nas, "adf_ctl status").out().contains("state: up"));
            assertEquals(0, Shell.run(nas, "adf_ctl restart").rc(), "the one after works");
        }
    }

    @Test
    void noReturnKeepsTheNasDownUntilPoweredOn() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            SimEndpoint e = nas.endpoint();
            nas.faults().noReturn();
            Shell.run(nas, "systemctl reboot");
            assertTrue(refusedWithin(e));
            nas.reboot(); // a second reboot from the test side: the fault is used up, so this one comes back
            assertTrue(nas.isRunning());
            nas.faults().noReturn();
            nas.reboot();
            assertFalse(nas.isRunning(), "it did not come back");
            assertTrue(refusedWithin(e));
            nas.powerOn();
            try (MinaClient c = new MinaClient(e)) {
                assertEquals(0, c.exec("true").rc());
            }
        }
    }

    @Test
    void slowBootStaysDownAtLeastItsTime() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            nas.faults().slowBoot(Duration.ofSeconds(2));
            long t0 = System.nanoTime();
            nas.reboot();
            assertTrue(System.nanoTime() - t0 >= Duration.ofSeconds(2).toNanos(), "down for the fault's time");
            assertTrue(nas.isRunning());
            nas.reboot();
            assertTrue(nas.isRunning(), "the fault was used up: the next one is as usual");
        }
    }

    @Test
    void namedFaultsArmedAfterStartWaitForTheRebootTheyTarget() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            String up = Shell.run(nas, "adf_ctl status | grep -c 'state: up'").out().strip();
            // as qatwb sim --fault arms them: once the first boot is over
            NamedFault.parse("refuse-vf-at-boot").orElseThrow().arm(nas.faults());
            NamedFault.parse("slow-boot=1").orElseThrow().arm(nas.faults());
            assertEquals(up, Shell.run(nas, "adf_ctl status | grep -c 'state: up'").out().strip(), "nothing yet");
            long t0 = System.nanoTime();
            nas.reboot();
            assertTrue(System.nanoTime() - t0 >= Duration.ofSeconds(1).toNanos());
            assertEquals(Integer.parseInt(up) - 1, Integer.parseInt(Shell.run(nas, "adf_ctl status | grep -c 'state: up'").out().strip()));
            assertTrue(NamedFault.parse("no-return=2").isEmpty(), "no-return takes no value");
            assertTrue(NamedFault.parse("slow-boot=soon").isEmpty());
            assertTrue(NamedFault.parse("melt-down").isEmpty());
        }
    }
}
