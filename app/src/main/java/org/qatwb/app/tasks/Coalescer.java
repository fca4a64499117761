package org.qatwb.app.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands items produced on background threads to the UI thread in batches: however many items
 * arrive before the UI thread gets to them, it runs ONE task that takes them all (DESIGN.md: at
 * most one UI update per frame, never a {@code Platform.runLater} per value).
 */
public final class Coalescer<T> {

    private final Executor ui;
    private final Consumer<List<T>> batches;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public Coalescer(Executor ui, Consumer<List<T>> batches) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.batches = Objects.requireNonNull(batches, "batches");
    }

    /** Any thread. */
    public void offer(T item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    private void drain() {
        // cleared before taking, so an item offered while we take schedules a new drain
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T t; (t = queue.poll()) != null; ) {
            batch.add(t);
        }
        if (!batch.isEmpty()) {
            batches.accept(batch);
        }
    }
}
