package org.qatwb.app.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One NAS's requests: one at a time, in the order asked, whatever order the executor would finish them in. */
class NasRequestsTest {

    private final SteppedTasks tasks = new SteppedTasks();
    private final NasRequests requests = new NasRequests(tasks);
    private final List<String> ran = new ArrayList<>();
    private final List<String> delivered = new ArrayList<>();

    private void ask(String name) {
        requests.submit(name, () -> {
            ran.add(name);
            return name;
        }, delivered::add, e -> delivered.add("failed " + e.getMessage()));
    }

    @Test
    void requestsRunOneAtATimeInTheOrderAskedAndSayWhatRuns() {
        ask("read");
        ask("switch");
        ask("keep");
        assertEquals(1, tasks.unfinished(), "only the first is handed to the executor");
        assertEquals(3, requests.runningProperty().get());
        assertTrue(requests.busyProperty().get());
        assertEquals("read", requests.activityProperty().get());

        tasks.startAll();
        tasks.finishOldest();
        assertEquals(List.of("read"), delivered);
        assertEquals(2, requests.runningProperty().get());
        assertEquals("switch", requests.activityProperty().get(), "the next one started once the first was delivered");

        tasks.drainNewestFirst();   // an executor that would finish the newest first cannot reorder them
        assertEquals(List.of("read", "switch", "keep"), ran);
        assertEquals(List.of("read", "switch", "keep"), delivered);
        assertEquals(0, requests.runningProperty().get());
        assertFalse(requests.busyProperty().get());
        assertEquals("", requests.activityProperty().get());
    }

    @Test
    void aRequestAskedWhileOneIsDeliveredWaitsForThoseAskedBeforeIt() {
        DirectTasks direct = new DirectTasks();
        NasRequests r = new NasRequests(direct);
        List<String> order = new ArrayList<>();
        // a request whose result asks for another one (a reconnect that reads the NAS)
        r.submit("first", () -> "first", x -> {
            order.add(x);
            r.submit("third", () -> "third", order::add, e -> { });
        }, e -> { });
        r.submit("second", () -> "second", order::add, e -> { });
        assertEquals(List.of("first", "third", "second"), order, "on the synchronous executor each runs as it is asked");

        SteppedTasks stepped = new SteppedTasks();
        NasRequests s = new NasRequests(stepped);
        List<String> got = new ArrayList<>();
        s.submit("first", () -> "first", x -> {
            got.add(x);
            s.submit("third", () -> "third", got::add, e -> { });
        }, e -> { });
        s.submit("second", () -> "second", got::add, e -> { });
        stepped.drainNewestFirst();
        assertEquals(List.of("first", "second", "third"), got, "asked while the first was delivered: after the second");
    }

    @Test
    void aFailureIsOneLineUntilARequestSucceeds() {
        requests.<String>submit("read", () -> {
            throw new IOException("connection reset\nby peer");
        }, delivered::add, e -> delivered.add("failed"));
        tasks.drainNewestFirst();
        String line = requests.failureProperty().get();
        assertTrue(line.startsWith("connection reset") && line.contains("by peer") && !line.contains("\n"), line);
        assertEquals(List.of("failed"), delivered);
        requests.<String>submit("read", () -> {
            throw new IllegalStateException();
        }, delivered::add, e -> delivered.add("failed"));
        tasks.drainNewestFirst();
        assertFalse(requests.failureProperty().get().contains("null"), requests.failureProperty().get());
        assertFalse(requests.failureProperty().get().isEmpty());
        ask("again");
        tasks.drainNewestFirst();
        assertEquals("", requests.failureProperty().get());
    }

    @Test
    void closingDropsTheRequestsThatWaitAndRefusesNewOnes() {
        ask("read");
        ask("switch");
        requests.close();
        assertEquals(1, requests.runningProperty().get(), "the running one still delivers");
        ask("after");
        tasks.drainNewestFirst();
        assertEquals(List.of("read"), ran);
        assertEquals(List.of("read"), delivered);
        assertEquals(0, requests.runningProperty().get());
    }

    @Test
    void readOrdersGrowWithEveryRead() {
        long a = requests.readOrder();
        long b = requests.readOrder();
        assertTrue(b > a);
    }
}
