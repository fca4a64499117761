package org.qatwb.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.qatwb.model.kstat.KstatEntry;
import org.qatwb.model.kstat.NamedKstat;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.snapshot.StreamSample;

/**
 * Whatever names a NAS gives its kstat rows and debugfs directories, and whatever a target is
 * called, every line stays a line of the grammar ({@link Exposed} is strict) and no two series
 * share name and labels, in both formats.
 */
class ExpositionPropertiesTest {

    private static final long NOW = 1_765_000_000_000L;

    @Provide
    Arbitrary<String> hostile() {
        // any UTF-16 unit, lone surrogates and control characters included, and the format's own specials
        Arbitrary<Character> chars = Arbitraries.oneOf(Arbitraries.chars(), Arbitraries.of('"', '\\', '\n', '{', '}',
                ',', '=', ' ', '\uD800', '\uDC00', '\u0000', '\u007f', '\u0085', 'x'));
        return chars.list().ofMinSize(1).ofMaxSize(80).map(l -> {
            StringBuilder b = new StringBuilder();
            l.forEach(b::append);
            return b.toString();
        });
    }

    @Property(tries = 300)
    void anyNamesKeepTheGrammarAndTheSeriesDistinct(@ForAll("hostile") String nas,
                                                    @ForAll("rows") List<String> rows,
                                                    @ForAll("rows") List<String> dirs) {
        List<KstatEntry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            entries.add(new KstatEntry(rows.get(i), 4, Integer.toString(i), 0));
        }
        Map<String, String> fw = new LinkedHashMap<>();
        dirs.forEach(d -> fw.put(d, Nas.FW_TABLE));
        StreamSample s = new StreamSample(1, OptionalLong.of(1_000_000_000L),
                Optional.of(QatKstat.of(new NamedKstat(Optional.empty(), entries, List.of()))), fw, List.of());
        TargetState t = TargetState.starting(nas.isBlank() ? "x" + nas : nas).withSample(s, NOW);
        TargetState other = TargetState.starting("plain").withSample(s, NOW);
        for (MetricsFormat f : MetricsFormat.values()) {
            // a second target of the same name too: the exporter refuses such a configuration, the text stays valid
            String text = ExporterMetrics.render(List.of(t, other, t), "v\"1\n", NOW, f);
            Exposed e = new Exposed(text); // fails on a line off the grammar or a series twice
            if (f == MetricsFormat.OPENMETRICS) {
                OpenMetricsConformanceTest.assertConforms(text);
            }
            // every other row is served or counted as dropped, none lost silently
            long served = e.series("qatwb_zfs_qat_kstat_row").stream().filter(k -> k.contains("{nas=\"plain\",")).count();
            long dropped = Long.parseLong(e.value("qatwb_zfs_qat_kstat_rows_dropped{nas=\"plain\"}"));
            assertEquals(s.kstat().orElseThrow().unknown().size(), served + dropped);
        }
    }

    @Provide
    Arbitrary<List<String>> rows() {
        return hostile().list().ofMaxSize(12);
    }
}
