package org.qatwb.ssh;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What one command returned.
 *
 * @param exitStatus the command's exit status, or -1 when it ended without one (killed by a signal)
 * @param stdout everything it printed on stdout (below the cap, or {@link OutputLimitExceeded} instead)
 * @param stderr what it printed on stderr, up to the stderr cap
 * @param stderrTruncated whether stderr was longer than the cap and cut
 */
public record ExecResult(int exitStatus, byte[] stdout, byte[] stderr, boolean stderrTruncated) {

    public ExecResult {
        stdout = stdout.clone();
        stderr = stderr.clone();
    }

    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    @Override
    public byte[] stderr() {
        return stderr.clone();
    }

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExecResult r && r.exitStatus == exitStatus && Arrays.equals(r.stdout, stdout)
                && Arrays.equals(r.stderr, stderr) && r.stderrTruncated == stderrTruncated;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * exitStatus + Arrays.hashCode(stdout)) + Arrays.hashCode(stderr);
    }

    @Override
    public String toString() {
        return "ExecResult[exitStatus=" + exitStatus + ", stdout=" + stdout.length + " bytes, stderr=" + stderr.length
                + " bytes" + (stderrTruncated ? " (truncated)" : "") + "]";
    }
}
