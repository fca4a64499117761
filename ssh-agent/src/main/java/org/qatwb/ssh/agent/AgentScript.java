package org.qatwb.ssh.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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
                return in.readAllBytes();
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
}
