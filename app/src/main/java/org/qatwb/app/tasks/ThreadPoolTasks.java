package org.qatwb.app.tasks;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qatwb.model.parse.Snippet;

/**
 * Background work on a pool of daemon threads (an unfinished SSH command must not keep the JVM
 * alive after the window closed), results handed to the UI thread's executor
 * ({@code Platform::runLater} in the application).
 */
public final class ThreadPoolTasks implements BackgroundTasks, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ThreadPoolTasks.class.getName());

    private final ExecutorService pool;
    private final Executor ui;

    public ThreadPoolTasks(Executor ui) {
        this.ui = Objects.requireNonNull(ui, "ui");
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "qatwb-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<? super Exception> failed) {
        pool.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                if (e instanceof RuntimeException) {
                    // a bug rather than the NAS's answer: the user sees one line, the log keeps the trace
                    LOG.log(Level.WARNING, "background task failed: " + Snippet.failure(e), e);
                }
                ui.execute(() -> failed.accept(e));
                return;
            }
            ui.execute(() -> done.accept(result));
        });
    }

    @Override
    public Executor ui() {
        return ui;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
