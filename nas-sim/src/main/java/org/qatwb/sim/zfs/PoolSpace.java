package org.qatwb.sim.zfs;

import java.util.HashMap;
import java.util.Map;
import org.qatwb.sim.profile.Profile;

/**
 * The pools' space: {@code zpool get size,allocated,free,capacity} and the {@code available} every
 * dataset of the pool shows. A pool's size and what its data already takes are per profile (the
 * table below); the bytes written into datasets made since add to it as their compressed size.
 * {@code available} is the pool's free space less the slop space ZFS keeps back: 1/32 of the pool
 * ({@code spa_slop_shift} 5), at most 128 GiB and at least 128 MiB (or half a tiny pool), as
 * OpenZFS's {@code spa_get_slop_space} (module/zfs/spa_misc.c) computes it. The pools are taken to
 * be mirrors or single disks, so the pool's size is also what datasets can use (no parity to subtract).
 * Not thread-safe: the machine calls it under its lock.
 */
public final class PoolSpace {

    private static final long TIB = 1L << 40;
    static final long MIN_SLOP = 128L << 20;
    static final long MAX_SLOP = 128L << 30;

    /** size and what the profile's own data takes. */
    private record Pool(long size, long base) {
    }

    private final Map<String, Pool> pools = new HashMap<>();

    public PoolSpace(Profile profile) {
        for (String pool : profile.pools()) {
            pools.put(pool, initial(profile.name(), pool));
        }
    }

    /**
     * Per profile: c62x's tank 16 TiB, 37% used; dh8950's data 8 TiB, half used; no-qat's tank 4 TiB,
     * a fifth used; broken's tank 2 TiB and 91% full (still room for a benchmark of a few GiB).
     */
    private static Pool initial(String profile, String pool) {
        return switch (profile) {
            case "dh8950" -> new Pool(8 * TIB, 8 * TIB / 2);
            case "no-qat" -> new Pool(4 * TIB, 4 * TIB / 5);
            case "broken" -> new Pool(2 * TIB, 2 * TIB * 91 / 100);
            default -> new Pool(16 * TIB, 16 * TIB * 37 / 100);
        };
    }

    public long size(String pool) {
        return pools.get(pool).size();
    }

    /** The pool's allocated bytes: its own data plus {@code written}, the physical bytes of the datasets made since. */
    public long allocated(String pool, long written) {
        return Math.min(size(pool), pools.get(pool).base() + written);
    }

    public long free(String pool, long written) {
        return size(pool) - allocated(pool, written);
    }

    /** What a dataset of the pool may still write: free less the slop space. */
    public long available(String pool, long written) {
        return Math.max(0, free(pool, written) - slop(size(pool)));
    }

    /** spa_get_slop_space: 1/32 of the pool, capped at 128 GiB, at least 128 MiB or half the pool. */
    static long slop(long space) {
        long slop = Math.min(space >> 5, MAX_SLOP);
        return Math.max(slop, Math.min(space >> 1, MIN_SLOP));
    }

    /** For a test: the pool fills until only {@code available} bytes are left for datasets (with nothing written since). */
    public void leaveAvailable(String pool, long available) {
        Pool p = pools.get(pool);
        if (p == null) {
            throw new IllegalArgumentException("no pool " + pool);
        }
        long base = p.size() - slop(p.size()) - Math.max(0, available);
        pools.put(pool, new Pool(p.size(), Math.max(0, base)));
    }

    public boolean has(String pool) {
        return pools.containsKey(pool);
    }
}
