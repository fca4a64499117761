package org.qatwb.app.tasks;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** The synchronous test double of {@link BackgroundTasks}: work, then its callback, at once, on the caller's thread. */
public final class DirectTasks implements BackgroundTasks {

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<? super Exception> failed) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            failed.accept(e);
            return;
        }
        done.accept(result);
    }

    @Override
    public Executor ui() {
        return Runnable::run;
    }
}
