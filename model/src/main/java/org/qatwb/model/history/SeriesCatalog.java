package org.qatwb.model.history;

import static org.qatwb.model.kstat.QatCounter.CKSUM_FAILS;
import static org.qatwb.model.kstat.QatCounter.CKSUM_REQUESTS;
import static org.qatwb.model.kstat.QatCounter.CKSUM_TOTAL_IN_BYTES;
import static org.qatwb.model.kstat.QatCounter.COMP_REQUESTS;
import static org.qatwb.model.kstat.QatCounter.COMP_TOTAL_IN_BYTES;
import static org.qatwb.model.kstat.QatCounter.COMP_TOTAL_OUT_BYTES;
import static org.qatwb.model.kstat.QatCounter.CRYPT_FAILS;
import static org.qatwb.model.kstat.QatCounter.DC_FAILS;
import static org.qatwb.model.kstat.QatCounter.DECOMP_REQUESTS;
import static org.qatwb.model.kstat.QatCounter.DECOMP_TOTAL_IN_BYTES;
import static org.qatwb.model.kstat.QatCounter.DECOMP_TOTAL_OUT_BYTES;
import static org.qatwb.model.kstat.QatCounter.DECRYPT_REQUESTS;
import static org.qatwb.model.kstat.QatCounter.DECRYPT_TOTAL_IN_BYTES;
import static org.qatwb.model.kstat.QatCounter.DECRYPT_TOTAL_OUT_BYTES;
import static org.qatwb.model.kstat.QatCounter.ENCRYPT_REQUESTS;
import static org.qatwb.model.kstat.QatCounter.ENCRYPT_TOTAL_IN_BYTES;
import static org.qatwb.model.kstat.QatCounter.ENCRYPT_TOTAL_OUT_BYTES;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatService;

/**
 * The series the offload charts can show. Per service, in this order: requests/s, MB/s in,
 * MB/s out (checksum has no out counter), the compression ratio (compression and decompression
 * only) and fails/s. Firmware series ({@link FirmwareSeries}) are made per device as devices show
 * up, and {@link KstatRowSeries} per other kstat row (a fork's) as rows show up. Ids are a public interface (CSV column names): never rename one.
 *
 * <p>ZFS keeps one failure counter per service pair ({@code dc_fails}, {@code crypt_fails}), so
 * both directions' charts show the same fails/s, and their labels say so.
 */
public final class SeriesCatalog {

    private static final double MB = 1e6;

    private static final List<KstatSeries> KSTAT = List.copyOf(build());

    private SeriesCatalog() {
    }

    /** Every kstat series, in chart order. */
    public static List<KstatSeries> kstat() {
        return KSTAT;
    }

    /** The series of one service and metric, if the counters give it. */
    public static Optional<KstatSeries> kstat(QatService service, Metric metric) {
        return KSTAT.stream().filter(s -> s.service() == service && s.metric() == metric).findFirst();
    }

    /**
     * The series with this id: a kstat series, a firmware series {@code fw.<device>.requests_per_s},
     * or another kstat row's {@code row.<name>.per_s}.
     */
    public static Optional<Series> byId(String id) {
        for (KstatSeries s : KSTAT) {
            if (s.id().equals(id)) return Optional.of(s);
        }
        String rowSuffix = "." + Metric.ROW_PER_S.id();
        if (id.startsWith(KstatRowSeries.ID_PREFIX) && id.endsWith(rowSuffix)
                && id.length() > KstatRowSeries.ID_PREFIX.length() + rowSuffix.length()) {
            return Optional.of(new KstatRowSeries(id.substring(KstatRowSeries.ID_PREFIX.length(), id.length() - rowSuffix.length())));
        }
        String suffix = "." + Metric.REQUESTS_PER_S.id();
        if (id.startsWith(FirmwareSeries.ID_PREFIX) && id.endsWith(suffix)
                && id.length() > FirmwareSeries.ID_PREFIX.length() + suffix.length()) {
            return Optional.of(new FirmwareSeries(id.substring(FirmwareSeries.ID_PREFIX.length(), id.length() - suffix.length())));
        }
        return Optional.empty();
    }

    private static List<KstatSeries> build() {
        List<KstatSeries> all = new ArrayList<>();
        String dcShared = " (dc_fails: compression and decompression together)";
        String cryptShared = " (crypt_fails: encryption and decryption together)";
        service(all, QatService.COMPRESSION, COMP_REQUESTS, COMP_TOTAL_IN_BYTES, COMP_TOTAL_OUT_BYTES,
                new Derivation.Ratio(COMP_TOTAL_IN_BYTES, COMP_TOTAL_OUT_BYTES), "bytes in / bytes out", DC_FAILS, dcShared);
        service(all, QatService.DECOMPRESSION, DECOMP_REQUESTS, DECOMP_TOTAL_IN_BYTES, DECOMP_TOTAL_OUT_BYTES,
                new Derivation.Ratio(DECOMP_TOTAL_OUT_BYTES, DECOMP_TOTAL_IN_BYTES), "bytes out / bytes in", DC_FAILS, dcShared);
        service(all, QatService.ENCRYPTION, ENCRYPT_REQUESTS, ENCRYPT_TOTAL_IN_BYTES, ENCRYPT_TOTAL_OUT_BYTES,
                null, null, CRYPT_FAILS, cryptShared);
        service(all, QatService.DECRYPTION, DECRYPT_REQUESTS, DECRYPT_TOTAL_IN_BYTES, DECRYPT_TOTAL_OUT_BYTES,
                null, null, CRYPT_FAILS, cryptShared);
        service(all, QatService.CHECKSUM, CKSUM_REQUESTS, CKSUM_TOTAL_IN_BYTES, null, null, null, CKSUM_FAILS, "");
        return all;
    }

    /** One service's series; {@code out} and {@code ratio} are null where the counters have none. */
    private static void service(List<KstatSeries> all, QatService s, QatCounter requests, QatCounter in, QatCounter out,
                                Derivation.Ratio ratio, String ratioNote, QatCounter fails, String failsNote) {
        String name = s.label();
        all.add(new KstatSeries(s, Metric.REQUESTS_PER_S, name + " requests/s", new Derivation.Rate(requests, 1)));
        all.add(new KstatSeries(s, Metric.MB_IN_PER_S, name + " MB/s in", new Derivation.Rate(in, 1 / MB)));
        if (out != null) {
            all.add(new KstatSeries(s, Metric.MB_OUT_PER_S, name + " MB/s out", new Derivation.Rate(out, 1 / MB)));
        }
        if (ratio != null) {
            all.add(new KstatSeries(s, Metric.RATIO, name + " ratio (" + ratioNote + ")", ratio));
        }
        all.add(new KstatSeries(s, Metric.FAILS_PER_S, name + " fails/s" + failsNote, new Derivation.Rate(fails, 1)));
    }
}
