package org.qatwb.model.zia;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.ZfsPool;

/**
 * The Z.I.A. flows, decided once for the CLI ({@code qatwb zia}) and the GUI (the doctor's Z.I.A.
 * panel): whether a change may be made, what to keep, and where the live pool differs from what is
 * kept. Pure: the agent makes the changes.
 */
public final class ZiaUseCase {

    /** zpool's answer to a provider name dpusm does not know (libzfs_util.c, EZFS_ZIA_NONEXISTENT_PROVIDER). */
    public static final String NO_SUCH_PROVIDER = "given provider does not exist";

    private ZiaUseCase() {
    }

    /**
     * Whether {@code change} may be made on the NAS the snapshot shows: refused when it turns an
     * offload on or names a provider on a pool with encryption or dedup in use
     * ({@link ZiaDataRisk}), when it names the provider {@code none} (spa.c {@code spa_prop_validate}
     * unsets only on {@code off} or {@code NULL} and looks any other word up as a provider), and on a
     * pool without Z.I.A. properties.
     */
    public static ZiaDecision check(NasSnapshot s, ZiaChange change) {
        ZfsPool pool = s.pools().get(change.pool());
        if (pool == null || pool.zia().isEmpty()) {
            return new ZiaDecision.Refused(change, "refused: pool " + change.pool()
                    + (pool == null ? " is not imported" : " has no Z.I.A. properties (only the hpc/zfs fork has them)"));
        }
        if (change.property() == ZiaProperty.PROVIDER && change.value().equalsIgnoreCase("none")) {
            return new ZiaDecision.Refused(change, "refused: the fork takes 'none' as a provider's name, not as no"
                    + " provider; zia_provider=off unsets it");
        }
        if (engages(change)) {
            ZiaDataRisk risk = ZiaDataRisk.of(s, change.pool());
            if (risk.any()) {
                return new ZiaDecision.Refused(change, risk.refusal());
            }
        }
        return new ZiaDecision.Allowed(change, change.consequences(s));
    }

    /** Turns an offload on, or names a provider: what encryption and dedup rule out. */
    static boolean engages(ZiaChange change) {
        return !change.value().equals("off");
    }

    /** The pool's live Z.I.A. values as qatwb keeps them: the provider ({@code off} when unset), then each offload. */
    public static Map<ZiaProperty, String> live(ZfsPool pool) {
        Map<ZiaProperty, String> out = new LinkedHashMap<>();
        Map<String, String> zia = pool.zia();
        out.put(ZiaProperty.PROVIDER, provider(zia.get(ZiaProperty.PROVIDER.wire())));
        for (ZiaProperty p : ZiaProperty.switches()) {
            out.put(p, zia.getOrDefault(p.wire(), "off"));
        }
        return out;
    }

    /** {@code zpool get} prints {@code -} for a pool without a provider (spa.c adds the row only when one is set). */
    static String provider(String live) {
        return live == null || live.equals("-") || live.isEmpty() ? "off" : live;
    }

    /**
     * What keeping {@code pool}'s live values would leave on the NAS, or why not: a pool with an
     * offload on and encryption or dedup in use is not kept (it would be re-applied at every boot).
     */
    public static ZiaKeepPlan keep(NasSnapshot s, ZiaKept kept, String pool) {
        ZfsPool p = s.pools().get(pool);
        if (p == null || p.zia().isEmpty()) {
            return ZiaKeepPlan.refused(pool, "refused: pool " + pool
                    + (p == null ? " is not imported" : " has no Z.I.A. properties"));
        }
        if (!ZiaChange.poolNameOk(pool)) {
            return ZiaKeepPlan.refused(pool, ZiaChange.problem(pool, ZiaProperty.COMPRESS, "off").orElseThrow());
        }
        Map<ZiaProperty, String> values = live(p);
        for (Map.Entry<ZiaProperty, String> e : values.entrySet()) {
            Optional<String> problem = ZiaChange.problem(pool, e.getKey(), e.getValue());
            if (problem.isPresent()) {
                return ZiaKeepPlan.refused(pool, "refused: the pool shows " + problem.get());
            }
        }
        if (values.values().stream().anyMatch(v -> !v.equals("off"))) {
            ZiaDataRisk risk = ZiaDataRisk.of(s, pool);
            if (risk.any()) {
                return ZiaKeepPlan.refused(pool, risk.refusal());
            }
        }
        return new ZiaKeepPlan(pool, values, kept.with(pool, values), Optional.empty());
    }

    /** Every kept setting the live pools do not show, pools in the kept file's order. */
    public static List<ZiaDrift> drift(NasSnapshot s, ZiaKept kept) {
        List<ZiaDrift> out = new ArrayList<>();
        for (ZiaChange c : kept.settings()) {
            ZfsPool p = s.pools().get(c.pool());
            String live = p == null || p.zia().isEmpty() ? "absent" : live(p).get(c.property());
            if (!c.value().equals(live)) {
                out.add(new ZiaDrift(c.pool(), c.property(), live, c.value()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * zpool's refusal as the fork words it, with what it means when dpusm does not know the name:
     * the name is the provider module's exact name, and dpusm must have been loaded before zfs.ko
     * (module/zfs/zia.c {@code zia_init}, called once from dmu.c {@code dmu_init} at module load,
     * finds dpusm or never looks again: {@code zia_get_provider} then answers no provider for every name).
     */
    public static String explain(String zpoolMessage) {
        if (zpoolMessage.contains(NO_SUCH_PROVIDER)) {
            return zpoolMessage + " (the name must be the provider module's exact name, loaded and registered"
                    + " with dpusm; if dpusm was not loaded when zfs.ko loaded, every name fails this way until zfs.ko"
                    + " is reloaded)";
        }
        return zpoolMessage;
    }
}
