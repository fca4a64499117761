package org.qatwb.model.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.doctor.Doctor;
import org.qatwb.model.doctor.Fix;
import org.qatwb.model.etc.VfBlacklistParser;
import org.qatwb.model.json.Json;
import org.qatwb.model.layout.Baseline;
import org.qatwb.model.layout.Device;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.testutil.AgentOutputWriter;

/** What the fuzz suite found, each as the smallest input that showed it. */
class FuzzFindingsTest {

    private static NasSnapshot snapshot(AgentOutputWriter w) throws ParseException {
        return NasSnapshotReader.read(AgentOutput.parse(w.done().bytes(), AgentOutputWriter.BOUNDARY));
    }

    /** Was a NoSuchElementException out of KernelInstances: a kernel-API file whose services allow dc but without [KERNEL_QAT]. */
    @Test
    void aVfFileWithoutAKernelSectionIsExamined() throws ParseException {
        NasSnapshot s = snapshot(AgentOutputWriter.snapshot().ok("id", "0\nroot\n")
                .ok("conf:/etc/c6xxvf_dev0.conf", "[GENERAL]\nServicesEnabled = dc\n"));
        assertTrue(Doctor.examine(s, Optional.empty()).results().size() > 0);
    }

    /** Was an IllegalArgumentException out of DeviceKey: the VF slots of a PF listed with inst_id 62500 run past 999999. */
    @Test
    void aPfWithAHugeInstIdGetsNoVfSlotsBeyondTheLastId() throws ParseException {
        NasSnapshot s = snapshot(AgentOutputWriter.snapshot().ok("id", "0\nroot\n").ok("adf_status",
                " qat_dev0 - type: c6xx,  inst_id: 62500,  node_id: 0,  bsf: 0000:3d:00.0,  #accel: 5 #engines: 10 state: up\n"));
        Baseline b = Baseline.of(s);
        assertEquals(1, b.layout().devices().stream().map(Device::info).filter(i -> i.key().instId() == 62500).count());
        assertTrue(b.layout().devices().stream().allMatch(d -> d.info().key().instId() <= 999_999));
    }

    /** Was 176 MB for a 9 KB snapshot: the doctor looked up Cy0IsPolled..Cy999999IsPolled for "NumberCyInstances = 100000000". */
    @Test
    void aHugeInstanceCountCostsNoMoreThanTheKeysThereAre() throws ParseException {
        byte[] out = AgentOutputWriter.snapshot().ok("id", "0\nroot\n").ok("conf:/etc/c6xxvf_dev0.conf",
                "[GENERAL]\nServicesEnabled = cy\n[KERNEL_QAT]\nNumberCyInstances = 100000000\nCy0IsPolled = 0\n"
                        + "Cy7IsPolled = 0\nCy3IsPolled = 1\n").done().bytes();
        HostileInput.run(ModelTargets.SNAPSHOT, FuzzSeeds.smallHost()); // the classes loaded first, not counted
        Outcome got = HostileInput.run(ModelTargets.SNAPSHOT, out);
        assertInstanceOf(Outcome.Result.class, got, got::toString);
    }

    /**
     * Was 72 MB for 48 KB (HostileInputPropertiesTest, a random seed in CI): an irqbalance policy of
     * ~1900 lines replaced by qatwb's few lines, diffed by Myers at about D squared path nodes.
     */
    @Test
    void aLargeForeignPolicyReplacedCostsALinearDiff() {
        StringBuilder b = new StringBuilder();
        while (b.length() < 48_288) {
            b.append("IRQ#BALANCE_ONESHOT=yes\nIRQBALANCE_\u00e2RGS='-l /x'\n");
        }
        byte[] in = b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HostileInput.run(ModelTargets.IRQBALANCE, "IRQBALANCE_ARGS=\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Outcome got = HostileInput.run(ModelTargets.IRQBALANCE, in);
        assertInstanceOf(Outcome.Result.class, got, got::toString);
    }

    /** Was a raw U+0001 in "run zfs set compression=gzip 'tank/a\u0001b'", from a dataset's name. */
    @Test
    void aCommandFixSummaryIsOneCleanLine() {
        String summary = new Fix.CommandFix(List.of("zfs set compression=gzip 'tank/a\u0001b\u001b[2J'"), "why").summary();
        assertEquals(Optional.empty(), MessageCheck.problem(summary), summary);
    }

    /** Was a raw NEL and U+2029 in "qat_d15xx\u0085vf is not a QAT VF driver module". */
    @Test
    void anUnknownModuleIsQuotedSafely() throws ParseException {
        for (String w : VfBlacklistParser.parse("blacklist qat_d15xx\u0085vf\ninstall qat_\u001b[2Jvf /sbin/modprobe x\n"
                + "blacklist qat_d\u2029h895xccvf\n").warnings()) {
            assertEquals(Optional.empty(), MessageCheck.problem(w), w);
        }
    }

    /** Was a raw ESC in "JSON at offset 1: a bad escape \\u001b". */
    @Test
    void aBadJsonEscapeIsQuotedSafely() {
        ParseException e = assertThrows(ParseException.class, () -> Json.parse("\"\\\u001b\""));
        assertEquals(Optional.empty(), MessageCheck.problem(e.getMessage()), e.getMessage());
    }
}
