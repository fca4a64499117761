package org.qatwb.sim.machine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The small part of systemd's ordering the simulated boot needs (systemd.unit(5), "Before=,
 * After="): {@code A Before=B} and {@code B After=A} both mean A finishes starting before B starts;
 * the ordering applies only between units that are both being started, so a name that is not
 * started here (a unit that does not exist, or one of early boot) orders nothing. A
 * {@code Type=oneshot} unit has finished starting when its process exits (systemd.service(5)), so
 * each step runs to its end before the next.
 *
 * <p>zfs.ko always loads first, in early boot: udev runs {@code modprobe zfs} for the pool's disks
 * (OpenZFS {@code udev/rules.d/90-zfs.rules.in}, {@code ID_FS_TYPE=="zfs_member"}), the import
 * services that follow are {@code DefaultDependencies=no} and {@code Before=zfs-import.target}
 * ({@code etc/systemd/system/zfs-import-cache.service.in}), and {@code zfs-mount.service} is
 * {@code After=zfs-import.target} and {@code Before=local-fs.target} ({@code zfs-mount.service.in});
 * on root on ZFS the initramfs loads it even earlier. Then the boot starts {@code qat.service}
 * (Intel's unit: {@code After=local-fs.target}, {@code WantedBy=multi-user.target}, in
 * {@code quickassist/build_system/build_files/qat.service}) and the enabled units. Where systemd
 * would start two steps in parallel (no order between them), the simulator runs qat.service first,
 * then units by name; an ordering cycle (systemd breaks it by dropping a job) leaves the rest in
 * name order.
 */
final class BootOrder {

    static final String QAT = "qat.service";

    private BootOrder() {
    }

    /**
     * The boot's steps.
     *
     * @param units       the enabled units
     * @param hasQat      the NAS has qat.service
     */
    static List<BootStep> order(List<BootUnit> units, boolean hasQat) {
        Map<String, BootStep> nodes = new LinkedHashMap<>();
        List<BootStep> steps = new ArrayList<>();
        steps.add(new BootStep.ZfsLoad());
        if (hasQat) {
            nodes.put(QAT, new BootStep.QatStart());
        }
        Map<String, Set<String>> edges = new HashMap<>(); // name -> the names that must wait for it
        for (BootUnit u : units) {
            if (!nodes.containsKey(u.name())) {
                nodes.put(u.name(), new BootStep.UnitStart(u));
            }
        }
        for (BootUnit u : units) {
            for (String a : u.after()) {
                if (nodes.containsKey(a)) {
                    edge(edges, a, u.name());
                }
            }
            for (String b : u.before()) {
                if (nodes.containsKey(b)) {
                    edge(edges, u.name(), b);
                }
            }
        }
        Map<String, Integer> waiting = new HashMap<>();
        nodes.keySet().forEach(n -> waiting.put(n, 0));
        edges.forEach((from, tos) -> tos.forEach(to -> waiting.merge(to, 1, Integer::sum)));
        Set<String> done = new HashSet<>();
        while (done.size() < nodes.size()) {
            String next = nodes.keySet().stream().filter(n -> !done.contains(n) && waiting.get(n) == 0)
                    .min(BootOrder::compare)
                    .orElseGet(() -> new TreeSet<>(nodes.keySet()).stream().filter(n -> !done.contains(n)).findFirst()
                            .orElseThrow()); // a cycle: systemd drops a job to break it
            done.add(next);
            for (String to : edges.getOrDefault(next, Set.of())) {
                waiting.merge(to, -1, Integer::sum);
            }
            steps.add(nodes.get(next));
        }
        return steps;
    }

    private static void edge(Map<String, Set<String>> edges, String from, String to) {
        if (!from.equals(to)) {
            edges.computeIfAbsent(from, k -> new HashSet<>()).add(to);
        }
    }

    /** qat.service, then units by name. */
    private static int compare(String a, String b) {
        if (a.equals(QAT) != b.equals(QAT)) {
            return a.equals(QAT) ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
