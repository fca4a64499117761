package org.qatwb.ssh.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short external command and returns its output, failing loudly. */
public final class Processes {

    private Processes() {
    }

    /** Runs {@code cmd}, stderr merged into the result; throws when it fails or takes over 30 s. */
    public static String run(List<String> cmd) throws IOException {
        Result r = runAllowingFailure(cmd);
        if (r.exitStatus() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (" + r.exitStatus() + "): " + r.output());
        }
        return r.output();
    }

    /** The exit status and the merged output of a command. */
    public record Result(int exitStatus, String output) {
    }

    public static Result runAllowingFailure(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " did not finish in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
