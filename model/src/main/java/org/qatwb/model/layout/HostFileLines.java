package org.qatwb.model.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.qatwb.model.conf.RawLine;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.etc.QatDefaults;
import org.qatwb.model.etc.VfBlacklist;
import org.qatwb.model.etc.VfBlacklistParser;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.Rule;
import org.qatwb.model.parse.Snippet;

/**
 * The last look at a compiled {@code /etc/default/qat} or VF blacklist before it may be written:
 * modprobe runs {@code install} commands as root and qat_service sources the defaults file as
 * bash, so one stray line in either is code run as root. Lines kept byte for byte from the NAS's
 * own file are the administrator's; every line the compiler adds or changes must have one of the
 * shapes the editors are meant to write, whatever the editors become. Independent of the editors
 * and of the layout's validation on purpose: it holds even when those let something through.
 */
public final class HostFileLines {

    private static final String FLAG = "(?:SRIOV_ENABLE|ENABLE_KAPI)";

    /**
     * QatDefaultsEditor's lines: an assignment of 0 or 1 (indented, exported, with the comment the
     * line had), and an assignment commented out to switch it off.
     */
    private static final Pattern DEFAULTS = Pattern.compile("[ \\t]*(?:export[ \\t]+)?" + FLAG + "=[01](?:[ \\t]+#.*)?[ \\t]*"
            + "|#[ \\t]*(?:export[ \\t]+)?" + FLAG + "=.*");

    /** VfBlacklistEditor's one line: {@code blacklist} and the VF driver module of a catalog model. */
    private static final Pattern BLACKLIST = Pattern.compile("blacklist (?:" + DeviceCatalog.vfModules().stream()
            .map(Pattern::quote).collect(Collectors.joining("|")) + ")");

    private HostFileLines() {
    }

    /**
     * One error finding ({@link Rule#LAYOUT_HOST_FILE_LINE}) per line of {@code after} that is not
     * in {@code before} and not of a shape the workbench writes to that file.
     *
     * @param path   {@link QatDefaults#PATH} or {@link VfBlacklist#PATH}
     * @param before the file as the NAS has it; empty when it does not exist
     * @param after  the compiled file
     */
    public static List<Finding> unintended(String path, Optional<String> before, String after) {
        Pattern allowed = switch (path) {
            case QatDefaults.PATH -> DEFAULTS;
            case VfBlacklist.PATH -> BLACKLIST;
            default -> throw new IllegalArgumentException(path + " is not a host file the layout compiler writes");
        };
        Map<String, Integer> kept = new HashMap<>();
        before.ifPresent(b -> RawLine.split(b).forEach(l -> kept.merge(l.text(), 1, Integer::sum)));
        List<Finding> out = new ArrayList<>();
        List<RawLine> lines = RawLine.split(after);
        for (RawLine l : lines) {
            // each line of the old file vouches for one copy of itself: a second copy is an added line
            if (kept.getOrDefault(l.text(), 0) > 0) {
                kept.merge(l.text(), -1, Integer::sum);
            } else if (!allowed.matcher(l.text()).matches() || allowed == BLACKLIST && continued(lines, l)) {
                out.add(new Finding(Rule.LAYOUT_HOST_FILE_LINE, l.number(), null, null, "line " + l.number() + " "
                        + Snippet.quote(l.text()) + " is not a line qatwb writes to " + path + " ("
                        + (allowed == DEFAULTS ? "SRIOV_ENABLE or ENABLE_KAPI set to 0 or 1, or commented out"
                        : "blacklist and a QAT VF driver module") + "); nothing is written: change the file by hand"));
            }
        }
        return out;
    }

    /**
     * Whether kmod reads this line as part of the one before (an unpaired backslash ends it). The
     * shell joins lines too, but there QatDefaultsEditor reads its result back as bash would, and
     * a flag line joined on still sets the flag.
     */
    private static boolean continued(List<RawLine> lines, RawLine l) {
        return l.number() > 1 && VfBlacklistParser.joinsNextLine(lines.get(l.number() - 2));
    }
}
