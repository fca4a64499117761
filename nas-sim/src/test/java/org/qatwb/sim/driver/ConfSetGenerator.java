package org.qatwb.sim.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random conf sets for {@link DriverDifferentialTest}: one PF and its VFs of one family, each a
 * conf file text with random services, profiles, kernel and user sections, counts, polling modes
 * and cores, mostly well-formed and now and then not (a missing key, a bad core, a wrong
 * ConfigVersion), as administrators write them.
 */
final class ConfSetGenerator {

    /** One generated host: a driver release, a family, and the files of its PF (first) and VFs. */
    record ConfSet(DriverRelease release, String pfType, List<String> files) {
        String describe() {
            StringBuilder out = new StringBuilder("release " + release + ", " + pfType + "\n");
            for (int i = 0; i < files.size(); i++) {
                out.append("--- ").append(i == 0 ? "PF" : "VF " + (i - 1)).append(" ---\n").append(files.get(i));
            }
            return out.toString();
        }
    }

    private static final String[] SERVICES = {"cy", "dc", "sym", "asym", "cy;dc", "dc;cy", "sym;dc", "dc;sym",
        "asym;dc", "dc;asym"};
    private static final String[] PROFILES = {"DEFAULT", "CRYPTO", "COMPRESSION", "CUSTOM1", "DEFAULT_C4XXX", "Crypto"};
    private static final String[] USER_SECTIONS = {"SSL", "SHIM", "Zeta", "alpha", "Kernel_QAT"};

    private final Random r;

    ConfSetGenerator(long seed) {
        this.r = new Random(seed);
    }

    ConfSet next() {
        DriverRelease release = pick(DriverRelease.R4_8, DriverRelease.R4_24, DriverRelease.R4_28);
        String pfType = release == DriverRelease.R4_8 ? pick("c6xx", "dh895xcc") : pick("c6xx", "dh895xcc", "c4xxx");
        List<String> files = new ArrayList<>();
        files.add(file(release, pfType, false));
        int vfs = r.nextInt(3);
        for (int i = 0; i < vfs; i++) {
            files.add(file(release, pfType, true));
        }
        return new ConfSet(release, pfType, files);
    }

    private String file(DriverRelease release, String pfType, boolean vf) {
        StringBuilder f = new StringBuilder();
        if (chance(98)) {
            f.append("[GENERAL]\n");
            if (chance(97)) {
                f.append("ServicesEnabled = ").append(chance(95) ? pick(SERVICES) : pick("cy;sym", "Dc", "cy; dc")).append('\n');
            }
            if (chance(97)) {
                f.append("ConfigVersion = ").append(chance(90) ? "2" : pick("2.0", "02", "3", "v2")).append('\n');
            }
            if (!vf && chance(25)) {
                f.append("ServicesProfile = ").append(pick(PROFILES)).append('\n');
            }
            if (chance(10)) {
                f.append(pick("PkeServiceDisabled = 1", "StorageEnabled = 0", "KptEnabled = 0")).append('\n');
            }
        }
        int cores = vf ? 3 : 6;
        int most = vf ? 3 : 6;
        List<String> sections = new ArrayList<>();
        if (chance(50)) {
            sections.add("KERNEL");
        }
        if (chance(85)) {
            sections.add("KERNEL_QAT");
        }
        int users = r.nextInt(vf ? 2 : 3);
        for (int i = 0; i < users; i++) {
            String u = pick(USER_SECTIONS);
            if (!sections.contains(u)) {
                sections.add(u);
            }
        }
        java.util.Collections.shuffle(sections, r);
        for (String s : sections) {
            boolean kernel = s.equals("KERNEL") || s.equals("KERNEL_QAT");
            f.append('[').append(s).append("]\n");
            if (!kernel) {
                f.append("NumProcesses = ").append(r.nextInt(4)).append('\n');
                f.append("LimitDevAccess = ").append(r.nextInt(2)).append('\n');
            }
            // one polling mode and core for most of a section, as administrators lay them out
            long polled = kernel ? pick(0L, 0L, 1L, 2L) : pick(1L, 1L, 2L, 0L);
            int core = r.nextInt(cores);
            for (String kind : new String[] {"Cy", "Dc"}) {
                int n = r.nextInt(most + 1);
                if (chance(97)) {
                    f.append("Number").append(kind).append("Instances = ").append(number(n)).append('\n');
                }
                for (int i = 0; i < n; i++) {
                    if (chance(99)) {
                        f.append(kind).append(i).append("Name = \"").append(s).append('_').append(kind).append(i).append("\"\n");
                    }
                    if (chance(99)) {
                        f.append(kind).append(i).append("IsPolled = ").append(number(chance(80) ? polled : r.nextInt(3)))
                                .append('\n');
                    }
                    if (chance(99)) {
                        f.append(kind).append(i).append("CoreAffinity = ").append(affinity(kernel, core, cores)).append('\n');
                    }
                }
            }
        }
        return decorate(f.toString());
    }

    /**
     * Blanks, tabs and comments where administrators leave them, which adf_ctl reads differently by
     * release (4.24/4.28 trim leading blanks and delete tabs, 4.8 does neither; both cut at '#'):
     * indented headers and keys, a tab around '=', comments on a line of their own (indented or
     * not) and after a header or a value.
     */
    private String decorate(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (chance(2)) {
                out.append(pick("# a comment", "  # indented", "\t# tabbed", "#[KERNEL_QAT]")).append('\n');
            }
            if (line.startsWith("[")) {
                if (chance(3)) {
                    line = pick("  ", "\t", " \t") + line;
                }
                if (chance(2)) {
                    line = line + pick(" # section", "\t# section");
                }
            } else {
                if (chance(2)) {
                    line = pick(" ", "\t") + line;
                }
                if (chance(2)) {
                    line = line.replaceFirst(" = ", pick("\t= ", " =\t", "\t=\t"));
                }
                if (chance(2)) {
                    line = line + pick(" # note", "\t# note", "# note");
                }
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** A number as administrators write it, now and then in a form only the driver's readers settle. */
    private String number(long n) {
        if (chance(92)) {
            return Long.toString(n);
        }
        return switch (r.nextInt(6)) {
            case 0 -> "0x" + Long.toHexString(n);
            case 1 -> "+" + n;
            case 2 -> "0" + n;
            case 3 -> "\"" + n + "\"";
            case 4 -> n + " # inline";
            default -> Long.toHexString(n + 10); // a, b, c: not decimal, but hex to kstrtoul
        };
    }

    private String affinity(boolean kernel, int core, int cores) {
        int roll = r.nextInt(100);
        if (roll < 70) {
            return Integer.toString(core);
        }
        if (roll < 85) {
            return Integer.toString(r.nextInt(cores));
        }
        if (roll < 97 || kernel) {
            int a = r.nextInt(cores);
            return roll % 2 == 0 ? a + "-" + (a + r.nextInt(3)) : a + "," + r.nextInt(cores);
        }
        return pick("x", "3-1", "");
    }

    private boolean chance(int percent) {
        return r.nextInt(100) < percent;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[r.nextInt(options.length)];
    }
}
