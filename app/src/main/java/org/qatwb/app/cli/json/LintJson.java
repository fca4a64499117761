package org.qatwb.app.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.Rule;

/** JSON of lint results and of the rule catalog, as CLI.md specifies. */
public final class LintJson {

    private LintJson() {
    }

    public static ObjectNode reports(List<FileReport> reports) {
        ObjectNode doc = JsonOut.object();
        ArrayNode files = doc.putArray("files");
        for (FileReport r : reports) {
            ObjectNode f = files.addObject();
            f.put("path", r.path());
            f.put("device", r.device().map(DeviceRef::driverType).orElse(null));
            findings(f.putArray("findings"), r.findings());
        }
        return doc;
    }

    public static void findings(ArrayNode into, List<Finding> findings) {
        for (Finding fd : findings) {
            finding(into.addObject(), fd);
        }
    }

    /** One finding's fields, as CLI.md fixes them. */
    public static ObjectNode finding(ObjectNode o, Finding fd) {
        o.put("rule", fd.rule().id());
        o.put("severity", fd.severity().id());
        o.put("line", fd.line());
        o.put("section", fd.section());
        o.put("key", fd.key());
        o.put("message", fd.message());
        return o;
    }

    public static ObjectNode catalog() {
        ObjectNode doc = JsonOut.object();
        ArrayNode rules = doc.putArray("rules");
        for (Rule r : Rule.values()) {
            ObjectNode o = rules.addObject();
            o.put("id", r.id());
            o.put("severity", r.severity().id());
            o.put("summary", r.summary());
            o.put("source", r.source().description());
            // the driver's or OpenZFS's file and function that decide, where the rule was read from them
            o.put("citation", r.where().isEmpty() ? null : r.where());
        }
        return doc;
    }
}
