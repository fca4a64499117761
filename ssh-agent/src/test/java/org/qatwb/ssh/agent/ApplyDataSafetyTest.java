package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.TxState;
import org.qatwb.ssh.testing.QatFileSet;

/**
 * On the simulated NAS: someone else writes a target between the transaction's checks and its
 * commit. The commit sees it and stops before any rename; its rollback must not write the backup
 * over the other writer's bytes (it restores only what this transaction renamed).
 */
class ApplyDataSafetyTest {

    private static final String EDITED = "/etc/c6xxvf_dev6.conf";
    private static final String HAND_EDIT = "# edited by hand while qatwb commits\n";

    @Test
    void aTargetChangedBeforeTheCommitKeepsTheOtherWritersBytes() throws Exception {
        try (SimNas s = SimNas.c62x()) {
            QatFileSet before = s.files();
            QatFileSet target = ApplyFaultsTest.threeFiles(s);
            ApplyPlan plan = before.planTo(target, ApplyMode.STAGE, s.devices(), Duration.ofSeconds(120));
            // sha256sum, called by the worker (its command line says tx-run) for the commit's last
            // look: the first time, another writer appends to a target just before it reads
            s.nas.faults().hostileTool("sha256sum", "case $(tr '\\0' ' ' </proc/$PPID/cmdline 2>/dev/null) in\n"
                    + "  *tx-run*) if mkdir \"$QATWB_ROOT/.sim/hand-edit\" 2>/dev/null; then\n"
                    + "      printf '" + HAND_EDIT.replace("\n", "\\n") + "' >> \"$QATWB_ROOT" + EDITED + "\"; fi ;;\n"
                    + "esac\n"
                    + "for d in /usr/bin /bin; do [ -x $d/sha256sum ] && exec $d/sha256sum \"$@\"; done\n"
                    + "exit 127");
            ApplyOutcome o = s.client.apply(plan);
            s.nas.awaitTransientUnits(Duration.ofSeconds(60));
            s.nas.faults().clear();

            assertEquals(TxState.ROLLED_BACK, o.state(), o.steps().toString());
            assertEquals("commit", o.failure().orElseThrow().name());
            assertTrue(o.failure().orElseThrow().text().contains(EDITED), o.failure().orElseThrow().text());
            QatFileSet now = s.files();
            byte[] theirs = (new String(before.get(EDITED), StandardCharsets.UTF_8) + HAND_EDIT).getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(theirs, now.get(EDITED), "the other writer's bytes survive the rollback");
            assertTrue(now.sameAs(before.with(EDITED, t -> t + HAND_EDIT)), "else the old set: " + now.differences(before));
            assertFalse(Files.exists(s.nas.transactions().resolveSibling("lock"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        }
    }
}
