package org.qatwb.model.history;

import java.util.Locale;
import java.util.Objects;
import org.qatwb.model.kstat.QatService;

/**
 * A series computed from the QAT kstat counters ({@code /proc/spl/kstat/zfs/qat}). The catalogue's
 * instances are in {@link SeriesCatalog#kstat()}.
 *
 * @param service    the chart it belongs to
 * @param metric     what it measures
 * @param label      a short human name
 * @param derivation how it is computed from one sample's rates
 */
public record KstatSeries(QatService service, Metric metric, String label, Derivation derivation) implements Series {

    public KstatSeries {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(derivation, "derivation");
    }

    /** {@code <service>.<metric>}, e.g. {@code decompression.mb_out_per_s}. */
    @Override
    public String id() {
        return service.name().toLowerCase(Locale.ROOT) + "." + metric.id();
    }
}
