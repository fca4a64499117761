package org.qatwb.app.viewmodel;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How the Benchmark page writes its figures. A figure that was not measured is {@link #NONE}, never 0
 * (BenchRun: "a figure that could not be measured is empty").
 */
public final class BenchFormat {

    /** Not measured. */
    public static final String NONE = "—";

    private BenchFormat() {
    }

    /** {@code 2 GiB}, {@code 512 MiB}, {@code 1.8 TiB}: binary units, as zfs and the CLI's {@code --size}. */
    public static String bytes(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return bytes + " bytes";
        }
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
    }

    /** About how long: {@code 45 s}, {@code 3 min 20 s}, {@code 1 h 5 min}. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        return (s / 3600) + " h" + (s % 3600 / 60 == 0 ? "" : " " + (s % 3600 / 60) + " min");
    }

    /** Three significant figures at most, no more than two decimals: 812, 81.2, 8.12, 0.81. */
    static String number(double v) {
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, f, v);
    }

    /** {@code 812 MiB/s}, or {@link #NONE}. */
    public static String mibps(OptionalDouble v) {
        return v.isPresent() ? number(v.getAsDouble()) + " MiB/s" : NONE;
    }

    static String cpuSeconds(OptionalDouble v) {
        return v.isPresent() ? number(v.getAsDouble()) + " s" : NONE;
    }

    /** A share of 0 to 1 as a percentage. */
    static String share(OptionalDouble v) {
        if (v.isEmpty()) {
            return NONE;
        }
        double p = v.getAsDouble() * 100;
        return String.format(Locale.ROOT, p >= 10 || p == 0 ? "%.0f %%" : "%.1f %%", p);
    }

    static String ratio(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.2f×", v.getAsDouble()) : NONE;
    }
}
