package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsPool;
import org.qatwb.model.zia.ZiaDrift;
import org.qatwb.model.zia.ZiaProperty;
import org.qatwb.model.zia.plan.ZiaDataRisk;
import org.qatwb.model.zia.plan.ZiaUseCase;

/**
 * {@code zia.status} (DOMAIN.md section 10): the hpc/zfs fork's Z.I.A. offloads through a provider
 * (the {@code dpusm} module); a {@code zia_*} property on without one offloads nothing. An offload on
 * a pool with encryption or dedup in use fails: the fork says it turns them off and does not
 * ({@link ZiaDataRisk}). {@code zia_available} says only how zpool was built, so
 * whether dpusm is loaded comes from {@code /sys/module/dpusm}; a source of {@code local} proves nothing
 * (spa.c {@code spa_prop_get_config} reports every offload as local, set or not).
 */
final class ZiaCheck {

    private static final String AVAILABLE = ZiaProperty.AVAILABLE;
    private static final String PROVIDER = ZiaProperty.PROVIDER.wire();

    private ZiaCheck() {
    }

    static CheckResult check(CheckContext c) {
        Check self = Check.ZIA_STATUS;
        NasSnapshot s = c.snapshot();
        List<ZfsPool> pools = s.pools().values().stream().filter(p -> !p.zia().isEmpty()).toList();
        if (pools.isEmpty()) {
            return CheckResult.skip(self, "Z.I.A. absent: no pool has zia_* properties (only the hpc/zfs fork has them)");
        }
        List<String> broken = new ArrayList<>();
        List<String> cautions = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (ZfsPool pool : pools) {
            Map<String, String> zia = pool.zia();
            List<String> on = zia.entrySet().stream().filter(e -> e.getValue().equals("on")).map(Map.Entry::getKey).toList();
            String provider = ZiaUseCase.live(pool).get(ZiaProperty.PROVIDER);
            // zia_available is how zpool was built; the module itself is the answer when the agent read it
            boolean available = zia.getOrDefault(AVAILABLE, "no").equals("yes") && s.zia().dpusm().orElse(true);
            ZiaDataRisk risk = ZiaDataRisk.of(s, pool.name());
            String name = ShellWords.quote(pool.name());
            if (on.isEmpty()) {
                fine.add(pool.name() + ": Z.I.A. " + (available ? "available" : "not available") + ", nothing on (provider "
                        + provider + "): ZFS's own QAT path applies");
            } else if (risk.any()) {
                broken.add(pool.name() + ": " + String.join(", ", on) + " on with encryption or dedup in use ("
                        + String.join("; ", risk.reasons()) + "): the fork keeps encrypting and deduplicating under"
                        + " the offload");
                on.stream().filter(p -> !p.equals(PROVIDER)).forEach(p -> commands.add("zpool set " + p + "=off " + name));
            } else if (provider.equals("off") || !available) {
                broken.add(pool.name() + ": " + String.join(", ", on) + " on, but " + (!available
                        ? "the dpusm module is not loaded" : "zia_provider is not set") + ": Z.I.A. offloads nothing");
                commands.add(available ? "zpool set " + PROVIDER + "=<provider> " + name
                        : "modprobe dpusm (and the provider's module), then reload zfs.ko");
            } else {
                fine.add(pool.name() + ": " + String.join(", ", on) + " through provider " + provider);
            }
        }
        List<ZiaDrift> drift = ZiaUseCase.drift(s, s.zia().kept());
        if (!drift.isEmpty()) {
            cautions.add(drift.size() + " kept Z.I.A. setting" + (drift.size() == 1 ? " is" : "s are") + " not live ("
                    + drift.get(0).describe() + (drift.size() > 1 ? ", ..." : "") + "): re-apply them (qatwb zia reapply)");
        } else if (!s.zia().kept().settings().isEmpty() && !s.zia().hooked()) {
            cautions.add("kept Z.I.A. settings, but qatwb's re-apply hooks are not all in place: the next import or"
                    + " reboot loses them (qatwb zia keep POOL installs them)");
        }
        List<String> details = new ArrayList<>(broken);
        details.addAll(cautions);
        details.addAll(fine);
        if (!broken.isEmpty()) {
            return CheckResult.fail(self, String.join("; ", broken), new Fix.CommandFix(commands, "give Z.I.A. a"
                    + " provider (the name its dpusm provider module registers), or turn the zia_* properties off again"
                    + " (zpool set zia_compress=off POOL)")).withDetails(details);
        }
        if (!cautions.isEmpty()) {
            return CheckResult.warn(self, String.join("; ", cautions)).withDetails(details);
        }
        return CheckResult.pass(self, String.join("; ", fine)).withDetails(details);
    }
}
