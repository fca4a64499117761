package org.qatwb.app.exporter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.qatwb.model.metrics.ExporterMetrics;
import org.qatwb.model.metrics.MetricsFormat;
import org.qatwb.model.metrics.TargetState;

/**
 * The exporter's core, without HTTP or files: one {@link TargetSupervisor} per NAS, and the
 * exposition rendered from their latest states. Rendering reads memory only, so a scrape costs
 * the same whether the NAS answers or not, and never opens an SSH round trip.
 */
public final class Exporter implements AutoCloseable {

    private final List<TargetSupervisor> supervisors;
    private final ExporterSettings settings;
    private final String version;
    private final LongSupplier clock;

    /**
     * @param targets their {@code nas} labels unique
     * @param events  hears one line per change of a target (up, not read and why)
     * @param clock   epoch milliseconds
     */
    public Exporter(List<ExporterTarget> targets, ExporterSettings settings, String version, Consumer<String> events,
            LongSupplier clock) {
        Set<String> names = new HashSet<>();
        for (ExporterTarget t : targets) {
            if (!names.add(t.nas())) {
                throw new IllegalArgumentException("two targets named " + t.nas());
            }
        }
        this.settings = settings;
        this.version = version;
        this.clock = clock;
        List<TargetSupervisor> s = new ArrayList<>();
        for (ExporterTarget t : targets) {
            s.add(new TargetSupervisor(t, settings, events, clock));
        }
        this.supervisors = Collections.unmodifiableList(s);
    }

    /** Starts every supervisor (each connects on its own thread; this returns at once). */
    public Exporter start() {
        supervisors.forEach(TargetSupervisor::start);
        return this;
    }

    public List<TargetSupervisor> supervisors() {
        return supervisors;
    }

    /**
     * Every target's state as of {@code nowMillis}: up while its last tick is at most three
     * intervals old ({@link ExporterSettings#staleAfterMillis()}), whatever the supervisor last heard.
     */
    public List<TargetState> states(long nowMillis) {
        List<TargetState> out = new ArrayList<>(supervisors.size());
        for (TargetSupervisor s : supervisors) {
            TargetState t = s.state();
            boolean up = t.sampleAtEpochMillis().isPresent()
                    && nowMillis - t.sampleAtEpochMillis().getAsLong() <= settings.staleAfterMillis();
            out.add(up == t.up() ? t : t.withUp(up));
        }
        return out;
    }

    /** The exposition of every target now, in {@code format}. */
    public String render(MetricsFormat format) {
        long now = clock.getAsLong();
        return ExporterMetrics.render(states(now), version, now, format);
    }

    public String version() {
        return version;
    }

    public long now() {
        return clock.getAsLong();
    }

    /** Stops every supervisor: their streams and sessions closed. */
    @Override
    public void close() {
        // in parallel: each may wait a little for its thread, and a shutdown should not add those up
        List<Thread> closing = new ArrayList<>();
        for (TargetSupervisor s : supervisors) {
            Thread t = new Thread(s::close, "qatwb-exporter-close " + s.target().nas());
            t.start();
            closing.add(t);
        }
        for (Thread t : closing) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
