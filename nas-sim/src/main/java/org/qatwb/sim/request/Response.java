package org.qatwb.sim.request;

/**
 * What a stand-in prints and returns for a request.
 *
 * @param stdout written to the stand-in's standard output
 * @param stderr written to its standard error, after stdout
 * @param rc     its exit status
 */
public record Response(String stdout, String stderr, int rc) {

    public static Response ok(String stdout) {
        return new Response(stdout, "", 0);
    }

    public static Response fail(String stderr, int rc) {
        return new Response("", stderr, rc);
    }

    /** This response with more output before it. */
    public Response after(String moreStdout, String moreStderr) {
        return new Response(moreStdout + stdout, moreStderr + stderr, rc);
    }
}
