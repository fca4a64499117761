package org.qatwb.sim.zfs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qatwb.model.zia.ZiaProperty;
import org.qatwb.sim.profile.Profile;
import org.qatwb.sim.request.Response;

/**
 * The pools' Z.I.A. properties (DOMAIN.md section 10) and {@code zpool set} on them. They are
 * pool properties, kept on disk: a reboot keeps them. Off a Z.I.A. profile no pool knows them.
 */
public final class ZiaPools {

    /** The providers registered with dpusm on this simulated machine: the fork's software provider. */
    static final List<String> PROVIDERS = List.of("zia-software-provider");

    /** pool → property → value; the provider and the switches only ({@code zia_available} is always yes). */
    private final Map<String, Map<String, String>> pools = new LinkedHashMap<>();
    /** pool → the properties set on it (source local, even when set to off as the default is). */
    private final Map<String, Set<String>> local = new HashMap<>();

    public ZiaPools(Profile profile) {
        if (profile.zia()) {
            for (String pool : profile.pools()) {
                Map<String, String> values = new LinkedHashMap<>();
                values.put(ZiaProperty.PROVIDER.wire(), "off");
                for (ZiaProperty p : ZiaProperty.switches()) {
                    values.put(p.wire(), profile.ziaOn().contains(p.wire()) ? "on" : "off");
                }
                pools.put(pool, values);
                local.put(pool, new HashSet<>(profile.ziaOn()));
            }
        }
    }

    /** The pool's {@code zia_*} rows as {@code property parsable human source}; none off a Z.I.A. profile. */
    synchronized List<String[]> rows(String pool) {
        Map<String, String> values = pools.get(pool);
        if (values == null) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {ZiaProperty.AVAILABLE, "yes", "yes", "-"});
        Set<String> set = local.get(pool);
        values.forEach((k, v) -> rows.add(new String[] {k, v, v, set.contains(k) ? "local" : "default"}));
        return rows;
    }

    /**
     * {@code zpool set PROPERTY=VALUE POOL}, as zpool answers it; only the {@code zia_*} properties
     * are simulated. {@code existing}: the pools there are.
     */
    public synchronized Response set(List<String> args, List<String> existing) {
        if (args.size() != 2 || args.get(0).indexOf('=') <= 0) {
            return Response.fail((args.isEmpty() ? "missing property=value argument\n" : args.size() == 1
                    ? "missing pool name\n" : args.size() > 2 ? "too many pool names\n"
                    : "missing value in property=value argument\n")
                    + "usage:\n\tset <property=value> <pool>\n", 2);
        }
        String property = args.get(0).substring(0, args.get(0).indexOf('='));
        String value = args.get(0).substring(property.length() + 1);
        String pool = args.get(1);
        if (!existing.contains(pool)) {
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
        if (!p.onOff() && !value.equals("off") && !PROVIDERS.contains(value)) {
            return Response.fail(refused + "provider '" + value + "' is not registered with dpusm\n", 1);
        }
        values.put(property, value);
        local.get(pool).add(property);
        if (p.reconstruction() && value.equals("on")) {
            // offloaded reconstruction is checked with offloaded checksums, so the fork turns them on
            values.put(ZiaProperty.CHECKSUM.wire(), "on");
            local.get(pool).add(ZiaProperty.CHECKSUM.wire());
        }
        return Response.ok("");
    }
}
