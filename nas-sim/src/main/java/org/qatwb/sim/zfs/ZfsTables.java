package org.qatwb.sim.zfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qatwb.sim.profile.Dataset;

/**
 * The property tables behind the {@code zfs get} and {@code zpool get} stand-ins: one tab-separated
 * row per dataset (or pool) and property, with the value in both forms ({@code -p} and human) and
 * the source, so that the stand-ins only filter and print.
 *
 * <p>zfs rows: {@code name type property parsable human source} (source {@code n/a} for a
 * property of the other dataset type); zpool rows:
 * {@code name property parsable human source}.
 */
public final class ZfsTables {

    private ZfsTables() {
    }

    /**
     * The datasets' rows as they are now: the profile's (with made-up sizes) and those made since (their
     * sizes from the bytes in their directories); {@code available} is the pool's ({@link PoolSpace}).
     */
    public static String datasets(ZfsDatasets all, PoolSpace space) {
        StringBuilder out = new StringBuilder();
        Map<String, ZfsDatasets.Entry> byName = new LinkedHashMap<>();
        all.entries().forEach(e -> byName.put(e.dataset().name(), e));
        Map<String, Long> written = writtenPerPool(all);
        long used = 1L << 40;
        for (ZfsDatasets.Entry e : all.entries()) {
            Dataset d = e.dataset();
            Dataset parent = d.parent() == null || !byName.containsKey(d.parent()) ? null : byName.get(d.parent()).dataset();
            String type = d.volume() ? "volume" : "filesystem";
            String pool = d.pool();
            long w = written.getOrDefault(pool, 0L);
            long logical;
            long physical;
            if (e.created()) {
                logical = all.logicalBytes(d.name());
                physical = all.physicalBytes(d.name());
                for (String c : all.descendants(d.name())) {
                    logical += all.logicalBytes(c);
                    physical += all.physicalBytes(c);
                }
            } else if (parent == null) {
                physical = space.allocated(pool, w);
                logical = Math.round(physical * d.physicalRatio());
            } else {
                physical = used;
                logical = Math.round(used * d.physicalRatio());
                used = Math.max(1L << 30, used / 3);
            }
            long avail = space.available(pool, w);
            String ratio = e.created() ? ratio(physical == 0 ? 1.0 : (double) logical / physical) : ratio(d.physicalRatio());
            row(out, d, type, "type", type, type, "-");
            row(out, d, type, "used", Long.toString(physical), human(physical), "-");
            row(out, d, type, "available", Long.toString(avail), human(avail), "-");
            row(out, d, type, "logicalused", Long.toString(logical), human(logical), "-");
            row(out, d, type, "compressratio", ratio, ratio + "x", "-");
            if (!d.volume()) {
                // a dataset made here is mounted on a real directory, and says so as if made with -o mountpoint=DIR
                String mp = e.created() ? all.directory(d.name()).toString() : ZfsDatasets.mountpoint(d.name());
                row(out, d, type, "mountpoint", mp, mp, e.created() ? "local"
                        : parent == null ? "default" : "inherited from " + parent.name());
                row(out, d, type, "mounted", "yes", "yes", "-");
                row(out, d, type, "recordsize", Long.toString(d.blockSize()), human(d.blockSize()),
                        e.local().containsKey("recordsize") ? "local" : source(d, parent, Long.toString(d.blockSize()),
                                parent == null ? null : Long.toString(parent.blockSize()), "131072"));
                notApplicable(out, d, type, "volsize", "volblocksize");
            } else {
                row(out, d, type, "volsize", Long.toString(100L << 30), human(100L << 30), "local");
                row(out, d, type, "volblocksize", Long.toString(d.blockSize()), human(d.blockSize()),
                        d.blockSize() == 16384 ? "default" : "-");
                notApplicable(out, d, type, "mountpoint", "mounted", "recordsize");
            }
            row(out, d, type, "checksum", d.checksum(), d.checksum(), e.local().containsKey("checksum") ? "local"
                    : source(d, parent, d.checksum(), parent == null ? null : parent.checksum(), "on"));
            row(out, d, type, "compression", d.compression(), d.compression(), e.local().containsKey("compression") ? "local"
                    : source(d, parent, d.compression(), parent == null ? null : parent.compression(), "off"));
            // encryption is fixed at creation: ZFS shows no source for an encrypted dataset
            row(out, d, type, "encryption", d.encryption(), d.encryption(), d.encryption().equals("off") ? "default" : "-");
            String format = e.local().getOrDefault("keyformat", d.encryption().equals("off") ? "none" : "raw");
            row(out, d, type, "keyformat", format, format, e.local().containsKey("keyformat") ? "-" : "default");
            String location = e.local().getOrDefault("keylocation", "none");
            row(out, d, type, "keylocation", location, location, e.local().containsKey("keylocation") ? "local" : "default");
            row(out, d, type, "dedup", "off", "off", parent == null ? "default" : "inherited from " + parent.name());
            inheritable(out, byName, e, type, "primarycache", "all");
            inheritable(out, byName, e, type, "secondarycache", "all");
            userProperties(out, byName, e, type);
        }
        return out.toString();
    }

    /** The physical bytes written into the datasets made since the start, per pool. */
    public static Map<String, Long> writtenPerPool(ZfsDatasets all) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (ZfsDatasets.Entry e : all.entries()) {
            if (e.created()) {
                out.merge(e.dataset().pool(), all.physicalBytes(e.dataset().name()), Long::sum);
            }
        }
        return out;
    }

    /** A property set on the dataset or an ancestor (the nearest wins), else its default. */
    private static void inheritable(StringBuilder out, Map<String, ZfsDatasets.Entry> byName, ZfsDatasets.Entry e, String type,
                                    String property, String dflt) {
        String name = e.dataset().name();
        for (String n = name; n != null; n = n.contains("/") ? n.substring(0, n.lastIndexOf('/')) : null) {
            ZfsDatasets.Entry a = byName.get(n);
            if (a != null && a.local().containsKey(property)) {
                String v = a.local().get(property);
                row(out, e.dataset(), type, property, v, v, n.equals(name) ? "local" : "inherited from " + n);
                return;
            }
        }
        row(out, e.dataset(), type, property, dflt, dflt, "default");
    }

    /** User properties ({@code module:name}) set on the dataset or inherited from an ancestor. */
    private static void userProperties(StringBuilder out, Map<String, ZfsDatasets.Entry> byName, ZfsDatasets.Entry e,
                                       String type) {
        String name = e.dataset().name();
        Map<String, String[]> found = new java.util.TreeMap<>();
        for (String n = name; n != null; n = n.contains("/") ? n.substring(0, n.lastIndexOf('/')) : null) {
            ZfsDatasets.Entry a = byName.get(n);
            if (a == null) {
                continue;
            }
            for (Map.Entry<String, String> p : a.local().entrySet()) {
                if (ZfsProps.user(p.getKey()) && !found.containsKey(p.getKey())) {
                    found.put(p.getKey(), new String[] {p.getValue(), n.equals(name) ? "local" : "inherited from " + n});
                }
            }
        }
        found.forEach((k, v) -> row(out, e.dataset(), type, k, v[0], v[0], v[1]));
    }

    /** The pools' rows, with the Z.I.A. properties as they are now. */
    public static String pools(ZiaPools zia, ZfsDatasets all, PoolSpace space) {
        StringBuilder out = new StringBuilder();
        long guid = 0x3a1f_52c7_9d04_e611L;
        Map<String, Long> written = writtenPerPool(all);
        for (String pool : zia.imported()) {
            long size = space.size(pool);
            long alloc = space.allocated(pool, written.getOrDefault(pool, 0L));
            long capacity = alloc * 100 / size;
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"size", Long.toString(size), human(size), "-"});
            rows.add(new String[] {"capacity", Long.toString(capacity), capacity + "%", "-"});
            rows.add(new String[] {"altroot", "-", "-", "default"});
            rows.add(new String[] {"health", "ONLINE", "ONLINE", "-"});
            rows.add(new String[] {"guid", Long.toUnsignedString(guid), Long.toUnsignedString(guid), "-"});
            rows.add(new String[] {"version", "-", "-", "default"});
            rows.add(new String[] {"bootfs", "-", "-", "default"});
            rows.add(new String[] {"delegation", "on", "on", "default"});
            rows.add(new String[] {"autoreplace", "off", "off", "default"});
            rows.add(new String[] {"cachefile", "-", "-", "default"});
            rows.add(new String[] {"failmode", "wait", "wait", "default"});
            rows.add(new String[] {"listsnapshots", "off", "off", "default"});
            rows.add(new String[] {"autoexpand", "off", "off", "default"});
            rows.add(new String[] {"dedupratio", "1.00", "1.00x", "-"});
            rows.add(new String[] {"free", Long.toString(size - alloc), human(size - alloc), "-"});
            rows.add(new String[] {"allocated", Long.toString(alloc), human(alloc), "-"});
            rows.add(new String[] {"readonly", "off", "off", "-"});
            rows.add(new String[] {"ashift", "12", "12", "local"});
            rows.add(new String[] {"comment", "-", "-", "default"});
            rows.add(new String[] {"fragmentation", "3", "3%", "-"});
            rows.add(new String[] {"leaked", "0", "0", "-"});
            rows.add(new String[] {"multihost", "off", "off", "default"});
            rows.add(new String[] {"autotrim", "off", "off", "default"});
            rows.add(new String[] {"compatibility", "off", "off", "default"});
            rows.addAll(zia.rows(pool));
            rows.add(new String[] {"feature@async_destroy", "enabled", "enabled", "local"});
            rows.add(new String[] {"feature@lz4_compress", "active", "active", "local"});
            rows.add(new String[] {"feature@sha512", "enabled", "enabled", "local"});
            rows.add(new String[] {"feature@encryption", "active", "active", "local"});
            for (String[] r : rows) {
                out.append(pool).append('\t').append(String.join("\t", r)).append('\n');
            }
            guid = guid * 31 + 17;
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Dataset d, String type, String property, String parsable, String human,
                            String source) {
        out.append(d.name()).append('\t').append(type).append('\t').append(property).append('\t').append(parsable)
                .append('\t').append(human).append('\t').append(source).append('\n');
    }

    /** Properties of the other dataset type: zfs knows them, and prints "-" when one is named. */
    private static void notApplicable(StringBuilder out, Dataset d, String type, String... properties) {
        for (String p : properties) {
            row(out, d, type, p, "-", "-", "n/a");
        }
    }

    private static String source(Dataset d, Dataset parent, String value, String parentValue, String dflt) {
        if (parent == null) {
            return value.equals(dflt) ? "default" : "local";
        }
        return Objects.equals(value, parentValue) ? "inherited from " + parent.name() : "local";
    }

    private static String ratio(double r) {
        return String.format(java.util.Locale.ROOT, "%.2f", r);
    }

    /** zfs's human sizes: 128K, 1M, 16T (one decimal below 10 in the unit). */
    static String human(long bytes) {
        String units = "BKMGTPE";
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length() - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return bytes + "B";
        }
        if (v == Math.rint(v)) {
            return (long) v + units.substring(u, u + 1);
        }
        return String.format(java.util.Locale.ROOT, v < 10 ? "%.2f%s" : v < 100 ? "%.1f%s" : "%.0f%s", v,
                units.substring(u, u + 1));
    }
}
