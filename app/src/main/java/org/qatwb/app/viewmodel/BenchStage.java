package org.qatwb.app.viewmodel;

/** Where the Benchmark page is: the form, a plan shown, a run under way or stopping, the result. */
public enum BenchStage {
    /** The form: nothing planned yet, or the plan was refused (the refusal says why). */
    FORM,
    /** The NAS is asked what the benchmark would do. */
    PLANNING,
    /** The plan is shown; Start runs it. */
    PLANNED,
    /** The passes run on the NAS. */
    RUNNING,
    /** Stop was asked: the NAS stops the pass and cleans up; the page waits for the run to return. */
    STOPPING,
    /** The run returned (its result), or ended without one (why, in one line). */
    DONE
}
