package org.qatwb.ssh.agent;

/** What the agent script tests share. */
final class AgentScriptTestSupport {

    static final String BOUNDARY = "0123456789abcdef0123456789abcdef";

    private AgentScriptTestSupport() {
    }

    /** What {@code id -u; id -un} prints for the user running the tests. */
    static String idOfThisUser() {
        try {
            Process p = new ProcessBuilder("sh", "-c", "id -u && id -un").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code n} bytes that are not all alike, so a cut in the wrong place shows. */
    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ((i * 31) ^ (i >>> 9));
        }
        return b;
    }
}
