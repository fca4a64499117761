package org.qatwb.app.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qatwb.model.persist.PersistPlan;
import org.qatwb.model.persist.PersistState;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.sim.SimOptions;

/**
 * Keeping the offloads after reboot over real SSH on the simulated C62x: exactly the text the user
 * saw is written; a hand edit only with consent; nothing over an edit made since the diff was shown.
 */
class KeepAfterRebootTest {

    private static final String UNIT = "etc/systemd/system/" + ZfsQatUnit.NAME;

    /** The C62x without its administrator's unit: there is something to keep. */
    private static SimNas withoutUnit(boolean sudo) throws Exception {
        SimNas nas = SimNas.start(SimOptions.driven("c62x"), sudo);
        Files.delete(nas.sim().root().resolve("etc/systemd/system/multi-user.target.wants/" + ZfsQatUnit.NAME));
        Files.delete(nas.sim().root().resolve(UNIT));
        return nas;
    }

    @Test
    void thePlanSeenIsThePlanWrittenAndReadBack() throws Exception {
        try (SimNas nas = withoutUnit(false)) {
            PersistPlan plan = KeepAfterReboot.plan(nas.agent().snapshot(), EnumSet.of(ZfsParam.COMPRESS, ZfsParam.CHECKSUM));
            assertEquals(PersistPlan.Action.CREATE, plan.action());
            KeepAfterReboot.Result r = new KeepAfterReboot(nas.agent(), SudoHint.CLI).carryOut(plan, false);
            assertEquals(KeepAfterReboot.Kind.KEPT, r.kind(), r.message().toString());
            assertTrue(r.ok());
            assertEquals(plan.newText(), Files.readString(nas.sim().root().resolve(UNIT)));
            assertEquals(plan.keep(), r.snapshot().orElseThrow().persistence().keptAtBoot());
            assertEquals(UserMessage.Level.INFO, r.message().level());
            assertEquals("Kept after reboot", r.message().title());
            assertTrue(r.message().line().endsWith("turned on for compress, checksum"), r.message().line());

            PersistPlan again = KeepAfterReboot.plan(r.snapshot().get(), plan.keep());
            KeepAfterReboot.Result same = new KeepAfterReboot(nas.agent(), SudoHint.CLI).carryOut(again, false);
            assertEquals(KeepAfterReboot.Kind.UNCHANGED, same.kind());
            assertTrue(same.snapshot().isEmpty(), "nothing to change: the NAS is not asked");
        }
    }

    @Test
    void aHandEditIsReplacedOnlyWithConsentAndNeverOverAnEditMadeSinceTheDiff() throws Exception {
        try (SimNas nas = SimNas.start(SimOptions.driven("c62x"))) {
            Path unit = nas.sim().root().resolve(UNIT);
            String mine = ZfsQatUnit.text(EnumSet.of(ZfsParam.COMPRESS)).replace("Wants=qat.service\n",
                    "Wants=qat.service\nConditionPathExists=/etc/my-flag\n");
            Files.writeString(unit, mine);
            KeepAfterReboot keep = new KeepAfterReboot(nas.agent(), SudoHint.WINDOW);
            PersistPlan plan = KeepAfterReboot.plan(nas.agent().snapshot(), EnumSet.of(ZfsParam.COMPRESS));
            assertTrue(plan.current() instanceof PersistState.Foreign, plan.current().toString());
            assertTrue(KeepAfterReboot.replacesHandEdit(plan));

            KeepAfterReboot.Result refused = keep.carryOut(plan, false);
            assertEquals(KeepAfterReboot.Kind.HAND_EDIT_KEPT, refused.kind());
            assertEquals(UserMessage.Level.WARNING, refused.message().level());
            assertTrue(refused.message().line().contains("edited by hand"), refused.message().line());
            assertEquals(mine, Files.readString(unit));

            String again = mine.replace("/etc/my-flag", "/etc/my-other-flag");
            Files.writeString(unit, again);
            KeepAfterReboot.Result stale = keep.carryOut(plan, true);
            assertEquals(KeepAfterReboot.Kind.CHANGED_SINCE_SHOWN, stale.kind());
            assertEquals("Not kept after reboot", stale.message().title());
            assertTrue(stale.message().line().contains("changed on the NAS since the change was shown"), stale.message().line());
            assertEquals(again, Files.readString(unit), "edited since the diff was shown: nothing is written");

            PersistPlan fresh = KeepAfterReboot.plan(stale.snapshot().orElseThrow(), EnumSet.of(ZfsParam.COMPRESS));
            KeepAfterReboot.Result done = keep.carryOut(fresh, true);
            assertEquals(KeepAfterReboot.Kind.KEPT, done.kind(), done.message().toString());
            assertEquals(fresh.newText(), Files.readString(unit), "chosen: the text the user saw is the text written");
        }
    }

    @Test
    void aFailedStepIsNamedWithTheFrontEndsWayToGetTheRight() throws Exception {
        try (SimNas nas = withoutUnit(true)) {
            nas.sim().faults().sudoRequiresPassword(true);
            PersistPlan plan = KeepAfterReboot.plan(nas.agent().snapshot(), EnumSet.of(ZfsParam.COMPRESS));
            KeepAfterReboot.Result r = new KeepAfterReboot(nas.agent(), SudoHint.CLI).carryOut(plan, false);
            assertEquals(KeepAfterReboot.Kind.FAILED, r.kind());
            assertFalse(r.ok());
            assertEquals(UserMessage.Level.ERROR, r.message().level());
            assertTrue(r.message().line().startsWith("keep after reboot: unit_write denied: sudo: a password is required")
                    && r.message().line().endsWith(" (connect as root, or use --sudo)"), r.message().line());
            assertFalse(Files.exists(nas.sim().root().resolve(UNIT)));
        }
    }

    @Test
    void theOffloadsKeptAreThoseTurnedOnAndOfTheOthersThoseOnNowOnlyWhereZfsHasThem() {
        Map<ZfsParam, Integer> now = Map.of(ZfsParam.COMPRESS, 0, ZfsParam.CHECKSUM, 1);
        assertEquals(Set.of(ZfsParam.COMPRESS), KeepAfterReboot.keep(now, Map.of()));
        assertEquals(Set.of(ZfsParam.CHECKSUM), KeepAfterReboot.keep(now, Map.of(ZfsParam.COMPRESS, false,
                ZfsParam.CHECKSUM, true, ZfsParam.ENCRYPT, true)), "encrypt: ZFS has no such parameter here");
    }
}
