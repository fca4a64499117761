package org.qatwb.sim.zfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.qatwb.sim.profile.Dataset;
import org.qatwb.sim.profile.Profile;

/**
 * The datasets that exist now: the profile's, and those made since with {@code zfs create} (until a
 * {@code zfs destroy}). A dataset made here is mounted on a real directory under the root (its
 * {@code mountpoint} below the root), so what a benchmark writes into it are real bytes; its
 * {@code used}/{@code logicalused} come from those bytes and the compression ratio its data reached.
 * Not thread-safe: the machine calls it under its lock; the stand-ins read the table it renders.
 */
public final class ZfsDatasets {

    /** One dataset as it is now. */
    public static final class Entry {
        private Dataset dataset;
        private final boolean created;
        /** Properties set locally beyond the record's: primarycache, keyformat, keylocation, user properties. */
        private final Map<String, String> local = new TreeMap<>();
        /** logical bytes over physical bytes of what was last written (1.0 before anything was). */
        private double dataRatio = 1.0;

        Entry(Dataset dataset, boolean created) {
            this.dataset = dataset;
            this.created = created;
        }

        public Dataset dataset() {
            return dataset;
        }

        /** Made with {@code zfs create} while the simulator ran (it has a directory with real bytes). */
        public boolean created() {
            return created;
        }

        public Map<String, String> local() {
            return Collections.unmodifiableMap(local);
        }

        public double dataRatio() {
            return dataRatio;
        }
    }

    private final Path root;
    private final Map<String, Entry> byName = new LinkedHashMap<>();

    public ZfsDatasets(Profile profile, Path root) {
        this.root = root;
        for (Dataset d : profile.datasets()) {
            byName.put(d.name(), new Entry(d, false));
        }
    }

    /** The datasets' records, in creation order (pool roots first), for the workload and the offload rules. */
    public synchronized List<Dataset> list() {
        return byName.values().stream().map(e -> e.dataset).toList();
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(byName.values());
    }

    public synchronized Optional<Entry> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public synchronized boolean exists(String name) {
        return byName.containsKey(name);
    }

    /** Pools are the datasets without a slash. */
    public boolean poolExists(String pool) {
        Entry e = byName.get(pool);
        return e != null && e.dataset.parent() == null;
    }

    /** The dataset's children and their children, deepest first (the order a recursive destroy takes). */
    public List<String> descendants(String name) {
        List<String> out = new ArrayList<>();
        for (String n : byName.keySet()) {
            if (n.startsWith(name + "/")) {
                out.add(n);
            }
        }
        out.sort((a, b) -> Long.compare(b.chars().filter(c -> c == '/').count(), a.chars().filter(c -> c == '/').count()));
        return out;
    }

    /** The NAS path it is mounted on: the pool's {@code /mnt/POOL} and the names below it (TrueNAS's layout). */
    public static String mountpoint(String name) {
        return "/mnt/" + name;
    }

    /** The real directory behind a dataset's mountpoint. */
    public Path directory(String name) {
        return root.resolve(mountpoint(name).substring(1));
    }

    /** Adds a dataset made by {@code zfs create} and mounts it (its directory made, empty). */
    synchronized void create(Dataset d, Map<String, String> localProps) {
        Entry e = new Entry(d, true);
        e.local.putAll(localProps);
        byName.put(d.name(), e);
        try {
            Files.createDirectories(directory(d.name()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Removes a dataset and, for one made here, its directory and every byte in it (unmounted and gone). */
    synchronized void destroy(String name) {
        Entry e = byName.remove(name);
        if (e != null && e.created) {
            deleteTree(directory(name));
        }
    }

    synchronized void replace(String name, Dataset d) {
        byName.get(name).dataset = d;
    }

    synchronized void setLocal(String name, String property, String value) {
        byName.get(name).local.put(property, value);
    }

    /** What a benchmark's data compressed to in this dataset (logical over physical bytes), measured on the data. */
    public synchronized void recordDataRatio(String name, double ratio) {
        Entry e = byName.get(name);
        if (e != null) {
            e.dataRatio = Math.max(1.0, ratio);
            if (e.created) {
                Dataset d = e.dataset;
                double r = "off".equals(d.compression()) ? 1.0 : e.dataRatio;
                e.dataset = new Dataset(d.name(), d.volume(), d.compression(), d.checksum(), d.encryption(),
                        d.blockSize(), r);
            }
        }
    }

    /** The dataset a path under the root lies in (the deepest mounted one), if any. */
    public Optional<String> datasetOf(Path path) {
        Path p = path.toAbsolutePath().normalize();
        String best = null;
        for (Entry e : byName.values()) {
            if (!e.created) {
                continue;
            }
            Path dir = directory(e.dataset.name());
            if (p.startsWith(dir) && (best == null || e.dataset.name().length() > best.length())) {
                best = e.dataset.name();
            }
        }
        return Optional.ofNullable(best);
    }

    /** Bytes in the files of a made dataset's directory (its logical size); 0 for the profile's. */
    public long logicalBytes(String name) {
        Entry e = byName.get(name);
        if (e == null || !e.created) {
            return 0;
        }
        Path dir = directory(name);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException gone) {
            return 0;
        }
    }

    /** Physical bytes: the logical bytes shrunk by what compression achieved on them. */
    public long physicalBytes(String name) {
        Entry e = byName.get(name);
        if (e == null) {
            return 0;
        }
        double r = "off".equals(e.dataset.compression()) ? 1.0 : e.dataRatio;
        return Math.round(logicalBytes(name) / r);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
