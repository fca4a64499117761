package org.qatwb.model.snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.etc.VfBlacklistParser;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.zfs.ZfsParam;

/**
 * A ZFS QAT parameter given a value at module load: an {@code options zfs zfs_qat_..._disable=V} line
 * of a modprobe.d file, or {@code zfs.zfs_qat_..._disable=V} on the kernel command line, which kmod
 * also passes to the module when it loads it (libkmod-config.c, kmod_config_parse_kcmdline).
 * OpenZFS's {@code qat_init} (module/os/linux/zfs/qat.c) only ever sets a parameter to 1, and only
 * when its QAT init fails; a 1 given here stays 1 whatever the init does.
 *
 * @param param which parameter
 * @param value the value as written ({@code 1})
 * @param where where it is written: {@code /etc/modprobe.d/zfs.conf line 3}, or the kernel command line
 */
public record ZfsParamSetting(ZfsParam param, String value, String where) {

    /** Where the kernel command line is read. */
    public static final String CMDLINE = "the kernel command line (/proc/cmdline)";

    /** Settings kept at most: more are no NAS's configuration. */
    static final int MAX_SETTINGS = 64;

    public ZfsParamSetting {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(where, "where");
    }

    /** Whether the value turns that offload off (any value but 0 does: param_set_int reads an int). */
    public boolean disables() {
        return !value.equals("0");
    }

    /** One line: {@code zfs_qat_compress_disable=1 in /etc/modprobe.d/zfs.conf line 3}. */
    public String describe() {
        return param.sysfsName() + "=" + Snippet.excerpt(value) + " in " + where;
    }

    /**
     * The settings in modprobe.d files (path to text, in the directory order kmod reads: a file in
     * /etc/modprobe.d hides one of the same name further down; the rest are read in file-name order)
     * and on the kernel command line, in the order kmod applies them.
     */
    public static List<ZfsParamSetting> read(Map<String, String> modprobeFiles, Optional<String> cmdline) {
        Map<String, String> byName = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        modprobeFiles.forEach((path, text) -> {
            String base = path.substring(path.lastIndexOf('/') + 1);
            if (!byName.containsKey(base)) {
                byName.put(base, text);
                paths.put(base, path);
            }
        });
        List<ZfsParamSetting> settings = new ArrayList<>();
        byName.keySet().stream().sorted().forEach(base -> {
            for (VfBlacklistParser.LogicalLine l : VfBlacklistParser.logicalLines(byName.get(base))) {
                if (l.text().isEmpty() || l.text().charAt(0) == '#') {
                    continue;
                }
                List<String> words = Arrays.stream(l.text().split("[ \t]+")).filter(w -> !w.isEmpty()).toList();
                if (words.size() > 2 && words.get(0).equals("options")
                        && VfBlacklistParser.underscores(words.get(1)).equals("zfs")) {
                    words.subList(2, words.size()).forEach(w -> setting(w, paths.get(base) + " line " + l.number())
                            .ifPresent(settings::add));
                }
            }
        });
        cmdline.ifPresent(c -> Arrays.stream(c.split("\\s+")).filter(w -> w.startsWith("zfs."))
                .forEach(w -> setting(w.substring(4), CMDLINE).ifPresent(settings::add)));
        return settings.size() > MAX_SETTINGS ? List.copyOf(settings.subList(0, MAX_SETTINGS)) : List.copyOf(settings);
    }

    /** {@code NAME=VALUE} for one of the three parameters; the kernel reads '-' and '_' in names alike. */
    private static Optional<ZfsParamSetting> setting(String word, String where) {
        int eq = word.indexOf('=');
        if (eq < 0) {
            return Optional.empty();
        }
        String value = word.substring(eq + 1);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        String v = value;
        return ZfsParam.bySysfsName(word.substring(0, eq).replace('-', '_')).map(p -> new ZfsParamSetting(p, v, where));
    }
}
