package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.ZfsPool;
import org.qatwb.model.zia.ZiaProperty;

/**
 * {@code zia.status} (DOMAIN.md section 10): the hpc/zfs fork's Z.I.A. offloads through a provider
 * (the {@code dpusm} module); a {@code zia_*} property on without one offloads nothing, and any on
 * turns encryption and dedup off for that pool.
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
            String provider = zia.getOrDefault(PROVIDER, "off");
            boolean available = zia.getOrDefault(AVAILABLE, "no").equals("yes");
            String name = ShellWords.quote(pool.name());
            if (on.isEmpty()) {
                fine.add(pool.name() + ": Z.I.A. " + (available ? "available" : "not available") + ", nothing on (provider "
                        + provider + "): ZFS's own QAT path applies");
            } else if (provider.equals("off") || !available) {
                broken.add(pool.name() + ": " + String.join(", ", on) + " on, but " + (available ? "zia_provider is off"
                        : "zia_available is no") + ": Z.I.A. offloads nothing");
                commands.add(available ? "zpool set " + PROVIDER + "=<provider> " + name
                        : "modprobe dpusm (and the provider's module)");
            } else {
                long encrypted = s.encryptedDatasets(pool.name());
                String line = pool.name() + ": " + String.join(", ", on) + " through provider " + provider;
                if (encrypted > 0) {
                    cautions.add(line + ", which turns encryption and dedup off for the pool; " + encrypted
                            + " of its datasets are encrypted");
                } else {
                    fine.add(line);
                }
            }
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
