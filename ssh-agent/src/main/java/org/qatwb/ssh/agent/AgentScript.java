package org.qatwb.ssh.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The agent script, loaded once: {@code qatwb-agent.sh} (next to this class), with the other parts
 * ({@link #PARTS}: the transactions by who runs them, and what qatwb keeps on the NAS) put before
 * its last line, the call of {@code main}. A client sends exactly these bytes on the stdin of
 * {@code sh -s -- ...}. The only copy kept on the NAS is the one staging leaves for the boot check
 * ({@code /var/lib/qatwb/agent.sh}, docs/agent-protocol.md "The boot check").
 */
public final class AgentScript {

    static final String RESOURCE = "qatwb-agent.sh";
    /** The parts joined before the core's last line, in this order; each passes ShellCheck on its own. */
    static final List<String> PARTS = List.of("qatwb-agent-tx.sh", "qatwb-agent-tx-exec.sh",
            "qatwb-agent-tx-worker.sh", "qatwb-agent-tx-boot.sh", "qatwb-agent-keep.sh",
            "qatwb-agent-bench.sh");

    /** The script's last line; the transactions part and {@link #withData} data go before it. */
    static final String LAST_LINE = "main \"$@\"; exit $?\n";

    private AgentScript() {
    }

    /** Loaded on first use, then kept: the joined script is about 150 KB. */
    private static final class Holder {
        static final byte[] BYTES = join(load(RESOURCE), parts());

        private static byte[] parts() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (String part : PARTS) {
                all.writeBytes(load(part));
            }
            return all.toByteArray();
        }

        private static byte[] load(String name) {
            try (InputStream in = AgentScript.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the agent script " + name + " is missing from the classpath");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the agent script " + name, e);
            }
        }

        private static byte[] join(byte[] core, byte[] parts) {
            if (!new String(core, StandardCharsets.US_ASCII).endsWith("\n" + LAST_LINE)) {
                throw new IllegalStateException("the agent script must end with its call of main");
            }
            return insertBeforeLastLine(core, parts);
        }
    }

    /** A copy of the script's bytes. */
    public static byte[] bytes() {
        return Holder.BYTES.clone();
    }

    /** The script's length in bytes. */
    public static int size() {
        return Holder.BYTES.length;
    }

    /**
     * The script with a data section (see {@link AgentData}) just before its last line: the shell
     * has read the data by the time anything runs, and it stays data.
     */
    public static byte[] withData(byte[] section) {
        return insertBeforeLastLine(Holder.BYTES, section);
    }

    private static byte[] insertBeforeLastLine(byte[] script, byte[] part) {
        int cut = script.length - LAST_LINE.length();
        byte[] out = new byte[script.length + part.length];
        System.arraycopy(script, 0, out, 0, cut);
        System.arraycopy(part, 0, out, cut, part.length);
        System.arraycopy(script, cut, out, cut + part.length, LAST_LINE.length());
        return out;
    }
}
