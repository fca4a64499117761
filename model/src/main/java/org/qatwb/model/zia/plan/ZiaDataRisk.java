package org.qatwb.model.zia.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsDataset;
import org.qatwb.model.zfs.ZfsPool;

/**
 * Encryption or dedup in use on a pool, which rules a Z.I.A. offload out.
 *
 * <p>Why: the fork means Z.I.A. to turn encryption and dedup off for the pool, and its kernel log
 * says they will be ({@code zia_prop_warn} in module/zfs/zia.c, when a property is set on), but
 * nothing refuses the combination, and the only code that
 * clears them, in zio.c {@code zio_create} ({@code zp_encrypt}, {@code zp_dedup} set false when
 * {@code zia_is_used}), is undone for every write by {@code zio_write}, which copies the caller's
 * properties over {@code io_prop} after {@code zio_create} returns. Encrypted and deduplicated
 * blocks keep being written while their data goes through the provider: a path nobody has
 * reviewed. So qatwb refuses it (DOMAIN.md section 10).
 *
 * @param pool    the pool
 * @param reasons one short phrase per thing in use ({@code tank/vault is encrypted (aes-256-gcm)});
 *                empty when neither is
 */
public record ZiaDataRisk(String pool, List<String> reasons) {

    private static final int MAX_NAMED = 3;

    public ZiaDataRisk {
        reasons = List.copyOf(reasons);
    }

    public boolean any() {
        return !reasons.isEmpty();
    }

    /**
     * What the snapshot shows in use on {@code pool}: datasets with {@code encryption} other than
     * {@code off}, datasets with {@code dedup} other than {@code off}, and a dedup table that holds
     * blocks (pool {@code dedupratio} above 1.00, or a {@code dedup_table_size} above 0 where ZFS
     * reports one). A pool the snapshot could not read datasets for is a risk too: unknown is not safe.
     */
    public static ZiaDataRisk of(NasSnapshot s, String pool) {
        List<String> reasons = new ArrayList<>();
        List<ZfsDataset> mine = s.datasets().values().stream()
                .filter(d -> d.name().equals(pool) || d.name().startsWith(pool + "/")).toList();
        if (mine.isEmpty()) {
            reasons.add("its datasets' encryption and dedup could not be read");
        }
        named(reasons, mine.stream().filter(d -> inUse(d.encryption())).toList(), "encrypted", ZfsDataset::encryption);
        named(reasons, mine.stream().filter(d -> inUse(d.dedup())).toList(), "deduplicated", ZfsDataset::dedup);
        ZfsPool p = s.pools().get(pool);
        if (p != null) {
            decimal(p.properties().get("dedupratio")).filter(r -> r.compareTo(BigDecimal.ONE) > 0)
                    .ifPresent(r -> reasons.add("its dedup table holds blocks (dedupratio " + r.toPlainString() + ")"));
            decimal(p.properties().get("dedup_table_size")).filter(r -> r.signum() > 0)
                    .ifPresent(r -> reasons.add("its dedup table holds blocks (dedup_table_size " + r.toPlainString() + ")"));
        }
        return new ZiaDataRisk(pool, reasons);
    }

    private static boolean inUse(Optional<String> value) {
        return value.isPresent() && !value.get().equals("off") && !value.get().equals("-");
    }

    private static void named(List<String> reasons, List<ZfsDataset> sets, String what,
                              Function<ZfsDataset, Optional<String>> value) {
        if (sets.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(MAX_NAMED, sets.size()); i++) {
            ZfsDataset d = sets.get(i);
            b.append(i == 0 ? "" : ", ").append(d.name()).append(" (").append(value.apply(d).orElse("?")).append(')');
        }
        if (sets.size() > MAX_NAMED) {
            b.append(" and ").append(sets.size() - MAX_NAMED).append(" more");
        }
        reasons.add(b + (sets.size() == 1 ? " is " : " are ") + what);
    }

    /** A plain decimal as {@code zpool get -p} prints it ({@code 1.00}, {@code 1.37x}), bounded in length. */
    private static Optional<BigDecimal> decimal(String v) {
        if (v == null) {
            return Optional.empty();
        }
        String t = v.endsWith("x") ? v.substring(0, v.length() - 1) : v;
        if (t.isEmpty() || t.length() > 24 || !t.matches("[0-9]+(\\.[0-9]+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t));
    }

    /** The refusal, in one line. */
    public String refusal() {
        return "refused: pool " + pool + " has encryption or dedup in use (" + String.join("; ", reasons)
                + "), and the Z.I.A. fork keeps encrypting and deduplicating under an offload instead of turning"
                + " them off as it says: turn encryption and dedup off on this pool first, or leave Z.I.A. off";
    }
}
