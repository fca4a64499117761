package org.qatwb.model.zia;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;

/**
 * What a snapshot knows of Z.I.A. beyond the pools' properties: whether the {@code dpusm} module
 * is loaded, the settings qatwb keeps ({@link ZiaKept}) and whether its re-apply hooks are in place.
 *
 * <p>{@code zia_available} cannot answer the first question: zpool_prop.c registers it with a
 * compile-time default ({@code yes} when the userland was built with Z.I.A.), and nothing sets it
 * at run time. The module's {@code /sys/module/dpusm} directory does.
 *
 * @param dpusm      {@code /sys/module/dpusm} exists; empty when the agent did not say
 * @param kept       the kept settings (empty when there is no file)
 * @param bootHook   qatwb's boot unit ({@link ZiaHooks#UNIT}) is enabled
 * @param importHook qatwb's ZED zedlet ({@link ZiaHooks#ZEDLET}) is in place
 */
public record ZiaHost(Optional<Boolean> dpusm, ZiaKept kept, boolean bootHook, boolean importHook) {

    /** The agent's items. */
    public static final String DPUSM_ITEM = "dpusm_module";
    public static final String KEPT_ITEM = "zia_kept";
    public static final String UNIT_ITEM = "zia_unit";
    public static final String ZEDLET_ITEM = "zia_zedlet";
    public static final List<String> ITEMS = List.of(DPUSM_ITEM, KEPT_ITEM, UNIT_ITEM, ZEDLET_ITEM);

    public ZiaHost {
        Objects.requireNonNull(dpusm, "dpusm");
        Objects.requireNonNull(kept, "kept");
    }

    /** Nothing known: an older agent, or a NAS that was not asked. */
    public static ZiaHost unknown() {
        return new ZiaHost(Optional.empty(), ZiaKept.empty(), false, false);
    }

    /** Reads the agent's items; an unreadable kept file is kept empty with its warning. */
    public static ZiaHost read(AgentOutput out) {
        Optional<Boolean> dpusm = out.frame(DPUSM_ITEM).flatMap(f -> switch (f.status()) {
            case OK -> Optional.of(true);
            case ABSENT -> Optional.of(false);
            default -> Optional.empty();
        });
        ZiaKept kept = out.frame(KEPT_ITEM).map(f -> {
            if (f.status() == ItemStatus.ABSENT) {
                return ZiaKept.empty();
            }
            if (!f.readable() || f.tooManyLines()) {
                return new ZiaKept(List.of(), List.of(ZiaKept.PATH + ": " + f.problem()));
            }
            return ZiaKept.parse(f.text());
        }).orElse(ZiaKept.empty());
        return new ZiaHost(dpusm, kept, present(out, UNIT_ITEM), present(out, ZEDLET_ITEM));
    }

    private static boolean present(AgentOutput out, String item) {
        return out.frame(item).filter(f -> f.status() == ItemStatus.OK).map(AgentFrame::text)
                .filter(t -> t.strip().equals("enabled") || t.strip().equals("present")).isPresent();
    }

    /** Both hooks are in place: kept settings come back at boot and after an import. */
    public boolean hooked() {
        return bootHook && importHook;
    }
}
