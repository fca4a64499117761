package org.qatwb.sim.request;

/** Answers requests; called on the watcher's single thread, one request at a time. */
@FunctionalInterface
public interface RequestHandler {

    Response handle(Request request);
}
