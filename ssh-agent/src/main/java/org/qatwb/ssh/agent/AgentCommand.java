package org.qatwb.ssh.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.qatwb.model.agent.AgentProtocol;
import org.qatwb.model.agent.AgentVerb;
import org.qatwb.model.persist.KeepList;
import org.qatwb.model.snapshot.ZfsParam;

/**
 * One request to the agent, validated when built, rendered as the exec's command line
 * {@code sh -s -- COMMAND BOUNDARY SUDO [ARGS...]} with every argument quoted by {@link ShellQuote}
 * (the values are validated already; the quoting makes the line safe whatever they are).
 */
public sealed interface AgentCommand {

    /** Whether privileged reads and writes go through {@code sudo -n}. */
    boolean sudo();

    AgentVerb verb();

    /** The arguments after {@code COMMAND BOUNDARY SUDO}. */
    List<String> extraArguments();

    /** {@code COMMAND BOUNDARY SUDO [ARGS...]}, unquoted: what the script sees as {@code "$@"}. */
    default List<String> arguments(String boundary) {
        List<String> args = new ArrayList<>();
        args.add(verb().wire());
        args.add(AgentProtocol.requireBoundary(boundary));
        args.add(sudo() ? "1" : "0");
        args.addAll(extraArguments());
        return List.copyOf(args);
    }

    /** The exec's command line: {@code sh -s -- 'snapshot' '<boundary>' '0'}. */
    default String commandLine(String boundary) {
        StringBuilder line = new StringBuilder("sh -s --");
        for (String a : arguments(boundary)) {
            line.append(' ').append(ShellQuote.quote(a));
        }
        return line.toString();
    }

    /** Everything about QAT and ZFS on the NAS, in one round trip. */
    record Snapshot(boolean sudo) implements AgentCommand {
        @Override
        public AgentVerb verb() {
            return AgentVerb.SNAPSHOT;
        }

        @Override
        public List<String> extraArguments() {
            return List.of();
        }
    }

    /**
     * Kstat and fw_counters every interval until the client closes stdin.
     *
     * @param intervalMs {@value #MIN_INTERVAL_MS}..{@value #MAX_INTERVAL_MS}
     */
    record Stream(boolean sudo, int intervalMs) implements AgentCommand {
        public static final int MIN_INTERVAL_MS = 100;
        public static final int MAX_INTERVAL_MS = 3_600_000;

        public Stream {
            if (intervalMs < MIN_INTERVAL_MS || intervalMs > MAX_INTERVAL_MS) {
                throw new IllegalArgumentException("the interval must be " + MIN_INTERVAL_MS + ".." + MAX_INTERVAL_MS
                        + " ms, not " + intervalMs);
            }
        }

        @Override
        public AgentVerb verb() {
            return AgentVerb.STREAM;
        }

        @Override
        public List<String> extraArguments() {
            return List.of(Integer.toString(intervalMs));
        }
    }

    /**
     * Writes one ZFS QAT parameter and reads it back.
     *
     * @param disable true writes 1 (offload off), false writes 0 (offload on)
     */
    record SetParam(boolean sudo, ZfsParam param, boolean disable) implements AgentCommand {
        public SetParam {
            Objects.requireNonNull(param, "param");
        }

        @Override
        public AgentVerb verb() {
            return AgentVerb.SET_PARAM;
        }

        @Override
        public List<String> extraArguments() {
            return List.of(param.shortName(), disable ? "1" : "0");
        }
    }

    /**
     * Keeps exactly these parameters at 0 after every boot: writes (or removes) the systemd unit,
     * or on TrueNAS the init script, that the model's {@code PersistPlan} shows. The agent builds the
     * text from the one validated word {@link KeepList#word}; nothing else is sent.
     *
     * @param keep the parameters to keep; empty removes ours
     */
    record PersistParams(boolean sudo, Set<ZfsParam> keep) implements AgentCommand {
        public PersistParams {
            keep = Collections.unmodifiableSet(keep.isEmpty() ? EnumSet.noneOf(ZfsParam.class) : EnumSet.copyOf(keep));
        }

        @Override
        public AgentVerb verb() {
            return AgentVerb.PERSIST_PARAMS;
        }

        @Override
        public List<String> extraArguments() {
            return List.of(KeepList.word(keep));
        }
    }

    /** Who am I: the cheapest round trip, to check a connection. */
    record Probe(boolean sudo) implements AgentCommand {
        @Override
        public AgentVerb verb() {
            return AgentVerb.PROBE;
        }

        @Override
        public List<String> extraArguments() {
            return List.of();
        }
    }
}
