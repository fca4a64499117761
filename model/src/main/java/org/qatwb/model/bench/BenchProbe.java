package org.qatwb.model.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.zfs.ZfsParam;

/**
 * What {@code bench-probe} found on the NAS: everything a plan needs, read before anything changes.
 *
 * @param simulated   the agent ran with QATWB_ROOT set: the simulator
 * @param notRoot     why the benchmark may not run privileged commands (no root, sudo refused); empty when it may
 * @param pools       the pools with their space, as zpool and zfs listed them
 * @param params      the ZFS QAT parameters that exist, with their values
 * @param kstat       ZFS has the QAT kstat
 * @param fioVersion  fio's {@code --version}, when fio is installed
 * @param leftovers   scratch datasets carrying {@code org.qatwb:bench} (a run cleans those of dead benchmarks first)
 * @param running     ids of benchmarks running on the NAS now
 */
public record BenchProbe(boolean simulated, Optional<String> notRoot, List<PoolSpace> pools, Map<ZfsParam, Integer> params,
                         boolean kstat, Optional<String> fioVersion, List<String> leftovers, List<String> running) {

    /** Lines read from one item at most: a NAS has few pools; the rest is ignored. */
    static final int MAX_LINES = 4096;

    public BenchProbe {
        Objects.requireNonNull(notRoot, "notRoot");
        pools = List.copyOf(pools);
        params = Map.copyOf(params);
        Objects.requireNonNull(fioVersion, "fioVersion");
        leftovers = List.copyOf(leftovers);
        running = List.copyOf(running);
    }

    public BenchTool tool() {
        return fioVersion.isPresent() ? BenchTool.FIO : BenchTool.DD;
    }

    public Optional<PoolSpace> pool(String name) {
        return pools.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Reads the answer of {@code bench-probe}. */
    public static BenchProbe read(AgentOutput out) throws ParseException {
        boolean simulated = out.frame("simulated").filter(f -> f.status() == ItemStatus.OK).isPresent();
        AgentFrame root = out.frame("root").orElseThrow(() -> new ParseException(0, "bench-probe: no root item"));
        Optional<String> notRoot = root.status() == ItemStatus.OK ? Optional.empty()
                : Optional.of(Snippet.oneLine(firstLine(root.text(), "no root, and sudo does not work")));
        Map<String, Long> available = new java.util.HashMap<>();
        Optional<AgentFrame> avail = out.frame("available").filter(AgentFrame::readable);
        if (avail.isPresent()) {
            for (String line : lines(avail.get())) {
                String[] w = line.split("\t");
                if (w.length == 2) {
                    available.put(w[0], number(w[1]));
                }
            }
        }
        List<PoolSpace> pools = new ArrayList<>();
        Optional<AgentFrame> zpool = out.frame("pools");
        if (zpool.isPresent() && zpool.get().status() == ItemStatus.ERROR) {
            throw new ParseException(0, "zpool list failed: " + zpool.get().problemMessage());
        }
        if (zpool.isPresent() && zpool.get().readable()) {
            int n = 0;
            for (String line : lines(zpool.get())) {
                n++;
                String[] w = line.split("\t");
                if (w.length != 5) {
                    throw new ParseException(n, "zpool list: not five fields: " + Snippet.quote(line));
                }
                pools.add(new PoolSpace(w[0], number(w[1]), number(w[3]), available.getOrDefault(w[0], -1L), w[4]));
            }
        }
        Map<ZfsParam, Integer> params = new EnumMap<>(ZfsParam.class);
        for (ZfsParam p : ZfsParam.values()) {
            out.frame(p.itemName()).filter(AgentFrame::readable).map(f -> f.text().strip())
                    .filter(v -> v.equals("0") || v.equals("1")).ifPresent(v -> params.put(p, Integer.parseInt(v)));
        }
        boolean kstat = out.frame("kstat_qat").filter(AgentFrame::readable).isPresent();
        Optional<String> fio = out.frame("fio").filter(f -> f.status() == ItemStatus.OK)
                .map(f -> Snippet.excerpt(firstLine(f.text(), "fio")));
        List<String> leftovers = new ArrayList<>();
        out.frame("marked").filter(AgentFrame::readable).ifPresent(f -> {
            for (String line : lines(f)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    leftovers.add(Snippet.excerpt(line.substring(0, tab)));
                }
            }
        });
        List<String> running = new ArrayList<>();
        out.frame("records").filter(AgentFrame::readable).ifPresent(f -> {
            for (String line : lines(f)) {
                String[] w = line.split(" ");
                if (w.length == 2 && w[1].equals("running")) {
                    running.add(Snippet.excerpt(w[0]));
                }
            }
        });
        return new BenchProbe(simulated, notRoot, pools, params, kstat, fio, leftovers, running);
    }

    private static List<String> lines(AgentFrame f) {
        return f.text().lines().filter(l -> !l.isBlank()).limit(MAX_LINES).toList();
    }

    private static String firstLine(String text, String otherwise) {
        return text.strip().lines().findFirst().orElse(otherwise);
    }

    private static long number(String s) throws ParseException {
        try {
            long v = Long.parseLong(s.strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ParseException(0, "not a byte count: " + Snippet.quote(s));
        }
    }
}
