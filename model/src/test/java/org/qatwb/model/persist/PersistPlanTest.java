package org.qatwb.model.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qatwb.model.zfs.ZfsParam;

/** Plans and their diffs: nothing to some, some to nothing, some to other, a foreign unit, TrueNAS. */
class PersistPlanTest {

    private static final Set<ZfsParam> COMPRESS = EnumSet.of(ZfsParam.COMPRESS);
    private static final Set<ZfsParam> ALL = EnumSet.allOf(ZfsParam.class);
    private static final PersistTarget UNIT = PersistTarget.SYSTEMD_UNIT;
    private static final PersistTarget TRUENAS = PersistTarget.TRUENAS_INIT_SCRIPT;

    private static PersistState kept(Set<ZfsParam> p, boolean enabled) {
        return new PersistState.Kept(UNIT, p, enabled, ZfsQatUnit.text(p), List.of());
    }

    @Test
    void theUnitIsOrderedAfterQatAndWritesZeroToEachKeptParameterInOrder() {
        String t = ZfsQatUnit.text(EnumSet.of(ZfsParam.ENCRYPT, ZfsParam.COMPRESS));
        assertTrue(t.contains("\n[Unit]\nDescription=qatwb: ZFS QAT offload parameters\nAfter=qat.service\nWants=qat.service\n"), t);
        assertTrue(t.contains("\n[Service]\nType=oneshot\nRemainAfterExit=yes\n"
                + "ExecStart=/bin/sh -c 'echo 0 > /sys/module/zfs/parameters/zfs_qat_compress_disable'\n"
                + "ExecStart=/bin/sh -c 'echo 0 > /sys/module/zfs/parameters/zfs_qat_encrypt_disable'\n\n"
                + "[Install]\nWantedBy=multi-user.target\n"), t);
        assertFalse(t.contains("checksum_disable"));
        assertEquals(EnumSet.of(ZfsParam.ENCRYPT, ZfsParam.COMPRESS), ZfsQatUnit.recognise(t).orElseThrow());
        assertTrue(ZfsQatUnit.recognise(t.replace("RemainAfterExit=yes\n", "")).isEmpty());
    }

    @Test
    void fromNothingToCompressionCreatesTheUnitAndTheDiffAddsEveryLine() {
        PersistPlan plan = PersistPlan.of(new PersistState.None(UNIT), COMPRESS);
        assertEquals(PersistPlan.Action.CREATE, plan.action());
        assertEquals(ZfsQatUnit.text(COMPRESS), plan.newText());
        assertEquals("", plan.oldText());
        List<String> diff = plan.diff().lines().toList();
        int n = (int) ZfsQatUnit.text(COMPRESS).lines().count();
        assertEquals("--- /dev/null", diff.get(0));
        assertEquals("+++ " + ZfsQatUnit.PATH, diff.get(1));
        assertEquals("@@ -0,0 +1," + n + " @@", diff.get(2));
        assertEquals(ZfsQatUnit.text(COMPRESS).lines().map(l -> "+" + l).toList(), diff.subList(3, diff.size()));
        assertEquals(List.of("write /etc/systemd/system/qatwb-zfs-qat.service (a temporary file beside it, then mv)",
                "systemctl daemon-reload", "systemctl enable qatwb-zfs-qat.service"), plan.steps());
        assertTrue(plan.caution().isEmpty());
        assertTrue(plan.initScript().isEmpty());
    }

    @Test
    void fromSomethingToNothingRemovesTheUnitAndTheDiffRemovesEveryLine() {
        PersistPlan plan = PersistPlan.of(kept(ALL, true), Set.of());
        assertEquals(PersistPlan.Action.REMOVE, plan.action());
        assertEquals("", plan.newText());
        List<String> diff = plan.diff().lines().toList();
        assertEquals("--- " + ZfsQatUnit.PATH, diff.get(0));
        assertEquals("+++ /dev/null", diff.get(1));
        assertEquals("@@ -1," + ZfsQatUnit.text(ALL).lines().count() + " +0,0 @@", diff.get(2));
        assertTrue(diff.subList(3, diff.size()).stream().allMatch(l -> l.startsWith("-")), plan.diff());
        assertEquals(List.of("systemctl disable qatwb-zfs-qat.service", "rm -f " + ZfsQatUnit.PATH,
                "systemctl daemon-reload"), plan.steps());
    }

    @Test
    void fromOneSetToAnotherTheDiffShowsOnlyTheExecStartLines() {
        PersistPlan plan = PersistPlan.of(kept(COMPRESS, true), ALL);
        assertEquals(PersistPlan.Action.REPLACE, plan.action());
        List<String> changed = plan.diff().lines().filter(l -> (l.startsWith("+") || l.startsWith("-"))
                && !l.startsWith("+++") && !l.startsWith("---")).toList();
        assertEquals(List.of(
                "+ExecStart=/bin/sh -c 'echo 0 > /sys/module/zfs/parameters/zfs_qat_checksum_disable'",
                "+ExecStart=/bin/sh -c 'echo 0 > /sys/module/zfs/parameters/zfs_qat_encrypt_disable'"), changed);
        assertTrue(plan.diff().startsWith("--- " + ZfsQatUnit.PATH + "\n+++ " + ZfsQatUnit.PATH + "\n@@ "));
    }

    @Test
    void whatIsAlreadyThereAndEnabledIsNothingToDo() {
        PersistPlan plan = PersistPlan.of(kept(COMPRESS, true), EnumSet.of(ZfsParam.COMPRESS));
        assertEquals(PersistPlan.Action.NONE, plan.action());
        assertFalse(plan.changes());
        assertEquals("", plan.diff());
        assertEquals(List.of(), plan.steps());
        assertEquals(PersistPlan.Action.NONE, PersistPlan.of(new PersistState.None(UNIT), Set.of()).action());
    }

    @Test
    void ourUnitDisabledIsEnabledAgainWithAnEmptyDiff() {
        PersistPlan plan = PersistPlan.of(kept(COMPRESS, false), COMPRESS);
        assertEquals(PersistPlan.Action.REPLACE, plan.action());
        assertEquals("", plan.diff(), "the text stays");
        assertTrue(plan.steps().contains("systemctl enable qatwb-zfs-qat.service"));
        assertEquals(Set.of(), kept(COMPRESS, false).keptAtBoot());
    }

    @Test
    void aForeignUnitIsReplacedWithACautionAndTheDiffShowsItsLinesGo() {
        String foreign = "[Unit]\nDescription=mine\n\n[Service]\nExecStart=/usr/local/bin/zfs-qat-on\n";
        PersistState state = new PersistState.Foreign(UNIT, foreign, "not ours", List.of());
        PersistPlan plan = PersistPlan.of(state, COMPRESS);
        assertEquals(PersistPlan.Action.REPLACE, plan.action());
        assertEquals("replaces what is there: not ours", plan.caution().orElseThrow());
        assertTrue(plan.diff().contains("\n-Description=mine\n"), plan.diff());
        assertTrue(plan.diff().contains("\n-ExecStart=/usr/local/bin/zfs-qat-on\n"), plan.diff());
        assertTrue(plan.diff().contains("\n+Description=qatwb: ZFS QAT offload parameters\n"), plan.diff());
        assertTrue(plan.diff().contains("\n [Unit]\n"), "a line both have is context: " + plan.diff());
        PersistPlan removal = PersistPlan.of(state, Set.of());
        assertEquals(PersistPlan.Action.REMOVE, removal.action());
        assertTrue(removal.diff().startsWith("--- " + ZfsQatUnit.PATH + "\n+++ /dev/null\n"), removal.diff());
    }

    @Test
    void aLastLineWithoutNewlineIsMarkedAsDiffMarksIt() {
        String foreign = "[Unit]\nDescription=mine";
        PersistPlan plan = PersistPlan.of(new PersistState.Foreign(UNIT, foreign, "x", List.of()), Set.of());
        assertTrue(plan.diff().endsWith("-Description=mine\n\\ No newline at end of file\n"), plan.diff());
    }

    @Test
    void anUnreadableStateStillPlansButSaysSo() {
        PersistPlan plan = PersistPlan.of(new PersistState.Unreadable(UNIT, "persist_unit: denied"), COMPRESS);
        assertEquals(PersistPlan.Action.REPLACE, plan.action());
        assertEquals("what is there now could not be read: persist_unit: denied", plan.caution().orElseThrow());
        assertTrue(plan.diff().startsWith("--- /dev/null\n"));
    }

    @Test
    void onTrueNasTheInitScriptIsCreatedWithTheExactArgumentTheAgentSends() {
        PersistPlan plan = PersistPlan.of(new PersistState.None(TRUENAS), EnumSet.of(ZfsParam.COMPRESS, ZfsParam.CHECKSUM));
        String json = "{\"type\": \"COMMAND\", \"command\": \"echo 0 > /sys/module/zfs/parameters/zfs_qat_compress_disable;"
                + " echo 0 > /sys/module/zfs/parameters/zfs_qat_checksum_disable\", \"when\": \"POSTINIT\","
                + " \"enabled\": true, \"timeout\": 10, \"comment\": \"qatwb: ZFS QAT offload parameters\"}";
        assertEquals(json, plan.initScript().orElseThrow().json());
        assertEquals(List.of("midclt call initshutdownscript.create '" + json + "'"), plan.steps());
        assertEquals("""
                type: COMMAND
                when: POSTINIT
                enabled: true
                timeout: 10
                comment: qatwb: ZFS QAT offload parameters
                command: echo 0 > /sys/module/zfs/parameters/zfs_qat_compress_disable; \
                echo 0 > /sys/module/zfs/parameters/zfs_qat_checksum_disable
                """, plan.newText());
        assertTrue(plan.diff().startsWith("--- /dev/null\n+++ " + PersistPlan.INIT_SCRIPT_NAME + "\n@@ -0,0 +1,6 @@\n"),
                plan.diff());
    }

    @Test
    void onTrueNasOursIsUpdatedByIdAndExtraOnesDeleted() {
        InitScript old = InitScript.forParams(COMPRESS);
        PersistState kept = new PersistState.Kept(TRUENAS, COMPRESS, true, old.display(), List.of(7L));
        PersistPlan plan = PersistPlan.of(kept, ALL);
        assertEquals(PersistPlan.Action.REPLACE, plan.action());
        assertEquals(List.of("midclt call initshutdownscript.update 7 '" + InitScript.forParams(ALL).json() + "'"),
                plan.steps());
        List<String> changed = plan.diff().lines().filter(l -> l.startsWith("-command") || l.startsWith("+command")).toList();
        assertEquals(2, changed.size(), plan.diff());

        PersistState two = new PersistState.Foreign(TRUENAS, old.display() + "\n" + old.display(), "2 init scripts",
                List.of(7L, 9L));
        assertEquals(List.of("midclt call initshutdownscript.update 7 '" + InitScript.forParams(ALL).json() + "'",
                "midclt call initshutdownscript.delete 9"), PersistPlan.of(two, ALL).steps());
        assertEquals(List.of("midclt call initshutdownscript.delete 7", "midclt call initshutdownscript.delete 9"),
                PersistPlan.of(two, Set.of()).steps());
    }

    @Test
    void keepWordsAreTheEightTheAgentAccepts() {
        assertEquals("none", KeepList.word(Set.of()));
        assertEquals("compress,encrypt", KeepList.word(EnumSet.of(ZfsParam.ENCRYPT, ZfsParam.COMPRESS)));
        assertEquals(8, KeepList.allSets().size());
        for (Set<ZfsParam> s : KeepList.allSets()) {
            assertEquals(s, KeepList.parse(KeepList.word(s)).orElseThrow());
        }
        for (String bad : List.of("", "encrypt,compress", "compress,compress", "all", "compress ", "None")) {
            assertTrue(KeepList.parse(bad).isEmpty(), bad);
        }
    }
}
