package org.qatwb.app.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.qatwb.model.doctor.CheckResult;
import org.qatwb.model.doctor.CheckStatus;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.doctor.Fix;
import org.qatwb.model.zfs.ZfsParam;

/**
 * {@code qatwb doctor}: {@code {"checks": [{"id", "status", "message", "fix", ...}]}} as CLI.md fixes
 * it; {@code fix} is one line (null when nothing is to be done), {@code fixes} the same as data.
 */
public final class DoctorJson {

    private DoctorJson() {
    }

    public static ObjectNode report(DoctorReport report) {
        ObjectNode doc = JsonOut.object();
        ArrayNode checks = doc.putArray("checks");
        for (CheckResult r : report.results()) {
            ObjectNode o = checks.addObject();
            o.put("id", r.id());
            o.put("status", r.status().wire());
            o.put("message", r.message());
            o.put("fix", r.fixSummary().orElse(null));
            o.put("fixKind", r.fixes().isEmpty() ? null : r.fixes().get(0).kind());
            if (r.check().link().number().isPresent()) {
                o.put("link", r.check().link().number().getAsInt());
            } else {
                o.putNull("link");
            }
            o.put("linkTitle", r.check().link().title());
            o.put("source", r.check().source().description());
            ArrayNode details = o.putArray("details");
            r.details().forEach(details::add);
            ArrayNode fixes = o.putArray("fixes");
            r.fixes().forEach(f -> fixes.add(fix(f)));
        }
        ObjectNode counts = doc.putObject("counts");
        report.counts().forEach((s, n) -> counts.put(s.wire(), n));
        doc.put("failed", report.failed());
        return doc;
    }

    /** One fix as data, by kind: what the workbench or a script needs to apply it. */
    static ObjectNode fix(Fix f) {
        ObjectNode o = JsonOut.object();
        o.put("kind", f.kind());
        o.put("summary", f.summary());
        if (f instanceof Fix.ParamFix p) {
            o.put("param", p.param().shortName());
            o.put("file", "/sys/module/zfs/parameters/" + p.param().sysfsName());
            o.put("value", p.value());
        } else if (f instanceof Fix.FileFix file) {
            o.put("path", file.path());
            o.put("change", file.change());
            o.put("diff", file.diff());
            o.put("newText", file.newText());
            o.put("charset", file.charset().name());
        } else if (f instanceof Fix.PersistFix persist) {
            ArrayNode keep = o.putArray("keep");
            persist.plan().keep().stream().map(ZfsParam::shortName).forEach(keep::add);
            o.put("target", persist.plan().target().wire());
            o.put("action", persist.plan().action().name().toLowerCase(Locale.ROOT));
            o.put("diff", persist.plan().diff());
            ArrayNode steps = o.putArray("steps");
            persist.plan().steps().forEach(steps::add);
        } else if (f instanceof Fix.CommandFix command) {
            ArrayNode commands = o.putArray("commands");
            command.commands().forEach(commands::add);
            o.put("why", command.why());
        }
        return o;
    }

    /** The word stderr shows for a status: failures and warnings stand out. */
    public static String label(CheckStatus s) {
        return s == CheckStatus.FAIL || s == CheckStatus.WARN ? s.wire().toUpperCase(Locale.ROOT) : s.wire();
    }
}
