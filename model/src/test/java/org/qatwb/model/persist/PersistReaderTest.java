package org.qatwb.model.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.testutil.AgentOutputWriter.BOUNDARY;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.testutil.AgentOutputWriter;

/** The persistence items of a snapshot (or a persist-params read-back) into a state. */
class PersistReaderTest {

    private static final Set<ZfsParam> TWO = EnumSet.of(ZfsParam.COMPRESS, ZfsParam.CHECKSUM);

    /** What midclt prints for our script on TrueNAS SCALE 24.04: Python's json.dumps, extra fields included. */
    static final String MIDCLT_OURS = "[{\"id\": 3, \"type\": \"COMMAND\", \"command\": \"echo 0 >"
            + " /sys/module/zfs/parameters/zfs_qat_compress_disable; echo 0 > /sys/module/zfs/parameters/zfs_qat_checksum_disable\","
            + " \"script_text\": null, \"script\": null, \"when\": \"POSTINIT\", \"enabled\": true, \"timeout\": 10,"
            + " \"comment\": \"qatwb: ZFS QAT offload parameters\"}]\n";

    private static AgentOutput out(AgentOutputWriter w) throws ParseException {
        return AgentOutput.parse(w.done().bytes(), BOUNDARY);
    }

    private static PersistState unit(AgentOutputWriter w) throws ParseException {
        return PersistReader.read(out(w), PersistTarget.SYSTEMD_UNIT);
    }

    private static PersistState init(String status, String answer) throws ParseException {
        return PersistReader.read(out(AgentOutputWriter.snapshot().absent("persist_unit").absent("persist_unit_state")
                .item("persist_init", status, status.equals("ok") ? 0 : 1, answer)), PersistTarget.TRUENAS_INIT_SCRIPT);
    }

    @Test
    void noUnitIsNone() throws ParseException {
        assertEquals(new PersistState.None(PersistTarget.SYSTEMD_UNIT),
                unit(AgentOutputWriter.snapshot().absent("persist_unit").absent("persist_unit_state").absent("persist_init")));
    }

    @Test
    void ourUnitEnabledKeepsItsParameters() throws ParseException {
        String text = ZfsQatUnit.text(TWO);
        PersistState s = unit(AgentOutputWriter.snapshot().ok("persist_unit", text).ok("persist_unit_state", "enabled\n"));
        assertEquals(new PersistState.Kept(PersistTarget.SYSTEMD_UNIT, TWO, true, text, List.of()), s);
        assertEquals(TWO, s.keptAtBoot());
        PersistState off = unit(AgentOutputWriter.snapshot().ok("persist_unit", text).ok("persist_unit_state", "disabled\n"));
        assertEquals(Set.of(), off.keptAtBoot());
    }

    @Test
    void aUnitEditedByHandIsForeignWithItsText() throws ParseException {
        String text = ZfsQatUnit.text(TWO).replace("After=qat.service", "After=qat.service network.target");
        PersistState s = unit(AgentOutputWriter.snapshot().ok("persist_unit", text).ok("persist_unit_state", "enabled\n"));
        PersistState.Foreign f = assertInstanceOf(PersistState.Foreign.class, s);
        assertEquals(text, f.text());
        assertTrue(f.reason().contains("not as QAT Workbench writes it"), f.reason());
        assertEquals(Set.of(), s.keptAtBoot());
    }

    @Test
    void anUnreadableUnitSaysWhy() throws ParseException {
        PersistState s = unit(AgentOutputWriter.snapshot()
                .item("persist_unit", "denied", 0, "permission denied: /etc/systemd/system/qatwb-zfs-qat.service\n")
                .absent("persist_unit_state"));
        assertEquals(new PersistState.Unreadable(PersistTarget.SYSTEMD_UNIT,
                "persist_unit: denied: permission denied: /etc/systemd/system/qatwb-zfs-qat.service"), s);
        assertInstanceOf(PersistState.Unreadable.class, unit(AgentOutputWriter.snapshot()));
    }

    @Test
    void midcltsAnswerForOurScriptIsKeptWithItsId() throws ParseException {
        PersistState s = init("ok", MIDCLT_OURS);
        PersistState.Kept k = assertInstanceOf(PersistState.Kept.class, s);
        assertEquals(TWO, k.params());
        assertTrue(k.enabled());
        assertEquals(List.of(3L), k.ids());
        assertEquals(InitScript.forParams(TWO).display(), k.text());
    }

    @Test
    void aDisabledOrEditedScriptIsSeenAsSuch() throws ParseException {
        PersistState off = init("ok", MIDCLT_OURS.replace("\"enabled\": true", "\"enabled\": false"));
        assertEquals(Set.of(), off.keptAtBoot());
        assertInstanceOf(PersistState.Kept.class, off);
        PersistState edited = init("ok", MIDCLT_OURS.replace("POSTINIT", "PREINIT"));
        PersistState.Foreign f = assertInstanceOf(PersistState.Foreign.class, edited);
        assertTrue(f.text().contains("when: PREINIT\n"), f.text());
        assertEquals(List.of(3L), f.ids());
        String two = MIDCLT_OURS.strip().replace("}]", "}, " + MIDCLT_OURS.strip().substring(1).replace("\"id\": 3", "\"id\": 4"));
        PersistState.Foreign both = assertInstanceOf(PersistState.Foreign.class, init("ok", two));
        assertEquals(List.of(3L, 4L), both.ids());
        assertTrue(both.reason().startsWith("2 init scripts carry"), both.reason());
    }

    @Test
    void noScriptNoMidcltAndGarbageAreNoneAndUnreadable() throws ParseException {
        assertEquals(new PersistState.None(PersistTarget.TRUENAS_INIT_SCRIPT), init("ok", "[]\n"));
        assertTrue(assertInstanceOf(PersistState.Unreadable.class, init("absent", "")).reason().contains("midclt is not installed"));
        assertTrue(assertInstanceOf(PersistState.Unreadable.class, init("ok", "Traceback (most recent call last):\n"))
                .reason().startsWith("persist_init: midclt's answer: JSON at offset 0"));
        assertTrue(assertInstanceOf(PersistState.Unreadable.class,
                init("error", "[ENOTAUTHENTICATED] Not authenticated\n")).reason()
                .startsWith("persist_init: error (exit status 1): [ENOTAUTHENTICATED]"));
        assertInstanceOf(PersistState.Unreadable.class, init("ok", "{\"id\": 3}"));
    }

    @Test
    void anOutcomeListsItsStepsAndWhatWasReadBack() throws ParseException {
        String text = ZfsQatUnit.text(TWO);
        AgentOutput o = AgentOutput.parse(new AgentOutputWriter(BOUNDARY).header("persist-params")
                .ok("persist_target", "systemd\n").ok("unit_write", "").ok("daemon_reload", "")
                .item("unit_enable", "error", 1, "Failed to enable unit: Access denied\n")
                .ok("persist_unit", text).ok("persist_unit_state", "disabled\n").absent("persist_init")
                .done().bytes(), BOUNDARY);
        PersistOutcome out = PersistOutcome.read(o, TWO);
        assertEquals(PersistTarget.SYSTEMD_UNIT, out.target());
        assertEquals(List.of("unit_write", "daemon_reload", "unit_enable"),
                out.steps().stream().map(PersistOutcome.Step::name).toList());
        assertEquals(ItemStatus.ERROR, out.failure().orElseThrow().status());
        assertEquals("Failed to enable unit: Access denied", out.failure().orElseThrow().message());
        assertEquals(false, out.ok());
        assertEquals(false, out.achieved(), "written but not enabled");
    }

    @Test
    void moreInitScriptsThanAnyNasHasAreUnreadableNotShown() throws ParseException {
        // each would be shown in full in the foreign state's text
        String many = "[" + "{\"comment\": \"qatwb: ZFS QAT offload parameters\"}, ".repeat(InitScript.MAX_QUERIED)
                + "{}]";
        PersistState s = init("ok", many);
        PersistState.Unreadable u = assertInstanceOf(PersistState.Unreadable.class, s);
        assertTrue(u.reason().contains("65 init scripts carry the comment; more than 64"), u.reason());
    }
}
