package org.qatwb.ssh.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The agent script ({@code qatwb-agent.sh}, next to this class), loaded once. A client sends
 * exactly these bytes on the stdin of {@code sh -s -- ...}; nothing is installed on the NAS.
 */
public final class AgentScript {

    static final String RESOURCE = "qatwb-agent.sh";

    private AgentScript() {
    }

    /** Loaded on first use, then kept: the script is a few kilobytes. */
    private static final class Holder {
        static final byte[] BYTES = load();

        private static byte[] load() {
            try (InputStream in = AgentScript.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the agent script " + RESOURCE + " is missing from the classpath");
                }
                byte[] b = in.readAllBytes();
                if (!new String(b, StandardCharsets.US_ASCII).endsWith("\n" + LAST_LINE)) {
                    throw new IllegalStateException("the agent script must end with its call of main");
                }
                return b;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the agent script " + RESOURCE, e);
            }
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
     * The script with a data section (see {@link AgentData}) just before its last line, the call of
     * {@code main}: the shell has read the data by the time anything runs, and it stays data.
     */
    public static byte[] withData(byte[] section) {
        byte[] script = Holder.BYTES;
        byte[] last = LAST_LINE.getBytes(StandardCharsets.US_ASCII);
        int cut = script.length - last.length;
        byte[] out = new byte[script.length + section.length];
        System.arraycopy(script, 0, out, 0, cut);
        System.arraycopy(section, 0, out, cut, section.length);
        System.arraycopy(last, 0, out, cut + section.length, last.length);
        return out;
    }

    /** The script's last line; {@link #withData} puts the data before it. */
    static final String LAST_LINE = "main \"$@\"; exit $?\n";
}
