package org.qatwb.sim.zfs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The properties {@code zfs create -o} and {@code zfs set} take here, checked as libzfs checks them
 * (lib/libzfs/libzfs_dataset.c {@code zfs_valid_proplist}, libzfs_util.c {@code zprop_parse_value}; the
 * values and their lists from module/zcommon/zfs_prop.c): an index property must be one of its
 * values ({@code 'compression' must be one of '...'}), {@code recordsize} a power of 2 from 512B to
 * 16M, a user property a name with a colon of lowercase letters, digits and {@code - _ . :}
 * ({@code zfs_prop_user}). Properties ZFS knows but the simulator does not model are refused in the
 * simulator's own words; names ZFS does not know are {@code invalid property}.
 */
final class ZfsProps {

    static final String COMPRESSION_VALUES = "on | off | lzjb | gzip | gzip-[1-9] | zle | lz4 | zstd | zstd-[1-19] | "
            + "zstd-fast | zstd-fast-[1-10,20,30,40,50,60,70,80,90,100,500,1000]";
    static final String CHECKSUM_VALUES = "on | off | fletcher2 | fletcher4 | sha256 | sha512 | skein | edonr | blake3";
    static final String CACHE_VALUES = "all | none | metadata";
    static final String ENCRYPTION_VALUES = "on | off | aes-128-ccm | aes-192-ccm | aes-256-ccm | aes-128-gcm | "
            + "aes-192-gcm | aes-256-gcm";
    static final String KEYFORMAT_VALUES = "none | raw | hex | passphrase";

    /** Properties ZFS has that the simulator does not model: refused as such, not as unknown. */
    private static final Set<String> NOT_MODELLED = Set.of("atime", "relatime", "sync", "dedup", "copies", "logbias",
            "xattr", "acltype", "aclmode", "aclinherit", "quota", "refquota", "reservation", "refreservation", "snapdir",
            "canmount", "mountpoint", "readonly", "redundant_metadata", "special_small_blocks", "volsize", "volblocksize",
            "devices", "exec", "setuid", "sharenfs", "sharesmb", "dnodesize", "casesensitivity", "normalization",
            "utf8only", "recordsize_max", "prefetch", "direct", "pbkdf2iters", "snapdev", "volmode", "zoned", "overlay");

    /** Read-only: shown by {@code zfs get}, never set. */
    static final Set<String> READ_ONLY = Set.of("type", "used", "available", "avail", "logicalused", "compressratio",
            "mounted", "creation", "referenced", "refer", "guid", "name");

    private static final Pattern SIZE = Pattern.compile("([0-9]+)([bkmgtpe]?)(?:i?b)?", Pattern.CASE_INSENSITIVE);

    private ZfsProps() {
    }

    /** A user property's name ({@code zfs_prop_user}): at least one colon, only {@code [a-z0-9_.:-]}. */
    static boolean user(String name) {
        return name.contains(":") && name.matches("[a-z0-9_.:-]+") && name.length() <= 256;
    }

    /**
     * Checks {@code name=value}; empty when it is fine, else the words libzfs puts after
     * {@code cannot create 'DS': } (or the simulator's, for what it does not model).
     */
    static Optional<String> check(String name, String value) {
        if (value.indexOf('\t') >= 0) {
            return Optional.of("qatwb-sim: a property value with a tab is not simulated (the tables are tab-separated)");
        }
        if (user(name)) {
            return value.length() > 8191 ? Optional.of("property value too long") : Optional.empty();
        }
        if (NOT_MODELLED.contains(name)) {
            return Optional.of("qatwb-sim: the property '" + name + "' is not simulated");
        }
        return switch (name) {
            case "compression", "compress" -> oneOf(name, value, COMPRESSION_VALUES,
                    "on|off|lzjb|gzip|gzip-[1-9]|zle|lz4|zstd|zstd-([1-9]|1[0-9])|zstd-fast"
                            + "|zstd-fast-([1-9]|10|20|30|40|50|60|70|80|90|100|500|1000)");
            case "checksum" -> oneOf(name, value, CHECKSUM_VALUES, "on|off|fletcher2|fletcher4|sha256|sha512|skein|edonr|blake3");
            case "primarycache", "secondarycache" -> oneOf(name, value, CACHE_VALUES, "all|none|metadata");
            case "encryption" -> oneOf(name, value, ENCRYPTION_VALUES, "on|off|aes-(128|192|256)-(ccm|gcm)");
            case "keyformat" -> oneOf(name, value, KEYFORMAT_VALUES, "none|raw|hex|passphrase");
            case "keylocation" -> value.equals("prompt") || value.matches("file:///.*") || value.matches("https?://.+")
                    ? Optional.empty() : Optional.of("invalid keylocation");
            case "recordsize" -> {
                long n = bytes(value);
                if (n == -1) {
                    yield Optional.of("bad numeric value '" + value + "'");
                }
                yield n < 512 || n > (16L << 20) || Long.bitCount(n) != 1
                        ? Optional.of("'recordsize' must be power of 2 from 512B to 16M") : Optional.empty();
            }
            default -> READ_ONLY.contains(name) ? Optional.of("'" + name + "' is readonly")
                    : Optional.of("invalid property '" + name + "'");
        };
    }

    private static Optional<String> oneOf(String name, String value, String shown, String regex) {
        return value.matches(regex) ? Optional.empty()
                : Optional.of("'" + name + "' must be one of '" + shown + "'");
    }

    /** zfs_nicestrtonum: a number with an optional unit (K, M, ... with an optional B or iB); -1 if it is not one. */
    static long bytes(String value) {
        Matcher m = SIZE.matcher(value);
        if (!m.matches() || m.group(1).length() > 18) {
            return -1;
        }
        long n = Long.parseLong(m.group(1));
        int shift = "bkmgtpe".indexOf(m.group(2).isEmpty() ? 'b' : m.group(2).toLowerCase(Locale.ROOT).charAt(0)) * 10;
        return shift >= 63 || n > (Long.MAX_VALUE >> shift) ? -1 : n << shift;
    }

    /** The canonical name: {@code compress} is {@code compression}. */
    static String canonical(String name) {
        return name.equals("compress") ? "compression" : name;
    }

    /** The value as ZFS stores it: {@code encryption=on} is aes-256-gcm, a recordsize in bytes. */
    static String stored(String name, String value) {
        return switch (name) {
            case "encryption" -> value.equals("on") ? "aes-256-gcm" : value;
            case "recordsize" -> Long.toString(bytes(value));
            default -> value;
        };
    }

    /** What the simulated zfs create takes: these, and user properties. */
    static final List<String> CREATE_MODELLED = List.of("compression", "checksum", "primarycache", "secondarycache",
            "encryption", "keyformat", "keylocation", "recordsize");
}
