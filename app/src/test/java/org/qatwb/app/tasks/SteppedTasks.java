package org.qatwb.app.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A test double of {@link BackgroundTasks} that does nothing until the test says so: it starts the
 * works handed to it (runs them on the test's thread, keeping their results), and finishes them
 * (delivers the results) in the order the test picks, which may be the reverse of the order they
 * were asked in, as a pool of threads may. The test's thread is the UI thread: what is handed to
 * {@link #ui()} runs when the test drains.
 */
public final class SteppedTasks implements BackgroundTasks {

    private final List<Step<?>> steps = new ArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> ui = new ConcurrentLinkedQueue<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<? super Exception> failed) {
        steps.add(new Step<>(work, done, failed));
    }

    @Override
    public Executor ui() {
        return ui::add;
    }

    /** Works asked for and not finished yet, started or not. */
    public int unfinished() {
        return steps.size();
    }

    /** Works asked for and not started yet. */
    public int notStarted() {
        return (int) steps.stream().filter(s -> !s.started).count();
    }

    /** Starts every work not started yet, in the order they were asked for. */
    public void startAll() {
        for (Step<?> s : List.copyOf(steps)) {
            s.start();
        }
    }

    /** Finishes the started works, the newest first, and runs what they handed to the UI thread. */
    public void finishNewestFirst() {
        List<Step<?>> started = new ArrayList<>(steps.stream().filter(s -> s.started).toList());
        for (int i = started.size() - 1; i >= 0; i--) {
            Step<?> s = started.get(i);
            steps.remove(s);
            s.finish();
            runUi();
        }
    }

    /** Finishes the oldest started work. */
    public void finishOldest() {
        Step<?> s = steps.stream().filter(x -> x.started).findFirst().orElseThrow(() -> new IllegalStateException("none started"));
        steps.remove(s);
        s.finish();
        runUi();
    }

    /**
     * Until nothing is left: starts all that wait, then finishes what started, newest first (works
     * asked for while finishing are taken in the next round).
     */
    public void drainNewestFirst() {
        for (int rounds = 0; !steps.isEmpty(); rounds++) {
            if (rounds > 1000) {
                throw new IllegalStateException("still asked for work after 1000 rounds");
            }
            startAll();
            finishNewestFirst();
        }
        runUi();
    }

    /** Runs what was handed to the UI thread. */
    public void runUi() {
        for (Runnable r; (r = ui.poll()) != null; ) {
            r.run();
        }
    }

    private static final class Step<T> {
        private final Callable<T> work;
        private final Consumer<? super T> done;
        private final Consumer<? super Exception> failed;
        private boolean started;
        private T result;
        private Exception failure;

        Step(Callable<T> work, Consumer<? super T> done, Consumer<? super Exception> failed) {
            this.work = work;
            this.done = done;
            this.failed = failed;
        }

        void start() {
            if (started) {
                return;
            }
            started = true;
            try {
                result = work.call();
            } catch (Exception e) {
                failure = e;
            }
        }

        void finish() {
            if (failure != null) {
                failed.accept(failure);
            } else {
                done.accept(result);
            }
        }
    }
}
