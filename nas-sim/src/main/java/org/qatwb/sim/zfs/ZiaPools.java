package org.qatwb.sim.zfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qatwb.model.zia.ZiaProperty;
import org.qatwb.sim.profile.Profile;
import org.qatwb.sim.request.Response;

/**
 * The pools' Z.I.A. properties (DOMAIN.md section 10) and {@code zpool set} on them, as the hpc/zfs
 * fork's {@code zia} branch behaves:
 * <ul>
 * <li>kept in memory only ({@code spa_zia_props}; spa.c {@code spa_sync_props} writes none to the
 *     MOS), so an export/import, a reboot and a module reload set them all off again;</li>
 * <li>read with source {@code local} whether set or not (spa.c {@code spa_prop_get_config});
 *     {@code zia_provider} only once one is set, else {@code -} (no row: its default);</li>
 * <li>{@code zia_provider=off} (or {@code NULL}) unsets; any other word is looked up with dpusm, so
 *     {@code none} is a name, and a name dpusm does not know, or any name when dpusm was not loaded
 *     as zfs.ko loaded ({@code zia_init} runs once from {@code dmu_init}), fails with
 *     {@code given provider does not exist} (spa.c {@code spa_prop_validate}, libzfs_util.c);</li>
 * <li>a {@code zia_raidzN_rec} set on sets {@code zia_checksum} too;</li>
 * <li>encryption and dedup are not refused: the fork only warns (the product refuses).</li>
 * </ul>
 * Off a Z.I.A. profile no pool knows them.
 */
public final class ZiaPools {

    /** The providers registered with dpusm here: the fork's software provider, by its module's name. */
    static final List<String> PROVIDERS = List.of("zia_software_provider");

    private final Profile profile;
    /** pool → property → value: the provider ({@code null}: unset) and the switches. */
    private final Map<String, Map<String, String>> pools = new LinkedHashMap<>();
    private final Set<String> exported = new LinkedHashSet<>();
    /** Whether dpusm is loaded now, and whether it was when zfs.ko loaded last. */
    private boolean dpusm = true;
    private boolean dpusmAtZfsLoad = true;

    public ZiaPools(Profile profile) {
        this.profile = profile;
        if (profile.zia()) {
            for (String pool : profile.pools()) {
                pools.put(pool, initial(profile.ziaOn()));
            }
        }
    }

    private static Map<String, String> initial(List<String> on) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ZiaProperty.PROVIDER.wire(), null);
        for (ZiaProperty p : ZiaProperty.switches()) {
            values.put(p.wire(), on.contains(p.wire()) ? "on" : "off");
        }
        return values;
    }

    /**
     * zfs.ko (re)loaded, at boot or by a module reload: every pool's properties start off again
     * (the profile's administrator's settings only at the first boot), and dpusm is found now or not
     * until the next load.
     */
    public synchronized void zfsLoaded(boolean firstBoot) {
        dpusmAtZfsLoad = dpusm;
        exported.clear();
        pools.replaceAll((pool, v) -> initial(firstBoot ? profile.ziaOn() : List.of()));
    }

    /** Loads or unloads the dpusm module ({@code /sys/module/dpusm}); zfs.ko notices only when it loads. */
    public synchronized void dpusm(boolean loaded) {
        dpusm = loaded;
    }

    public synchronized boolean dpusmLoaded() {
        return dpusm && profile.zia();
    }

    /** The pools imported now. */
    public synchronized List<String> imported() {
        return profile.pools().stream().filter(p -> !exported.contains(p)).toList();
    }

    /** {@code zpool export POOL}: the pool goes, and its Z.I.A. properties with it. */
    public synchronized Response export(List<String> args) {
        if (args.size() != 1) {
            return Response.fail("usage:\n\texport [-af] <pool | -a> ...\n", 2);
        }
        String pool = args.get(0);
        if (!imported().contains(pool)) {
            return Response.fail("cannot open '" + pool + "': no such pool\n", 1);
        }
        exported.add(pool);
        return Response.ok("");
    }

    /** {@code zpool import POOL}: back, with every Z.I.A. property off (a new spa). */
    public synchronized Response importPool(List<String> args) {
        if (args.size() != 1) {
            return Response.fail("usage:\n\timport <pool | id>\n", 2);
        }
        String pool = args.get(0);
        if (!exported.contains(pool)) {
            return Response.fail("cannot import '" + pool + "': " + (profile.pools().contains(pool)
                    ? "a pool with that name already exists" : "no such pool available") + "\n", 1);
        }
        exported.remove(pool);
        pools.computeIfPresent(pool, (p, v) -> initial(List.of()));
        return Response.ok("");
    }

    /** The pool's {@code zia_*} rows as {@code property parsable human source}; none off a Z.I.A. profile. */
    synchronized List<String[]> rows(String pool) {
        Map<String, String> values = pools.get(pool);
        if (values == null) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {ZiaProperty.AVAILABLE, "yes", "yes", "-"});
        values.forEach((k, v) -> rows.add(v == null ? new String[] {k, "-", "-", "default"}
                : new String[] {k, v, v, "local"}));
        return rows;
    }

    /**
     * {@code zpool set PROPERTY=VALUE POOL}, as zpool answers it; only the {@code zia_*} properties
     * are simulated.
     */
    public synchronized Response set(List<String> args) {
        if (args.size() != 2 || args.get(0).indexOf('=') <= 0) {
            return Response.fail((args.isEmpty() ? "missing property=value argument\n" : args.size() == 1
                    ? "missing pool name\n" : args.size() > 2 ? "too many pool names\n"
                    : "missing value in property=value argument\n")
                    + "usage:\n\tset <property=value> <pool>\n", 2);
        }
        String property = args.get(0).substring(0, args.get(0).indexOf('='));
        String value = args.get(0).substring(property.length() + 1);
        String pool = args.get(1);
        if (!imported().contains(pool)) {
            return Response.fail("cannot open '" + pool + "': no such pool\n", 1);
        }
        String refused = "cannot set property for '" + pool + "': ";
        Map<String, String> values = pools.get(pool);
        if (values != null && property.equals(ZiaProperty.AVAILABLE)) {
            return Response.fail(refused + "'" + property + "' is readonly\n", 1);
        }
        if (values == null || !values.containsKey(property)) {
            return Response.fail(property.startsWith("zia_") ? refused + "invalid property '" + property + "'\n"
                    : "qatwb-sim: only the zia_* pool properties can be set on the simulated NAS\n", 1);
        }
        ZiaProperty p = ZiaProperty.ofWire(property).orElseThrow();
        if (p.onOff() && !value.equals("on") && !value.equals("off")) {
            return Response.fail(refused + "'" + property + "' must be one of 'on | off'\n", 1);
        }
        if (!p.onOff()) {
            if (value.equals("off") || value.equals("NULL")) {
                values.put(property, null);
                return Response.ok("");
            }
            if (!dpusmAtZfsLoad || !dpusm || !PROVIDERS.contains(value)) {
                return Response.fail(refused + "given provider does not exist\n", 1);
            }
            values.put(property, value);
            return Response.ok("");
        }
        values.put(property, value);
        if (p.reconstruction() && value.equals("on")) {
            // offloaded reconstruction is checked with offloaded checksums, so the fork turns them on
            values.put(ZiaProperty.CHECKSUM.wire(), "on");
        }
        return Response.ok("");
    }
}
