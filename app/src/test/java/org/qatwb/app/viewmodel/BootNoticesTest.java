package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.apply.BootCheck;
import org.qatwb.model.apply.PendingLayout;

/** What the window says on connect about the boot check and a staged layout. */
class BootNoticesTest {

    @Test
    void aRollbackAtBootIsAnErrorWithTheDriversWordsAndAPendingLayoutIsNamed() throws Exception {
        BootCheck rolled = BootCheck.parse("outcome rolled-back\ntx 20261206T080000Z-00000001\n"
                + "message not up: 0000:3d:01.5; driver: QAT Error: Only version 2 config file supported\n");
        PendingLayout pending = PendingLayout.parse("20261207T080000Z-00000002 staged\nfile /etc/c6xxvf_dev0.conf\n").orElseThrow();
        List<Notice> n = BootNotices.of(Optional.of(pending), Optional.of(rolled));
        assertEquals(2, n.size());
        assertEquals(Notice.Level.ERROR, n.get(0).level());
        assertTrue(n.get(0).message().contains("Only version 2 config file supported"), n.get(0).message());
        assertTrue(n.get(1).message().startsWith("1 file(s) of 20261207T080000Z-00000002"), n.get(1).message());
        assertEquals(List.of(), BootNotices.of(Optional.empty(), Optional.empty()));
    }
}
