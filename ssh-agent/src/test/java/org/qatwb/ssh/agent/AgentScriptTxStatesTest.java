package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.apply.TxState;

/**
 * The agent's {@code tx_kind} is the one declaration of the transaction states and
 * {@link TxState} mirrors it: every state the model knows has the kind its result says, under
 * each shell (a state the agent took for running while the client took it for final, or the other
 * way round, is a client that stops waiting too early or a NAS that never releases its lock).
 */
class AgentScriptTxStatesTest {

    static Stream<Shell> shells() {
        return Shell.all();
    }

    /** The agent's kind for what the model makes of a state. */
    private static String kindOf(TxState s) {
        return switch (s.result()) {
            case IN_PROGRESS -> "running";
            case AWAITING_CONFIRM -> "waiting";
            case PENDING_BOOT, DEFERRED -> "boot";
            case APPLIED, NOT_APPLIED, NEEDS_ATTENTION -> "final";
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void everyStateHasTheKindItsResultSays(Shell shell, @TempDir Path dir) throws Exception {
        FakeNas nas = new FakeNas(dir).withShell(shell);
        String words = Stream.of(TxState.values()).map(TxState::wire).collect(Collectors.joining(" "));
        byte[] script = AgentScript.withData(("main() { for s in " + words + " no-such-state; do tx_kind \"$s\"; "
                + "echo \"$s $TX_KIND\"; done; }\n").getBytes(StandardCharsets.UTF_8));
        AgentRun run = AgentRun.run(shell, nas, List.of(), script);
        assertEquals(0, run.exit(), run.stderr());
        Map<String, String> agent = new TreeMap<>();
        for (String line : new String(run.stdout(), StandardCharsets.UTF_8).strip().split("\n")) {
            String[] w = line.split(" ");
            agent.put(w[0], w[1]);
        }
        Map<String, String> model = new TreeMap<>();
        for (TxState s : TxState.values()) {
            model.put(s.wire(), kindOf(s));
        }
        model.put("no-such-state", "final"); // what the agent cannot read holds no lock and no boot work
        assertEquals(model, agent);
    }
}
