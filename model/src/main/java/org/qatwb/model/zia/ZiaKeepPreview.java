package org.qatwb.model.zia;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.text.UnifiedDiff;

/**
 * What "Keep these settings" writes, shown before anything is: the kept file's diff as its
 * {@code POOL PROPERTY VALUE} lines (the agent writes them under its own two comment lines), the
 * files written with it and the commands run, as qatwb-agent-keep.sh {@code zia_keep} does them.
 *
 * @param plan    the keep, not refused
 * @param diff    unified diff of the kept settings ({@link ZiaKept#PATH}); "" when they do not change
 * @param files   every file written, the kept settings first
 * @param steps   the commands run after the files are written
 * @param caution set when lines of the kept file are not as qatwb writes them: the agent drops them
 */
public record ZiaKeepPreview(ZiaKeepPlan plan, String diff, List<String> files, List<String> steps,
                             Optional<String> caution) {

    /** Where the agent writes the boot unit (qatwb-agent-keep.sh {@code zia_keep}: {@code /etc/systemd/system}). */
    public static final String UNIT_PATH = "/etc/systemd/system/" + ZiaHooks.UNIT;

    public ZiaKeepPreview {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(diff, "diff");
        files = List.copyOf(files);
        steps = List.copyOf(steps);
        Objects.requireNonNull(caution, "caution");
        if (plan.refusal().isPresent()) {
            throw new IllegalArgumentException("a refused keep writes nothing: " + plan.refusal().get());
        }
    }

    /** The preview of {@code plan} against what the NAS keeps now ({@code host}, from the same snapshot). */
    public static ZiaKeepPreview of(ZiaHost host, ZiaKeepPlan plan) {
        String diff = UnifiedDiff.of(ZiaKept.PATH, ZiaKept.PATH, lines(host.kept()), lines(plan.after()));
        List<String> files = List.of(ZiaKept.PATH, ZiaHooks.SCRIPT, ZiaHooks.ZEDLET, UNIT_PATH);
        List<String> steps = List.of("systemctl daemon-reload", "systemctl enable " + ZiaHooks.UNIT
                + " (where systemctl is found; elsewhere ZED alone sets them again after each import)");
        List<String> cautions = new ArrayList<>(host.kept().warnings());
        Optional<String> caution = cautions.isEmpty() ? Optional.empty() : Optional.of(ZiaKept.PATH
                + " has lines qatwb does not write (edited by hand?), which keeping drops: " + String.join("; ", cautions));
        return new ZiaKeepPreview(plan, diff, files, steps, caution);
    }

    /** The settings as the kept file's lines, without the agent's comment lines. */
    static String lines(ZiaKept kept) {
        StringBuilder out = new StringBuilder();
        kept.settings().forEach(c -> out.append(c.pool()).append(' ').append(c.property().wire()).append(' ')
                .append(c.value()).append('\n'));
        return out.toString();
    }
}
