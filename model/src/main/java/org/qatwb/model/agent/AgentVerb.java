package org.qatwb.model.agent;

import java.util.Optional;

/** The commands the agent runs, with their names on the command line and in the output header. */
public enum AgentVerb {
    SNAPSHOT("snapshot"),
    STREAM("stream"),
    SET_PARAM("set-param"),
    PERSIST_PARAMS("persist-params"),
    ZPOOL_SET("zpool-set"),
    ZIA_KEEP("zia-keep"),
    ZIA_REAPPLY("zia-reapply"),
    PROBE("probe"),
    APPLY("apply"),
    CONFIRM("confirm"),
    ABORT("abort"),
    UNLOCK("unlock"),
    STATUS("status"),
    HISTORY("history"),
    RESTORE("restore"),
    IRQ_PIN("irq-pin"),
    /** What a boot runs (a unit, with '-' for a boundary); a client runs it to check now, with frames. */
    BOOT_CHECK("boot-check"),
    REBOOT("reboot"),
    /** What a benchmark's plan needs (issue 16): pools and space, fio, the parameters; changes nothing. */
    BENCH_PROBE("bench-probe"),
    /** Starts the benchmark's worker on the NAS and follows it, item by item, until its clean-up. */
    BENCH_RUN("bench-run"),
    /** Stops a benchmark from another connection and reports its clean-up. */
    BENCH_ABORT("bench-abort");

    private final String wire;

    AgentVerb(String wire) {
        this.wire = wire;
    }

    /** The name as the agent takes and prints it. */
    public String wire() {
        return wire;
    }

    /** Whether a complete output ends with a {@code done} line (every command but stream). */
    public boolean endsWithDone() {
        return this != STREAM;
    }

    public static Optional<AgentVerb> ofWire(String name) {
        for (AgentVerb v : values()) {
            if (v.wire.equals(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
