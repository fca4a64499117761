package org.qatwb.sim.zfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qatwb.sim.profile.Dataset;
import org.qatwb.sim.profile.Profile;

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

    public static String datasets(Profile profile) {
        Map<String, Dataset> byName = new LinkedHashMap<>();
        profile.datasets().forEach(d -> byName.put(d.name(), d));
        StringBuilder out = new StringBuilder();
        long used = 1L << 40;
        for (Dataset d : profile.datasets()) {
            Dataset parent = d.parent() == null ? null : byName.get(d.parent());
            String type = d.volume() ? "volume" : "filesystem";
            row(out, d, type, "type", type, type, "-");
            row(out, d, type, "used", Long.toString(used), human(used), "-");
            row(out, d, type, "available", Long.toString(7L << 40), human(7L << 40), "-");
            row(out, d, type, "compressratio", ratio(d), ratio(d) + "x", "-");
            if (!d.volume()) {
                row(out, d, type, "mountpoint", "/mnt/" + d.name(), "/mnt/" + d.name(),
                        parent == null ? "default" : "inherited from " + parent.name());
                row(out, d, type, "recordsize", Long.toString(d.blockSize()), human(d.blockSize()),
                        source(d, parent, Long.toString(d.blockSize()), parent == null ? null
                                : Long.toString(parent.blockSize()), "131072"));
                notApplicable(out, d, type, "volsize", "volblocksize");
            } else {
                row(out, d, type, "volsize", Long.toString(100L << 30), human(100L << 30), "local");
                row(out, d, type, "volblocksize", Long.toString(d.blockSize()), human(d.blockSize()),
                        d.blockSize() == 16384 ? "default" : "-");
                notApplicable(out, d, type, "mountpoint", "recordsize");
            }
            row(out, d, type, "checksum", d.checksum(), d.checksum(),
                    source(d, parent, d.checksum(), parent == null ? null : parent.checksum(), "on"));
            row(out, d, type, "compression", d.compression(), d.compression(),
                    source(d, parent, d.compression(), parent == null ? null : parent.compression(), "off"));
            // encryption is fixed at creation: ZFS shows no source for an encrypted dataset
            row(out, d, type, "encryption", d.encryption(), d.encryption(), d.encryption().equals("off") ? "default" : "-");
            row(out, d, type, "dedup", "off", "off", parent == null ? "default" : "inherited from " + parent.name());
            used = Math.max(1L << 30, used / 3);
        }
        return out.toString();
    }

    /** The pools' rows, with the Z.I.A. properties as they are now. */
    public static String pools(Profile profile, ZiaPools zia) {
        StringBuilder out = new StringBuilder();
        long guid = 0x3a1f_52c7_9d04_e611L;
        for (String pool : zia.imported()) {
            long size = 16L << 40;
            long alloc = size * 37 / 100;
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"size", Long.toString(size), human(size), "-"});
            rows.add(new String[] {"capacity", "37", "37%", "-"});
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

    private static String ratio(Dataset d) {
        return String.format(java.util.Locale.ROOT, "%.2f", d.physicalRatio());
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
