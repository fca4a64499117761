package org.qatwb.app.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;
import org.qatwb.ssh.agent.SetParamOutcome;

/**
 * Turns ZFS's QAT offloads on or off ({@code on}: the parameter is written 0), then reads the NAS:
 * {@code qatwb params --compress on} and the dashboard's switches. Blocks.
 */
public final class SwitchOffload {

    private final AgentClient agent;
    private final SudoHint hint;

    public SwitchOffload(AgentClient agent, SudoHint hint) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    /**
     * What happened: each write's outcome in the order given, the NAS read afterwards, and one
     * message per write the kernel or the NAS refused (none when all were taken).
     */
    public record Result(List<SetParamOutcome> outcomes, NasSnapshot snapshot, List<UserMessage> messages) {
        public Result {
            outcomes = List.copyOf(outcomes);
            Objects.requireNonNull(snapshot, "snapshot");
            messages = List.copyOf(messages);
        }

        /** Every write was taken. */
        public boolean ok() {
            return messages.isEmpty();
        }
    }

    /** Sets each offload of {@code wanted} (in its order) on or off, then reads the NAS. */
    public Result run(Map<ZfsParam, Boolean> wanted) throws NasConnectionException, AgentFailure {
        List<SetParamOutcome> outcomes = new ArrayList<>();
        List<UserMessage> messages = new ArrayList<>();
        for (Map.Entry<ZfsParam, Boolean> w : wanted.entrySet()) {
            SetParamOutcome o = agent.setParam(w.getKey(), !w.getValue());
            outcomes.add(o);
            explain(o, hint).ifPresent(messages::add);
        }
        return new Result(outcomes, agent.snapshot(), messages);
    }

    /** One offload on or off, then the NAS read again. */
    public Result run(ZfsParam param, boolean on) throws NasConnectionException, AgentFailure {
        return run(Map.of(param, on));
    }

    /** "Compression", "Checksum", "Encryption": the offload as the window names it. */
    public static String label(ZfsParam p) {
        return switch (p) {
            case COMPRESS -> "Compression";
            case CHECKSUM -> "Checksum";
            case ENCRYPT -> "Encryption";
        };
    }

    /**
     * What a refused write means and what to check, in one line naming the parameter; empty when
     * the write was taken. EPERM is the kernel's "QAT initialisation failed", never a question of
     * rights; DENIED is: {@code hint} says how to get them.
     */
    public static Optional<UserMessage> explain(SetParamOutcome o, SudoHint hint) {
        if (o.status() == ItemStatus.OK) {
            return Optional.empty();
        }
        String name = o.param().sysfsName();
        String notChanged = label(o.param()) + " offload not changed";
        return Optional.of(switch (o.status()) {
            case EPERM -> UserMessage.error("QAT initialisation failed", name + ": ZFS could not start QAT for "
                    + label(o.param()).toLowerCase(Locale.ROOT) + " (the kernel refused the write with EPERM: QAT"
                    + " initialisation failed). Check that qat.service is up with all its devices (adf_ctl status),"
                    + " that ENABLE_KAPI=1 is in /etc/default/qat, and that the conf files have interrupt-mode"
                    + " [KERNEL_QAT] instances (IsPolled = 0) for this service");
            case ABSENT -> UserMessage.warning(notChanged, name + ": no such parameter: this zfs.ko has no QAT"
                    + " parameters (built without QAT; ZFS needs --with-qat)");
            case DENIED -> UserMessage.error(notChanged, name + ": not permitted"
                    + (o.message().isEmpty() ? "" : ": " + o.message()) + hint.suffix());
            default -> UserMessage.error(notChanged, name + ": the write failed: "
                    + (o.message().isEmpty() ? o.status().wire() : o.message()));
        });
    }
}
