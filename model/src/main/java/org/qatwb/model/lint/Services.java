package org.qatwb.model.lint;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code ServicesEnabled} values and what they switch on. */
public final class Services {

    /** The values each {@code ServicesProfile} permits; DEFAULT and CUSTOM1 do not narrow the set. */
    static final Map<String, Set<String>> PROFILE_LIMITS = Map.of(
            "CRYPTO", Set.of("cy", "sym", "asym"),
            "COMPRESSION", Set.of("dc", "sym", "sym;dc", "dc;sym"));

    static final Set<String> PROFILES = Set.of("DEFAULT", "CRYPTO", "COMPRESSION", "CUSTOM1");

    /** The profile c4xxx always uses, whatever its file says; the other devices have no firmware for it. */
    static final String DEFAULT_C4XXX = "DEFAULT_C4XXX";
    static final String C4XXX = "c4xxx";

    private Services() {
    }

    /** The basic services a value enables: {@code cy} is {@code sym} plus {@code asym}. */
    public static Set<String> expand(String servicesEnabled) {
        Set<String> out = new TreeSet<>();
        for (String s : servicesEnabled.split(";", -1)) {
            if (s.equals("cy")) {
                out.add("sym");
                out.add("asym");
            } else if (s.equals("dcc")) {
                out.add("dc");
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** Whether Cy instances may exist: cy, sym or asym is enabled. */
    public static boolean allowsCy(String servicesEnabled) {
        Set<String> s = expand(servicesEnabled);
        return s.contains("sym") || s.contains("asym");
    }

    /** Whether Dc instances may exist: dc is enabled. */
    public static boolean allowsDc(String servicesEnabled) {
        return expand(servicesEnabled).contains("dc");
    }

    /** The same set of services regardless of order ({@code dc;sym} and {@code sym;dc}). */
    public static String canonical(String servicesEnabled) {
        String[] parts = servicesEnabled.split(";", -1);
        Arrays.sort(parts);
        return String.join(";", parts);
    }
}
