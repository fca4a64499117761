package org.qatwb.model.zia.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsPool;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaDecision;
import org.qatwb.model.zia.ZiaDrift;
import org.qatwb.model.zia.ZiaKeepPlan;
import org.qatwb.model.zia.ZiaKept;
import org.qatwb.model.zia.ZiaProperty;
import org.qatwb.model.zia.ZpoolRefusal;

/**
 * The Z.I.A. flows, decided once for the CLI ({@code qatwb zia}) and the GUI (the doctor's Z.I.A.
 * panel): whether a change may be made, what to keep, and where the live pool differs from what is
 * kept. Pure: the agent makes the changes. It sits above {@code snapshot}, which reads the Z.I.A.
 * facts of {@code model.zia} it decides over.
 */
public final class ZiaUseCase {

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
        return new ZiaDecision.Allowed(change, consequences(s, change));
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
     * What else {@code change} does to the pool, as the snapshot has it, one line each, to show
     * before it is made; empty when it does only what it says. Whether it may be made at all is
     * {@link #check}'s question.
     */
    public static List<String> consequences(NasSnapshot s, ZiaChange change) {
        ZiaProperty property = change.property();
        String value = change.value();
        ZfsPool p = s.pools().get(change.pool());
        Map<String, String> zia = p == null ? Map.of() : p.zia();
        List<String> out = new ArrayList<>();
        boolean turningOn = property.onOff() && value.equals("on") && !"on".equals(zia.get(property.wire()));
        boolean naming = property == ZiaProperty.PROVIDER && !value.equals("off");
        if (turningOn && property.reconstruction() && !"on".equals(zia.get(ZiaProperty.CHECKSUM.wire()))) {
            // spa.c spa_sync_props: a zia_raidzN_rec set on sets the pool's checksum flag too
            out.add("zia_checksum turns on too: ZFS offloads a reconstruction only together with its checksums");
        }
        boolean dpusmMissing = s.zia().dpusm().equals(Optional.of(false));
        if ((turningOn || naming) && dpusmMissing) {
            out.add("the dpusm module is not loaded (zia_available only says zpool was built with Z.I.A.):"
                    + (naming ? " zpool will answer '" + ZpoolRefusal.NO_SUCH_PROVIDER + "'" : " nothing is offloaded"));
        } else if (turningOn && provider(zia.get(ZiaProperty.PROVIDER.wire())).equals("off")) {
            out.add("zia_provider is not set: nothing is offloaded until it names a provider");
        }
        if (property == ZiaProperty.CHECKSUM && value.equals("off")) {
            ZiaProperty.switches().stream().filter(o -> o.reconstruction() && "on".equals(zia.get(o.wire())))
                    .findFirst().ifPresent(r -> out.add(r.wire() + " is on, and without zia_checksum ZFS offloads"
                            + " no reconstruction"));
        }
        return List.copyOf(out);
    }
}
