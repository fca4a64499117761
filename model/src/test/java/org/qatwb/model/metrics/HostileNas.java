package org.qatwb.model.metrics;

import java.util.Map;
import java.util.Optional;
import org.qatwb.model.snapshot.NasSnapshot;

/** A NAS that prints what it likes where names and versions go. */
final class HostileNas {

    /** Row names with quotes, backslashes, braces, non-ASCII, a control character, a lone surrogate, and a long one. */
    static final String KSTAT = NasOutputsKstat.WITH_HEADER
            + "comp_requests 4 5\n"
            + "a\"b 4 1\n"
            + "back\\slash 4 2\n"
            + "br{ace}=\"x\",y=\"z 4 3\n"
            + "ünïcödé_😀 4 4\n"
            + "bell\u0007 4 5\n"
            + "lone\uD800surrogate 4 6\n"
            + "x".repeat(200) + " 4 7\n"
            + "x".repeat(100) + " 4 8\n"
            + "text_row 7 hello\n";

    private HostileNas() {
    }

    static TargetState target(String name, long now) {
        Nas nas = Nas.c62x()
                .ok("kstat_qat", KSTAT)
                .ok("os_release", "PRETTY_NAME=\"Evil \\\"OS\\\" \\\\ \u001b[31m" + "y".repeat(100) + "\"\n")
                .ok("truenas_version", "")
                .ok("qat_service", "act\"ive\\\n");
        NasSnapshot s = nas.snapshot();
        return TargetState.starting(name).connected().withUp(true)
                .withSnapshot(s, 2_000_000, now - 1000, Optional.of(Nas.doctor(s)))
                .withSample(Nas.tick(1, "10.00 1.00\n", KSTAT, Map.of("qat_c6xx_0000:3d:00.0\"x", Nas.FW_TABLE), null), now);
    }
}
