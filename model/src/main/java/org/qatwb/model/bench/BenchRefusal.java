package org.qatwb.model.bench;

/** Why a benchmark cannot run on this NAS, in one line (the app's use case passes it on as it is). */
public final class BenchRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    public BenchRefusal(String message) {
        super(message);
    }
}
