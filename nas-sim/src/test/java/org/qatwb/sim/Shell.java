package org.qatwb.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a command as an SSH exec on the simulated NAS would, without SSH: /bin/sh -c with the exec environment. */
final class Shell {

    record Result(String out, String err, int rc) {
    }

    private Shell() {
    }

    static Result run(SimulatedNas nas, String command) {
        return run(nas, command, "");
    }

    static Result run(SimulatedNas nas, String command, String stdin) {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command)
                .directory(Path.of(nas.environment().get("HOME")).toFile());
        pb.environment().clear();
        pb.environment().putAll(nas.environment());
        try {
            Process p = pb.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(new String(out.join(), StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8),
                    p.exitValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
