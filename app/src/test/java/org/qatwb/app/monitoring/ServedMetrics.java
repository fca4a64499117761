package org.qatwb.app.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.qatwb.app.testing.Exposition;
import org.qatwb.model.doctor.Doctor;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.metrics.ExporterMetrics;
import org.qatwb.model.metrics.MetricsFormat;
import org.qatwb.model.metrics.TargetState;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.ReconnectingStream;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.testing.Specs;

/**
 * The metric names the exporter serves, from a real render: a snapshot and a stream tick read over
 * real SSH from the simulated C62x NAS, its doctor's report, rendered by {@link ExporterMetrics}
 * as Prometheus text; the names are those of the sample lines (a family with no series serves
 * nothing a query could read).
 *
 * <p>Two series exist only where the NAS prints them and the simulator does not: RAS events (newer
 * out-of-tree drivers print a third line per engine) and kstat rows qatwb has no name for (forks).
 * The NAS's files are given them as such a driver and such a fork print them, while the simulator's
 * clock stands still (it rewrites those files only when it moves), so the agent reads them for real.
 */
final class ServedMetrics {

    /** A row of a ZFS fork's kstat (the qat-dc fork's, shown in openzfs/zfs issue 8076). */
    static final String FORK_ROW = "err_status_unknown";

    private ServedMetrics() {
    }

    /** One render per test run: the NAS is read the same way for every check. */
    private static String rendered;

    /** The exposition text of the simulated NAS, as {@code sim-c62x}. */
    static synchronized String render() throws Exception {
        if (rendered == null) {
            rendered = readAndRender();
        }
        return rendered;
    }

    private static String readAndRender() throws Exception {
        try (SimulatedNas sim = SimulatedNas.start(SimOptions.driven("c62x"))) {
            asAForkAndANewerDriverPrint(sim.root());
            try (NasSession session = Specs.connect(sim.endpoint())) {
                AgentClient agent = new AgentClient(session, false);
                long started = System.nanoTime();
                NasSnapshot snapshot = agent.snapshot();
                long readNanos = System.nanoTime() - started;
                long snapshotAt = System.currentTimeMillis();
                StreamSample tick = firstTick(agent);
                long tickAt = System.currentTimeMillis();
                DoctorReport report = Doctor.examine(snapshot, Optional.empty());
                TargetState target = TargetState.starting("sim-c62x").connected().withUp(true)
                        .withSnapshot(snapshot, readNanos, snapshotAt, Optional.of(report))
                        .withSample(tick, tickAt);
                return ExporterMetrics.render(List.of(target), "test", tickAt, MetricsFormat.PROMETHEUS_TEXT);
            }
        }
    }

    /** Names of the sample lines of Prometheus text: each line that is neither blank nor a comment. */
    static Set<String> sampleNames(String text) {
        Set<String> names = new TreeSet<>();
        Exposition.parse(text).samples().forEach(s -> names.add(s.name()));
        return names;
    }

    /**
     * Each served metric's label-name sets (sorted names), from the sample lines of Prometheus text,
     * or from promtool's series notation ({@code name{a="b"}}): the same shape.
     */
    static Map<String, Set<List<String>>> labelNames(List<String> series) {
        Map<String, Set<List<String>>> out = new TreeMap<>();
        for (String line : series) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            int nameEnd = brace >= 0 && (space < 0 || brace < space) ? brace : space < 0 ? line.length() : space;
            List<String> labels = new ArrayList<>();
            if (nameEnd == brace) {
                int j = brace + 1;
                while (j < line.length() && line.charAt(j) != '}') {
                    int eq = line.indexOf('=', j);
                    labels.add(line.substring(j, eq).strip());
                    j = eq + 2; // past ="
                    while (line.charAt(j) != '"') {
                        j += line.charAt(j) == '\\' ? 2 : 1;
                    }
                    j++;
                    if (line.charAt(j) == ',') {
                        j++;
                    }
                }
            }
            Collections.sort(labels);
            out.computeIfAbsent(line.substring(0, nameEnd), k -> new TreeSet<>(Comparator.comparing(List::toString)))
                    .add(labels);
        }
        return out;
    }

    private static StreamSample firstTick(AgentClient agent) throws Exception {
        CompletableFuture<StreamSample> first = new CompletableFuture<>();
        ReconnectingStream stream = agent.stream(200, first::complete, state -> { });
        try {
            return first.get(60, TimeUnit.SECONDS);
        } finally {
            stream.close();
        }
    }

    /** A fork's kstat row at the end of the kstat, a RAS line after each engine's responses. */
    private static void asAForkAndANewerDriverPrint(Path root) throws IOException {
        Path kstat = root.resolve("proc/spl/kstat/zfs/qat");
        String k = Files.readString(kstat, StandardCharsets.US_ASCII);
        String[] head = k.substring(0, k.indexOf('\n')).split(" ");
        head[3] = Long.toString(Long.parseLong(head[3]) + 1); // ndata: one row more
        Files.writeString(kstat, String.join(" ", head) + k.substring(k.indexOf('\n'))
                + String.format("%-31s %-4d %d%n", FORK_ROW, 4, 7), StandardCharsets.US_ASCII);
        try (Stream<Path> dirs = Files.list(root.resolve("sys/kernel/debug"))) {
            for (Path fw : dirs.map(d -> d.resolve("fw_counters")).filter(Files::isRegularFile).toList()) {
                StringBuilder out = new StringBuilder();
                for (String line : Files.readAllLines(fw, StandardCharsets.US_ASCII)) {
                    out.append(line).append('\n');
                    if (line.startsWith("| Firmware Responses[AE")) {
                        String ae = line.substring(line.indexOf('['), line.indexOf(']') + 1);
                        out.append(String.format("| RAS Events        %s:%20d |%n", ae, 0));
                    }
                }
                Files.writeString(fw, out, StandardCharsets.US_ASCII);
            }
        }
    }
}
