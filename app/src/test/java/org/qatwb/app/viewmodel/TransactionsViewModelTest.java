package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The history as properties, without callbacks: who asked hears every read, and a read that failed. */
class TransactionsViewModelTest {

    @RegisterExtension
    final TestNas sims = TestNas.demo();

    @Test
    void everyReadOfTheHistoryEndsAndSaysWhetherItFailedAlsoWhenItFindsWhatTheLastOneFound() {
        NasViewModel nas = sims.connect("c62x");
        TransactionsViewModel tx = nas.transactions();
        List<String> ended = new ArrayList<>();
        // a read that finds the same (empty) history changes no history: the end of the read is what is heard
        tx.readingHistoryProperty().addListener((o, was, now) -> ended.add(now ? "reading" : "read:" + tx.historyFailureProperty().get()));

        tx.loadHistory();
        tx.loadHistory();

        assertEquals(List.of("reading", "read:", "reading", "read:"), ended, nas.notices().toString());
        assertTrue(tx.historyProperty().get().isEmpty(), tx.historyProperty().get().toString());
    }

    @Test
    void aReadThatCannotBeAskedEndsAndSaysWhy() {
        NasViewModel nas = sims.open("c62x");   // never connected
        TransactionsViewModel tx = nas.transactions();
        List<?> before = tx.historyProperty().get();

        tx.loadHistory();

        assertFalse(tx.readingHistoryProperty().get());
        assertEquals("not connected to the NAS", tx.historyFailureProperty().get());
        assertTrue(before == tx.historyProperty().get(), "no new history");
        Notice last = nas.notices().get(nas.notices().size() - 1);
        assertEquals("History not read", last.title());
        assertEquals("not connected to the NAS", last.message());
        assertTrue(tx.restartCannotApply().isEmpty(), "not read yet: not known, the restart stays offered");
    }
}
