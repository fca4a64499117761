package org.qatwb.model.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.doctor.Doctor;
import org.qatwb.model.layout.Baseline;
import org.qatwb.model.layout.Device;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.testutil.AgentOutputWriter;

/** What the fuzz suite found in the readers of a snapshot, each as the smallest input that showed it. */
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
}
