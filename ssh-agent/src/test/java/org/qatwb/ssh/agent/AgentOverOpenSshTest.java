package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.ReconnectingStream;
import org.qatwb.ssh.testing.OpenSshServer;
import org.qatwb.ssh.testing.Poll;
import org.qatwb.ssh.testing.Specs;

/**
 * The agent as a real NAS runs it: sent by the client over a real OpenSSH sshd, to the login
 * user's own shell, against a NAS faked in a directory that sshd hands over as QATWB_ROOT
 * (server side, as on the simulator: the client never sends environment variables).
 */
class AgentOverOpenSshTest {

    @TempDir
    static Path dir;
    static OpenSshServer server;
    static FakeNas nas;
    static NasSession session;

    @BeforeAll
    static void start() throws Exception {
        OpenSshServer.assumeAvailable();
        nas = new FakeNas(dir.resolve("nas"))
                .file("etc/c6xxvf_dev0.conf", "[GENERAL]\r\nServicesEnabled = cy;dc\r\nConfigVersion = 2")
                .file("proc/spl/kstat/zfs/qat", "19 1 0x01 2 544 1 2\nname                            type data\n"
                        + "comp_requests                   4    10\ncomp_total_in_bytes             4    18446744073709551615\n")
                .file("sys/module/zfs/parameters/zfs_qat_compress_disable", "1\n")
                .file("sys/devices/system/cpu/online", "0-7\n")
                .tool("adf_ctl", "echo 'There is 1 QAT acceleration device(s) in the system:'\n"
                        + "echo ' qat_dev0 - type: c6xxvf,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:01.0,  #accel: 1"
                        + " #engines: 1 state: up'")
                .tool("tee", "cat > \"$1\"");
        String path = nas.tools + ":" + nas.basics + ":/usr/bin:/bin";
        server = OpenSshServer.start(Map.of("QATWB_ROOT", nas.root.toString(), "PATH", path));
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, server.knownHostsLine() + "\n");
        session = NasSession.connect(Specs.spec(server.host(), server.port(), server.currentUser(),
                List.of(server.userKey()), kh, false, Optional.empty()), Specs.fast(), Optional.empty(), Credentials.none());
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSnapshotIsOneExecThatReadsTheNasByteForByte() throws Exception {
        NasSnapshot s = new AgentClient(session, false).snapshot();
        assertEquals(1, s.devices().orElseThrow().devices().size());
        assertEquals("[GENERAL]\r\nServicesEnabled = cy;dc\r\nConfigVersion = 2",
                s.confFiles().get("/etc/c6xxvf_dev0.conf").text(), "CRLF and no final newline kept");
        assertEquals("18446744073709551615",
                s.kstat().orElseThrow().raw().entry("comp_total_in_bytes").orElseThrow().value());
        assertEquals(1, s.params().get(ZfsParam.COMPRESS));
        assertTrue(s.params().get(ZfsParam.CHECKSUM) == null, "absent is not 0");
        assertEquals(8, s.cpu().cores().orElseThrow());
    }

    @Test
    void setParamWritesThroughTheNasAndReadsBack() throws Exception {
        SetParamOutcome o = new AgentClient(session, false).setParam(ZfsParam.COMPRESS, false);
        assertEquals(ItemStatus.OK, o.status(), o.message());
        assertEquals(0, o.value().orElseThrow());
        assertEquals("0\n", Files.readString(nas.path("sys/module/zfs/parameters/zfs_qat_compress_disable")));
        Files.writeString(nas.path("sys/module/zfs/parameters/zfs_qat_compress_disable"), "1\n");
    }

    @Test
    void aStreamDeliversSamplesUntilClosed() throws Exception {
        List<StreamSample> samples = new CopyOnWriteArrayList<>();
        ReconnectingStream stream = new AgentClient(session, false).stream(100, samples::add, state -> { });
        try {
            assertTrue(Poll.until(Duration.ofSeconds(20), () -> samples.size() >= 3), "three samples");
        } finally {
            stream.close();
        }
        StreamSample last = samples.get(samples.size() - 1);
        assertEquals(10L, last.kstat().orElseThrow().raw().entry("comp_requests").orElseThrow().asUnsignedLong());
        assertTrue(last.uptimeNanos().getAsLong() > samples.get(0).uptimeNanos().getAsLong(), "the NAS clock moves");
        int seen = samples.size();
        TimeUnit.MILLISECONDS.sleep(500);
        assertTrue(samples.size() <= seen + 1, "no samples after close: " + samples.size() + " > " + seen);
    }
}
