package org.qatwb.model.zia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.testutil.AgentOutputWriter;

/** Reading the agent's zpool-set answer: the write's status and the value read back. */
class ZiaSetOutcomeTest {

    private static final ZiaChange ON = ZiaChange.turn("tank", ZiaProperty.COMPRESS, true);

    private static ZiaSetOutcome read(AgentOutputWriter w) throws ParseException {
        return ZiaSetOutcome.read(AgentOutput.parse(w.done().bytes(), AgentOutputWriter.BOUNDARY), ON);
    }

    private static AgentOutputWriter answer() {
        return new AgentOutputWriter(AgentOutputWriter.BOUNDARY).header("zpool-set");
    }

    @Test
    void aWriteThatReadsBackIsOk() throws ParseException {
        ZiaSetOutcome o = read(answer().item("zpool_set", "ok", 0, "")
                .ok("zpool_get", "tank\tzia_compress\ton\ntank\tzia_checksum\toff\n"));
        assertTrue(o.ok());
        assertEquals("on", o.after().orElseThrow().zia().get("zia_compress"));
    }

    @Test
    void zpoolsRefusalKeepsItsWordsOnOneLine() throws ParseException {
        ZiaSetOutcome o = read(answer().item("zpool_set", "error", 1,
                "cannot set property for 'tank': 'zia_compress' must be one of 'on | off'\n")
                .ok("zpool_get", "tank\tzia_compress\toff\n"));
        assertFalse(o.ok());
        assertEquals(ItemStatus.ERROR, o.status());
        assertEquals("cannot set property for 'tank': 'zia_compress' must be one of 'on | off'", o.message());
    }

    @Test
    void anAcceptedWriteThatDoesNotReadBackIsNotOk() throws ParseException {
        assertFalse(read(answer().item("zpool_set", "ok", 0, "").ok("zpool_get", "tank\tzia_compress\toff\n")).ok());
        assertFalse(read(answer().item("zpool_set", "ok", 0, "").absent("zpool_get")).ok());
        assertFalse(read(answer().item("zpool_set", "ok", 0, "").ok("zpool_get", "other\tzia_compress\ton\n")).ok());
    }

    @Test
    void anAnswerWithoutTheWriteIsAParseError() {
        assertThrows(ParseException.class, () -> read(answer().ok("zpool_get", "tank\tzia_compress\ton\n")));
    }
}
