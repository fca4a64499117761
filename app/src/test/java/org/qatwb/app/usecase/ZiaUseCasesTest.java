package org.qatwb.app.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaDecision;
import org.qatwb.model.zia.ZiaKept;
import org.qatwb.model.zia.ZiaProperty;
import org.qatwb.model.zia.ZiaSetOutcome;
import org.qatwb.model.zia.plan.ZiaUseCase;
import org.qatwb.sim.SimOptions;

/** Z.I.A. set, keep and reapply over real SSH on the simulated NAS with the hpc/zfs fork, and their wording. */
class ZiaUseCasesTest {

    @Test
    void anAllowedChangeIsMadeAndReadBackAndAnUnknownProviderIsSaidInZpoolsWordsWithWhy() throws Exception {
        try (SimNas nas = SimNas.start(SimOptions.driven("broken").withZia(true))) {
            SetPoolProperty set = new SetPoolProperty(nas.agent(), SudoHint.WINDOW);
            NasSnapshot s = nas.agent().snapshot();
            ZiaDecision bad = SetPoolProperty.check(s, new ZiaChange("tank", ZiaProperty.PROVIDER, "qat_provider"));
            SetPoolProperty.Result refused = set.set((ZiaDecision.Allowed) bad);
            assertFalse(refused.ok());
            assertEquals("zia_provider not changed", refused.message().title());
            assertTrue(refused.message().line().startsWith("cannot set property for 'tank': given provider does not exist (")
                    && refused.message().line().contains("dpusm was not loaded when zfs.ko loaded"), refused.message().line());

            ZiaDecision good = SetPoolProperty.check(s, new ZiaChange("tank", ZiaProperty.PROVIDER, "zia_software_provider"));
            SetPoolProperty.Result r = set.set((ZiaDecision.Allowed) good);
            assertTrue(r.ok(), r.message().toString());
            assertEquals(UserMessage.Level.INFO, r.message().level());
            assertEquals("zia_software_provider", nas.agent().snapshot().pools().get("tank").zia().get("zia_provider"));

            NasSnapshot now = nas.agent().snapshot();
            KeepZia keep = new KeepZia(nas.agent(), SudoHint.WINDOW);
            KeepZia.Result kept = keep.keep(ZiaUseCase.keep(now, now.zia().kept(), "tank"));
            assertTrue(kept.ok(), kept.message().toString());
            assertEquals("Keeping the Z.I.A. settings of pool tank: done", kept.message().line());
            assertTrue(Files.readString(nas.sim().root().resolve(ZiaKept.PATH.substring(1)))
                    .contains("tank zia_provider zia_software_provider\n"));
            KeepZia.Result again = keep.reapply(Optional.of("tank"));
            assertTrue(again.ok(), again.message().toString());
        }
    }

    @Test
    void aChangeOnAPoolWithEncryptionInUseIsRefusedBeforeItIsTried() {
        try (SimNas nas = SimNas.start(SimOptions.driven("c62x").withZia(true))) {
            ZiaDecision d = SetPoolProperty.check(nas.agent().snapshot(), ZiaChange.turn("tank", ZiaProperty.COMPRESS, true));
            UserMessage m = SetPoolProperty.refused((ZiaDecision.Refused) d);
            assertEquals(UserMessage.Level.WARNING, m.level());
            assertTrue(m.line().contains("tank/backup (aes-256-gcm)"), m.line());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ZiaSetOutcome outcome(ItemStatus status, String message) {
        return new ZiaSetOutcome(new ZiaChange("tank", ZiaProperty.COMPRESS, "on"), status, message, Optional.empty());
    }

    @Test
    void eachWayASetFailsIsOneLineNamingTheCommand() {
        String cmd = new ZiaChange("tank", ZiaProperty.COMPRESS, "on").command();
        assertEquals(cmd + ": not permitted: sudo: a password is required (connect as root, or use --sudo)",
                SetPoolProperty.explain(outcome(ItemStatus.DENIED, "sudo: a password is required"), SudoHint.CLI).line());
        assertEquals(cmd + ": this NAS has no zpool command",
                SetPoolProperty.explain(outcome(ItemStatus.ABSENT, ""), SudoHint.CLI).line());
        assertEquals(cmd + " was taken, but pool tank reads nothing back, not on",
                SetPoolProperty.explain(outcome(ItemStatus.OK, ""), SudoHint.CLI).line());
        assertEquals(cmd + ": error", SetPoolProperty.explain(outcome(ItemStatus.ERROR, ""), SudoHint.CLI).line());
    }
}
