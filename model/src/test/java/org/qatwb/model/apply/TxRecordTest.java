package org.qatwb.model.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.model.parse.ParseException;

/** A transaction summary from the NAS: its numbers are the agent's, or refused. */
class TxRecordTest {

    private static final String HEAD = "id 20261122T100000Z-0a1b2c3d\nmode restart\nstate confirmed\n";
    private static final String SUM = "0".repeat(64);

    @Test
    void theAgentsLongestTimeoutIsRead() throws ParseException {
        assertEquals(Duration.ofDays(1), TxRecord.read(HEAD + "timeout 86400\n").timeout().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "86401", "9223372036854775807", "1e3", ""})
    void aTimeoutTheAgentNeverTakesIsRefused(String v) {
        // Duration.ofSeconds(Long.MAX_VALUE).toMillis() throws: no such number gets that far
        ParseException e = assertThrows(ParseException.class, () -> TxRecord.read(HEAD + "timeout " + v + "\n"));
        assertTrue(e.getMessage().startsWith("line 4: transaction summary: not a timeout of 0..86400 seconds"),
                e.getMessage());
    }

    @Test
    void moreFilesThanTheAgentTakesAreRefused() {
        StringBuilder t = new StringBuilder(HEAD);
        for (int i = 0; i <= TxRecord.MAX_FILES; i++) {
            t.append("file ").append(i).append(" /etc/c6xxvf_dev").append(i).append(".conf ").append(SUM).append(' ')
                    .append(SUM).append(" keep\n");
        }
        ParseException e = assertThrows(ParseException.class, () -> TxRecord.read(t.toString()));
        assertTrue(e.getMessage().startsWith("line " + (4 + TxRecord.MAX_FILES) + ": transaction summary: more than 256"
                + " files"), e.getMessage());
    }
}
