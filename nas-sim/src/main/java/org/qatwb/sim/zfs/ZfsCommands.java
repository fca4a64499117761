package org.qatwb.sim.zfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qatwb.sim.profile.Dataset;
import org.qatwb.sim.request.Response;

/**
 * {@code zfs create}, {@code zfs destroy} and {@code zfs set} on the simulated datasets, with zfs's
 * refusals in its words (cmd/zfs/zfs_main.c {@code zfs_do_create}, {@code zfs_do_destroy},
 * {@code zfs_do_set}; lib/libzfs/libzfs_dataset.c {@code zfs_create}, {@code check_parents};
 * lib/libzfs/libzfs_crypto.c {@code zfs_crypto_create}, {@code validate_key}). libzfs prints
 * {@code ACTION: WHY} on one line ({@code zfs_verror}) and zfs exits 1; a bad option or a missing
 * argument is the usage and exit 2. Not thread-safe: the machine calls it under its lock.
 */
public final class ZfsCommands {

    /** zfs_crypto_create reads a raw key of WRAPPING_KEY_LEN bytes. */
    static final int WRAPPING_KEY_LEN = 32;

    private final ZfsDatasets datasets;
    private final Path root;

    public ZfsCommands(ZfsDatasets datasets, Path root) {
        this.datasets = datasets;
        this.root = root;
    }

    /** {@code zfs create [-pu] [-o property=value]... filesystem}. */
    public Response create(List<String> args) {
        Map<String, String> props = new LinkedHashMap<>();
        boolean parents = false;
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (operands.isEmpty() && a.startsWith("-") && a.length() > 1) {
                for (int j = 1; j < a.length(); j++) {
                    char c = a.charAt(j);
                    if (c == 'p') {
                        parents = true;
                    } else if (c == 'u') {
                        continue; // not mounted: the simulator mounts anyway (nothing reads the difference)
                    } else if (c == 'o') {
                        String pv = j + 1 < a.length() ? a.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
                        if (pv == null) {
                            return usage("missing argument for 'o'");
                        }
                        int eq = pv.indexOf('=');
                        if (eq < 0) {
                            return usage("missing '=' for property=value argument");
                        }
                        String name = ZfsProps.canonical(pv.substring(0, eq));
                        if (props.containsKey(name)) {
                            return Response.fail("property '" + name + "' specified multiple times\n", 2);
                        }
                        props.put(name, pv.substring(eq + 1));
                        break;
                    } else if (c == 'V' || c == 'b' || c == 's' || c == 'n' || c == 'P' || c == 'v') {
                        return Response.fail("qatwb-sim: zfs create -" + c + " is not simulated\n", 2);
                    } else {
                        return usage("invalid option '" + c + "'");
                    }
                }
            } else {
                operands.add(a);
            }
        }
        if (operands.isEmpty()) {
            return usage("missing filesystem argument");
        }
        if (operands.size() > 1) {
            return usage("too many arguments");
        }
        String name = operands.get(0);
        String what = "cannot create '" + name + "': ";
        Optional<String> bad = nameProblem(name);
        if (bad.isPresent()) {
            return fail(what + bad.get());
        }
        int slash = name.indexOf('/');
        if (slash < 0) {
            return fail(what + "missing dataset name");
        }
        String pool = name.substring(0, slash);
        if (!datasets.poolExists(pool)) {
            return fail(what + "no such pool '" + pool + "'");
        }
        String parent = name.substring(0, name.lastIndexOf('/'));
        if (!datasets.exists(parent)) {
            if (!parents) {
                return fail(what + "parent does not exist");
            }
        } else if (datasets.get(parent).orElseThrow().dataset().volume()) {
            return fail(what + "parent is not a filesystem");
        }
        if (datasets.exists(name)) {
            if (parents) {
                return Response.ok(""); // -p: an existing dataset is no error (zfs_do_create)
            }
            return fail(what + "dataset already exists");
        }
        for (Map.Entry<String, String> p : props.entrySet()) {
            Optional<String> why = ZfsProps.check(p.getKey(), p.getValue());
            if (why.isPresent()) {
                return why.get().startsWith("qatwb-sim:") ? Response.fail(why.get() + "\n", 2) : fail(what + why.get());
            }
            if (ZfsProps.READ_ONLY.contains(p.getKey())) {
                return fail(what + "'" + p.getKey() + "' is readonly");
            }
        }
        Map<String, String> stored = new LinkedHashMap<>();
        props.forEach((k, v) -> stored.put(k, ZfsProps.stored(k, v)));
        // the ancestors -p makes first, each with what it inherits
        List<String> missing = new ArrayList<>();
        for (String p = parent; !datasets.exists(p); p = p.substring(0, p.lastIndexOf('/'))) {
            missing.add(0, p);
        }
        Optional<String> crypt = cryptoProblem(name, parent, stored);
        if (crypt.isPresent()) {
            return fail(what + crypt.get());
        }
        for (String m : missing) {
            datasets.create(inherited(m, Map.of()), Map.of());
        }
        Map<String, String> local = new LinkedHashMap<>(stored);
        if (stored.containsKey("encryption") && !stored.get("encryption").equals("off") && !stored.containsKey("keylocation")) {
            local.put("keylocation", "prompt");
        }
        datasets.create(inherited(name, stored), local);
        return Response.ok("");
    }

    /** A new dataset's record: what was given, else its parent's value. */
    private Dataset inherited(String name, Map<String, String> given) {
        Dataset parent = datasets.get(name.substring(0, name.lastIndexOf('/'))).orElseThrow().dataset();
        String compression = given.getOrDefault("compression", parent.compression());
        String checksum = given.getOrDefault("checksum", parent.checksum());
        String encryption = given.getOrDefault("encryption", parent.encryption());
        long record = given.containsKey("recordsize") ? Long.parseLong(given.get("recordsize"))
                : parent.volume() ? 128 * 1024 : parent.blockSize();
        return new Dataset(name, false, compression, checksum, encryption, record, 1.0);
    }

    /**
     * zfs_crypto_create: encryption needs a key format for a new encryption root; the key is read from
     * keylocation now (a raw key exactly 32 bytes, validate_key), and key properties need encryption.
     */
    private Optional<String> cryptoProblem(String name, String parent, Map<String, String> props) {
        String parentCrypt = datasets.get(parent).map(e -> e.dataset().encryption()).orElse("off");
        String crypt = props.getOrDefault("encryption", parentCrypt);
        String format = props.getOrDefault("keyformat", "none");
        String location = props.get("keylocation");
        if (crypt.equals("off")) {
            return props.containsKey("keyformat") || location != null
                    ? Optional.of("Encryption must be turned on to set encryption properties.") : Optional.empty();
        }
        if ((parentCrypt.equals("off") && location == null && format.equals("none"))
                || (location != null && format.equals("none"))) {
            return Optional.of("Keyformat required for new encryption root.");
        }
        if (format.equals("none")) {
            return Optional.empty(); // inherits the parent's key
        }
        if (location == null || location.equals("prompt")) {
            return Optional.of("qatwb-sim: keylocation=prompt is not simulated (give keylocation=file:///...)");
        }
        if (!location.startsWith("file://")) {
            return Optional.of("qatwb-sim: keylocation " + location + " is not simulated");
        }
        byte[] key;
        try {
            key = Files.readAllBytes(keyFile(location.substring("file://".length())));
        } catch (IOException e) {
            return Optional.of("Failed to open key material file: No such file or directory");
        }
        int n = key.length;
        return switch (format) {
            case "raw" -> n < WRAPPING_KEY_LEN ? Optional.of("Raw key too short (expected 32).")
                    : n > WRAPPING_KEY_LEN ? Optional.of("Raw key too long (expected 32).") : Optional.empty();
            case "hex" -> n < 64 ? Optional.of("Hex key too short (expected 64).")
                    : n > 64 ? Optional.of("Hex key too long (expected 64).") : Optional.empty();
            default -> n < 8 ? Optional.of("Passphrase too short (min 8).") : Optional.empty();
        };
    }

    /**
     * The key file: the path as given when it exists (the agent names files under the root), else the
     * same path under the simulated NAS's root.
     */
    private Path keyFile(String path) {
        Path p = Path.of(path);
        return Files.exists(p) ? p : root.resolve(path.replaceFirst("^/+", ""));
    }

    /** {@code zfs destroy [-fr] filesystem}: never a pool's root; children only with -r. */
    public Response destroy(List<String> args) {
        boolean recurse = false;
        List<String> operands = new ArrayList<>();
        for (String a : args) {
            if (operands.isEmpty() && a.startsWith("-") && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'r', 'R' -> recurse = true;
                        case 'f' -> {
                            // forced unmount: the simulator's mounts are never busy
                        }
                        case 'v', 'p', 'n', 'd' -> {
                            return Response.fail("qatwb-sim: zfs destroy -" + c + " is not simulated\n", 2);
                        }
                        default -> {
                            return usage("invalid option '" + c + "'");
                        }
                    }
                }
            } else {
                operands.add(a);
            }
        }
        if (operands.isEmpty()) {
            return usage("missing dataset argument");
        }
        if (operands.size() > 1) {
            return usage("too many arguments");
        }
        String name = operands.get(0);
        if (name.contains("@") || name.contains("#")) {
            return Response.fail("qatwb-sim: snapshots and bookmarks are not simulated\n", 2);
        }
        if (!datasets.exists(name)) {
            return fail("cannot open '" + name + "': dataset does not exist");
        }
        boolean pool = !name.contains("/");
        if (pool && !recurse) {
            return Response.fail("cannot destroy '" + name + "': operation does not apply to pools\n"
                    + "use 'zfs destroy -r " + name + "' to destroy all datasets in the pool\n"
                    + "use 'zpool destroy " + name + "' to destroy the pool itself\n", 1);
        }
        List<String> children = datasets.descendants(name);
        if (!recurse && !children.isEmpty()) {
            StringBuilder err = new StringBuilder("cannot destroy '" + name + "': filesystem has children\n"
                    + "use '-r' to destroy the following datasets:\n");
            children.stream().sorted().forEach(c -> err.append(c).append('\n'));
            return Response.fail(err.toString(), 1);
        }
        children.forEach(datasets::destroy);
        if (!pool) {
            datasets.destroy(name); // destroy -r of a pool empties it and leaves its root (destroy_callback)
        }
        return Response.ok("");
    }

    /** {@code zfs set property=value ... filesystem ...}. */
    public Response set(List<String> args) {
        List<String[]> props = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (names.isEmpty() && eq > 0) {
                props.add(new String[] {ZfsProps.canonical(a.substring(0, eq)), a.substring(eq + 1)});
            } else if (a.startsWith("-") && props.isEmpty()) {
                return usage("invalid option '" + (a.length() > 1 ? a.charAt(1) : '-') + "'");
            } else {
                names.add(a);
            }
        }
        if (props.isEmpty()) {
            return usage("missing arguments");
        }
        if (names.isEmpty()) {
            return usage("missing dataset name(s)");
        }
        for (String name : names) {
            if (!datasets.exists(name)) {
                return fail("cannot open '" + name + "': dataset does not exist");
            }
        }
        for (String[] p : props) {
            Optional<String> why = ZfsProps.check(p[0], p[1]);
            if (why.isEmpty() && List.of("encryption", "keyformat").contains(p[0])) {
                why = Optional.of("'" + p[0] + "' is readonly"); // set once, at creation
            }
            if (why.isPresent()) {
                return why.get().startsWith("qatwb-sim:") ? Response.fail(why.get() + "\n", 2)
                        : fail("cannot set property for '" + names.get(0) + "': " + why.get());
            }
        }
        for (String name : names) {
            for (String[] p : props) {
                String v = ZfsProps.stored(p[0], p[1]);
                datasets.setLocal(name, p[0], v);
                Dataset d = datasets.get(name).orElseThrow().dataset();
                switch (p[0]) {
                    case "compression" -> datasets.replace(name, new Dataset(d.name(), d.volume(), v, d.checksum(),
                            d.encryption(), d.blockSize(), d.compressRatio()));
                    case "checksum" -> datasets.replace(name, new Dataset(d.name(), d.volume(), d.compression(), v,
                            d.encryption(), d.blockSize(), d.compressRatio()));
                    case "recordsize" -> datasets.replace(name, new Dataset(d.name(), d.volume(), d.compression(),
                            d.checksum(), d.encryption(), Long.parseLong(v), d.compressRatio()));
                    default -> {
                        // kept in the dataset's local properties only
                    }
                }
            }
        }
        return Response.ok("");
    }

    /** zfs_validate_name's complaints about a dataset name (module/zcommon/zfs_namecheck.c). */
    static Optional<String> nameProblem(String name) {
        if (name.isEmpty() || name.endsWith("/")) {
            return Optional.of(name.isEmpty() ? "name is too short" : "trailing slash in name");
        }
        if (name.length() >= 256) {
            return Optional.of("name is too long");
        }
        if (name.contains("@") || name.contains("#")) {
            return Optional.of("qatwb-sim: snapshots and bookmarks are not simulated");
        }
        for (String c : name.split("/", -1)) {
            if (c.isEmpty()) {
                return Optional.of("empty component or misplaced '@' or '#' delimiter in name");
            }
            for (char ch : c.toCharArray()) {
                if (!(Character.isLetterOrDigit(ch) && ch < 128) && "-_.: ".indexOf(ch) < 0) {
                    return Optional.of("invalid character '" + ch + "' in name");
                }
            }
        }
        return Optional.empty();
    }

    private static Response fail(String line) {
        return Response.fail(line + "\n", 1);
    }

    private static Response usage(String why) {
        return Response.fail(why + "\nusage:\n\tcreate [-Pnpuv] [-o property=value] ... <filesystem>\n"
                + "\tdestroy [-fnpRrv] <filesystem|volume>\n\tset <property=value> ... <filesystem|volume|snapshot> ...\n", 2);
    }
}
