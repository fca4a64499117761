package org.qatwb.app.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.qatwb.model.adf.AdfStatus;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.etc.BlacklistEntry;
import org.qatwb.model.etc.QatDefaults;
import org.qatwb.model.etc.ShellAssignment;
import org.qatwb.model.etc.VfBlacklist;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.kstat.KstatEntry;
import org.qatwb.model.kstat.KstatHeader;
import org.qatwb.model.kstat.NamedKstat;

/** JSON of parsed captures, field names as CLI.md fixes them. */
public final class ParseJson {

    private ParseJson() {
    }

    public static ObjectNode adfStatus(AdfStatus status) {
        ObjectNode doc = JsonOut.object();
        devices(doc.putArray("devices"), status.devices());
        if (status.declaredCount().isPresent()) {
            doc.put("declaredCount", status.declaredCount().getAsInt());
        } else {
            doc.putNull("declaredCount");
        }
        warnings(doc, status.warnings());
        return doc;
    }

    /** The device objects of {@code parse adf-status}, shared with the snapshot's. */
    public static void devices(ArrayNode into, List<QatDevice> devices) {
        for (QatDevice d : devices) {
            ObjectNode o = into.addObject();
            o.put("name", d.name());
            o.put("type", d.type());
            o.put("vf", d.vf());
            o.put("instId", d.instId());
            o.put("nodeId", d.nodeId());
            o.put("bsf", d.bsf());
            o.put("accel", d.accel());
            o.put("engines", d.engines());
            o.put("state", d.state().name().toLowerCase(java.util.Locale.ROOT));
            o.put("conf", d.confPath());
        }
    }

    public static ObjectNode kstat(NamedKstat kstat) {
        ObjectNode doc = JsonOut.object();
        doc.set("counters", counters(kstat));
        doc.set("otherRows", otherRows(kstat));
        if (kstat.header().isPresent()) {
            KstatHeader h = kstat.header().get();
            ObjectNode o = doc.putObject("header");
            o.put("kid", h.kid());
            o.put("type", h.type());
            o.put("flags", h.flags());
            o.put("ndata", h.ndata());
            o.put("datasize", h.datasize());
            o.put("crtime", h.crtime());
            o.put("snaptime", h.snaptime());
        } else {
            doc.putNull("header");
        }
        warnings(doc, kstat.warnings());
        return doc;
    }

    /**
     * Every row holding an unsigned 64-bit value (all of them in the QAT kstat), in file order, the
     * number exact; for a repeated name the first row, which the parser's warning names.
     */
    public static ObjectNode counters(NamedKstat kstat) {
        ObjectNode counters = JsonOut.object();
        for (KstatEntry e : kstat.entries()) {
            if (isCounter(e) && !counters.has(e.name())) {
                counters.put(e.name(), e.asBigInteger());
            }
        }
        return counters;
    }

    /** The rows other kstats may have that are not counters: negative numbers and text. */
    static ObjectNode otherRows(NamedKstat kstat) {
        ObjectNode other = JsonOut.object();
        for (KstatEntry e : kstat.entries()) {
            if (!isCounter(e) && !other.has(e.name())) {
                if (e.numeric()) {
                    other.put(e.name(), e.asBigInteger());
                } else {
                    other.put(e.name(), e.value());
                }
            }
        }
        return other;
    }

    private static boolean isCounter(KstatEntry e) {
        return e.numeric() && e.asBigInteger().signum() >= 0;
    }

    public static ObjectNode qatDefaults(QatDefaults d) {
        ObjectNode doc = JsonOut.object();
        doc.put("sriovEnabled", d.sriovEnabled());
        doc.put("kapiEnabled", d.kapiEnabled());
        ObjectNode vars = doc.putObject("variables");
        d.active().forEach((name, a) -> vars.put(name, a.value()));
        ArrayNode commented = doc.putArray("commented");
        for (ShellAssignment a : d.commented()) {
            commented.addObject().put("name", a.name()).put("value", a.value()).put("line", a.line());
        }
        warnings(doc, d.warnings());
        return doc;
    }

    public static ObjectNode blacklist(VfBlacklist b) {
        ObjectNode doc = JsonOut.object();
        ArrayNode blocked = doc.putArray("blocked");
        for (BlacklistEntry e : b.entries()) {
            ObjectNode o = blocked.addObject();
            o.put("module", e.module());
            o.put("directive", e.directive());
            o.put("line", e.line());
            o.put("device", DeviceCatalog.byVfModule(e.module()).map(DeviceModel::type).orElse(null));
        }
        warnings(doc, b.warnings());
        return doc;
    }

    private static void warnings(ObjectNode doc, List<String> warnings) {
        ArrayNode w = doc.putArray("warnings");
        warnings.forEach(w::add);
    }
}
