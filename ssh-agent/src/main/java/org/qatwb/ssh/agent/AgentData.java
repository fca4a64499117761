package org.qatwb.ssh.agent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.qatwb.model.apply.Sha256;

/**
 * The data section of {@code apply} and {@code restore} (docs/agent-protocol.md, "Transactions"):
 * the new files' bytes travel in the same exec as the script, as base64 in quoted here-documents
 * inside a function {@code payload}, so that no byte of a file is ever read by the shell as code
 * or as a word: a quoted here-document is not expanded, and its end line, which holds an
 * underscore, cannot appear in base64. The agent decodes them with {@code base64 -d} and checks
 * each against its sha256.
 *
 * <pre>
 * PAYLOAD_AGENT_SHA=...           the agent's own sha256 (it keeps a copy for its worker and timer)
 * payload() {
 *     case $1 in
 *         agent) cat &lt;&lt;'QATWB_END_OF_DATA'
 * ...base64 of the agent...
 * QATWB_END_OF_DATA
 *             ;;
 *         1) cat &lt;&lt;'QATWB_END_OF_DATA'   the first file's new bytes, and so on
 * </pre>
 */
public final class AgentData {

    static final String END = "QATWB_END_OF_DATA";
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, new byte[] {'\n'});

    private AgentData() {
    }

    /**
     * The section for these files, by their number on the command line (1 for the first); files
     * that are not written (unchanged) need no bytes.
     */
    public static byte[] section(Map<Integer, byte[]> files) {
        return section(files, Map.of());
    }

    /**
     * The section with named entries besides the files ({@code expect} and {@code expect_before}:
     * what the devices' dev_cfg must show, docs/agent-protocol.md).
     */
    public static byte[] section(Map<Integer, byte[]> files, Map<String, byte[]> named) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] agent = AgentScript.bytes();
        write(out, "# ---- data: base64 in quoted here-documents, never run --------------------------------------\n");
        write(out, "PAYLOAD_AGENT_SHA=" + Sha256.hex(agent) + "\n");
        write(out, "payload() {\n    case $1 in\n");
        block(out, "agent", agent);
        files.forEach((n, bytes) -> block(out, Integer.toString(n), bytes));
        named.forEach((name, bytes) -> {
            if (!name.matches("[a-z_]{1,32}") || name.equals("agent")) {
                throw new IllegalArgumentException("not a data entry name: " + name);
            }
            block(out, name, bytes);
        });
        write(out, "        *) return 1 ;;\n    esac\n}\n");
        return out.toByteArray();
    }

    private static void block(ByteArrayOutputStream out, String name, byte[] bytes) {
        write(out, "        " + name + ") cat <<'" + END + "'\n");
        out.writeBytes(BASE64.encode(bytes));
        write(out, (bytes.length == 0 ? "" : "\n") + END + "\n            ;;\n");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
