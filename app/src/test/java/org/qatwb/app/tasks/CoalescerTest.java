package org.qatwb.app.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    @Test
    void itemsOfferedBeforeTheUiRunsArriveAsOneBatch() {
        List<Runnable> uiQueue = new ArrayList<>();
        List<List<Integer>> batches = new ArrayList<>();
        Coalescer<Integer> c = new Coalescer<>(uiQueue::add, batches::add);
        for (int i = 0; i < 100; i++) {
            c.offer(i);
        }
        assertEquals(1, uiQueue.size(), "one UI task, not one per item");
        uiQueue.remove(0).run();
        assertEquals(1, batches.size());
        assertEquals(100, batches.get(0).size());
        c.offer(100);
        assertEquals(1, uiQueue.size(), "a new item after the drain schedules anew");
        uiQueue.remove(0).run();
        assertEquals(List.of(100), batches.get(1));
    }
}
