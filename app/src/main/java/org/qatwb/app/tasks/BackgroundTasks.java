package org.qatwb.app.tasks;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one way the workbench runs work off the UI thread (DESIGN.md, "Threading in the UI"): the
 * work runs in the background, and its result or failure is delivered on the UI thread. The
 * application uses {@link ThreadPoolTasks}; view-model tests use {@link DirectTasks}, which runs
 * everything at once on the caller's thread, so a test needs no waiting and no FX toolkit.
 */
public interface BackgroundTasks {

    /**
     * Runs {@code work} in the background; then {@code done} with its result, or {@code failed}
     * with what it threw, on the UI thread.
     */
    <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<? super Exception> failed);

    /** Where results, stream samples and state changes are delivered: the UI thread. */
    Executor ui();
}
