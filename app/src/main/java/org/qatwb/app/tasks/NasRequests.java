package org.qatwb.app.tasks;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.qatwb.model.parse.Snippet;

/**
 * The requests of ONE NAS, run one at a time in the order they were asked for, on
 * {@link BackgroundTasks} (a serial lane: the next starts when the previous one's result has been
 * delivered on the UI thread). A change and the read that follows it are one request, so a read
 * asked for before a change can no longer finish after it and show the NAS as it was; and the
 * agent on the NAS never sees two requests of one tab at once.
 *
 * <p>Progress and failures are properties, read on the UI thread: how many requests are asked for
 * and not finished, what the running one does, and the latest failure in one line. Every snapshot
 * read takes a number from {@link #readOrder()} when its read starts, so that whoever shows
 * snapshots can drop one older than the one shown (see {@code NasViewModel}).
 *
 * <p>UI thread only, except {@link #readOrder()}.
 */
public final class NasRequests implements AutoCloseable {

    private final BackgroundTasks tasks;
    private final Queue<Request<?>> waiting = new ArrayDeque<>();
    private final AtomicLong reads = new AtomicLong();
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private Request<?> current;
    private boolean closed;

    public NasRequests(BackgroundTasks tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** Requests asked for and not finished: the running one and those waiting behind it. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** A request runs or waits. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the running request does, in a few words; empty when none runs. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** Why the latest request that failed failed, in one line; empty again once a request succeeds. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Where results are delivered: the UI thread. */
    public Executor ui() {
        return tasks.ui();
    }

    /**
     * Asks for {@code work}, described by {@code what}: it runs in the background after every
     * request asked for before it has finished; then {@code done} with its result, or
     * {@code failed} with what it threw, on the UI thread. Nothing runs once closed.
     */
    public <T> void submit(String what, Callable<T> work, Consumer<? super T> done, Consumer<? super Exception> failed) {
        if (closed) {
            return;
        }
        waiting.add(new Request<>(what, work, done, failed));
        counted();
        next();
    }

    /** The running request's latest step, in the activity line (the apply's steps and waits). */
    public void progress(String line) {
        if (current != null) {
            activity.set(line);
        }
    }

    /**
     * The order of a snapshot read that starts now (any thread; call it just before reading): a
     * higher number is a read that started later, so it shows the NAS as it is at least as late.
     */
    public long readOrder() {
        return reads.incrementAndGet();
    }

    /** Drops the requests that wait; the running one still delivers (its owner may have something to close). */
    @Override
    public void close() {
        closed = true;
        waiting.clear();
        counted();
    }

    private void next() {
        if (current != null) {
            return;
        }
        Request<?> r = waiting.poll();
        if (r == null) {
            activity.set("");
            return;
        }
        current = r;
        activity.set(r.what());
        start(r);
    }

    private <T> void start(Request<T> r) {
        tasks.run(r.work(), result -> {
            finished();
            failure.set("");
            r.done().accept(result);
            next();
        }, e -> {
            finished();
            failure.set(Snippet.failure(e));
            r.failed().accept(e);
            next();
        });
    }

    private void finished() {
        current = null;
        counted();
        if (waiting.isEmpty()) {
            activity.set("");
        }
    }

    private void counted() {
        running.set(waiting.size() + (current == null ? 0 : 1));
        busy.set(running.get() > 0);
    }

    private record Request<T>(String what, Callable<T> work, Consumer<? super T> done, Consumer<? super Exception> failed) {
    }
}
