package org.qatwb.model.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.qatwb.model.parse.ParseException;

/** The boot check's record ({@code boot/last}) and the pending list (item {@code tx_pending}) as the agent writes them. */
class BootRecordsTest {

    private static final String A = "20261206T080000Z-00000001";
    private static final String B = "20261206T090000Z-0000000a";

    @Test
    void aRolledBackBootIsReadWithItsTransactionsAndWords() throws ParseException {
        BootCheck c = BootCheck.parse("outcome rolled-back\ntx " + A + "," + B + "\nboot_id 0f6c4b9e-2d7a-4c55-9d0e-7a1c2b3d4e5f\n"
                + "uptime 14\nmessage not up: 0000:3d:01.5; driver: QAT Error: Only version 2 config file supported\nfuture key\n");
        assertEquals(BootCheck.Outcome.ROLLED_BACK, c.outcome());
        assertEquals(List.of(A, B), c.transactions());
        assertEquals(Optional.of("0f6c4b9e-2d7a-4c55-9d0e-7a1c2b3d4e5f"), c.bootId());
        assertEquals(OptionalLong.of(14), c.uptime());
        assertTrue(c.message().endsWith("Only version 2 config file supported"));
        assertEquals(false, c.runsNewLayout());
    }

    @Test
    void unknownValuesAreEmptyAndAMissingOutcomeOrABadIdIsRefused() throws ParseException {
        BootCheck c = BootCheck.parse("outcome unverified\ntx " + A + "\nboot_id -\nuptime -\nmessage x\n");
        assertTrue(c.runsNewLayout());
        assertEquals(Optional.empty(), c.bootId());
        assertEquals(OptionalLong.empty(), c.uptime());
        assertThrows(ParseException.class, () -> BootCheck.parse("tx " + A + "\n"));
        assertThrows(ParseException.class, () -> BootCheck.parse("outcome maybe\n"));
        assertThrows(ParseException.class, () -> BootCheck.parse("outcome verified\ntx ../../etc\n"));
    }

    @Test
    void thePendingListNamesItsTransactionsTheNewestStateAndTheFilesOnce() throws ParseException {
        PendingLayout p = PendingLayout.parse(A + " staged\nfile /etc/c6xxvf_dev0.conf\nfile /etc/default/qat\n"
                + B + " deferred\nfile /etc/c6xxvf_dev0.conf\n").orElseThrow();
        assertEquals(List.of(A, B), p.transactions());
        assertEquals("deferred", p.state());
        assertEquals(List.of("/etc/c6xxvf_dev0.conf", "/etc/default/qat"), p.files());
        assertEquals(Optional.empty(), PendingLayout.parse(""));
        assertThrows(ParseException.class, () -> PendingLayout.parse(A + " staged\nfile /etc/passwd\n"));
        assertThrows(ParseException.class, () -> PendingLayout.parse("x staged\n"));
    }
}
