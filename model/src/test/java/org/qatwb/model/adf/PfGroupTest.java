package org.qatwb.model.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.model.testutil.C62xFixture;

class PfGroupTest {

    @Test
    void c62xHostGroupsSixteenVfsUnderEachOfItsThreePfs() throws Exception {
        List<QatDevice> devices = AdfStatusParser.parse(C62xFixture.adfStatus()).devices();
        List<PfGroup> groups = PfGroup.of(devices);
        assertEquals(3, groups.size());
        for (int pf = 0; pf < 3; pf++) {
            PfGroup g = groups.get(pf);
            assertEquals(pf, g.pf().orElseThrow().instId());
            assertEquals(16, g.vfs().size());
            int first = pf * 16;
            assertEquals(first, g.vfs().get(0).instId());
            assertEquals(first + 15, g.vfs().get(15).instId());
        }
    }

    @Test
    void vfsWithoutTheirPfAreGroupedLastWithoutOne() {
        QatDevice pf0 = device("qat_dev0", "c6xx", false, 0);
        QatDevice vf3 = device("qat_dev1", "c6xxvf", true, 3);
        QatDevice vf20 = device("qat_dev2", "c6xxvf", true, 20);   // PF 1, not listed
        QatDevice odd = device("qat_dev3", "mystery", true, 0);   // unknown model
        List<PfGroup> groups = PfGroup.of(List.of(pf0, vf3, vf20, odd));
        assertEquals(2, groups.size());
        assertEquals(List.of(vf3), groups.get(0).vfs());
        assertTrue(groups.get(1).pf().isEmpty());
        assertEquals(List.of(vf20, odd), groups.get(1).vfs());
    }

    private static QatDevice device(String name, String type, boolean vf, int inst) {
        return new QatDevice(name, type, vf, inst, 0, "0000:3d:00.0", null, null, DeviceState.UP, null, 1);
    }
}
