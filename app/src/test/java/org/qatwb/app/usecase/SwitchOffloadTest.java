package org.qatwb.app.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.sim.SimOptions;
import org.qatwb.ssh.agent.SetParamOutcome;

/** Offloads switched over real SSH on the simulated NAS, and the one wording of a refused write. */
class SwitchOffloadTest {

    @Test
    void offloadsAreSwitchedInOrderAndTheNasIsReadAfterwards() throws Exception {
        try (SimNas nas = SimNas.start(SimOptions.driven("c62x"))) {
            Map<ZfsParam, Boolean> wanted = new LinkedHashMap<>();
            wanted.put(ZfsParam.ENCRYPT, false);
            wanted.put(ZfsParam.COMPRESS, true);
            SwitchOffload.Result r = new SwitchOffload(nas.agent(), SudoHint.CLI).run(wanted);
            assertTrue(r.ok(), r.messages().toString());
            assertEquals(java.util.List.of(ZfsParam.ENCRYPT, ZfsParam.COMPRESS),
                    r.outcomes().stream().map(SetParamOutcome::param).toList());
            assertEquals(1, r.snapshot().params().get(ZfsParam.ENCRYPT), "off: the parameter reads 1");
            assertEquals(0, r.snapshot().params().get(ZfsParam.COMPRESS));
        }
    }

    @Test
    void whereQatCannotStartTheKernelsEpermIsQatInitialisationFailedWithWhatToCheck() throws Exception {
        try (SimNas nas = SimNas.start(SimOptions.driven("broken"))) {
            SwitchOffload.Result r = new SwitchOffload(nas.agent(), SudoHint.WINDOW).run(ZfsParam.COMPRESS, true);
            assertEquals(1, r.messages().size(), r.messages().toString());
            UserMessage m = r.messages().get(0);
            assertEquals(UserMessage.Level.ERROR, m.level());
            assertEquals("QAT initialisation failed", m.title());
            assertTrue(m.line().startsWith("zfs_qat_compress_disable: ") && m.line().contains("EPERM")
                    && m.line().contains("qat.service") && m.line().contains("ENABLE_KAPI=1"), m.line());
            assertEquals(1, r.snapshot().params().get(ZfsParam.COMPRESS), "the kernel put it back to 1");
        }
    }

    private static SetParamOutcome outcome(ItemStatus status, String message) {
        return new SetParamOutcome(ZfsParam.CHECKSUM, status, OptionalInt.empty(), message);
    }

    @Test
    void aMissingRightSaysHowEachFrontEndGetsIt() {
        SetParamOutcome denied = outcome(ItemStatus.DENIED, "sudo: a password is required");
        assertEquals("zfs_qat_checksum_disable: not permitted: sudo: a password is required (connect as root, or use --sudo)",
                SwitchOffload.explain(denied, SudoHint.CLI).orElseThrow().line());
        assertTrue(SwitchOffload.explain(denied, SudoHint.WINDOW).orElseThrow().line()
                .endsWith("(connect as root, or enable sudo for this connection)"));
        assertEquals("zfs_qat_checksum_disable: not permitted",
                SwitchOffload.explain(outcome(ItemStatus.DENIED, ""), SudoHint.NONE).orElseThrow().line());
        assertEquals("Checksum offload not changed", SwitchOffload.explain(denied, SudoHint.CLI).orElseThrow().title());
    }

    @Test
    void anAbsentParameterIsAZfsWithoutQatAndOtherFailuresSayWhatTheNasSaid() {
        UserMessage absent = SwitchOffload.explain(outcome(ItemStatus.ABSENT, ""), SudoHint.CLI).orElseThrow();
        assertEquals(UserMessage.Level.WARNING, absent.level());
        assertTrue(absent.line().contains("no such parameter") && absent.line().contains("--with-qat"), absent.line());
        assertEquals("zfs_qat_checksum_disable: the write failed: disk full\\nretry",
                SwitchOffload.explain(outcome(ItemStatus.ERROR, "disk full\nretry"), SudoHint.CLI).orElseThrow().line(),
                "one line, whatever the NAS said");
        assertEquals(Optional.empty(), SwitchOffload.explain(outcome(ItemStatus.OK, ""), SudoHint.CLI));
    }
}
