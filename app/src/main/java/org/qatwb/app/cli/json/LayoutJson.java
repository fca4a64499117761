package org.qatwb.app.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.layout.CompiledFile;
import org.qatwb.model.layout.Compilation;
import org.qatwb.model.layout.Device;
import org.qatwb.model.layout.DeviceInfo;
import org.qatwb.model.layout.ElementRef;
import org.qatwb.model.layout.Instance;
import org.qatwb.model.layout.InstanceSection;
import org.qatwb.model.layout.Layout;
import org.qatwb.model.layout.LayoutFinding;
import org.qatwb.model.lint.DeviceSetLinter;

/**
 * The JSON form of a layout (docs/layout-json.md), and of a compiled layout ({@code apply --dry-run}).
 * Built as explicit trees: the field names are a file format, never a Java name.
 */
public final class LayoutJson {

    /** The value of {@code format}, so that a layout file says what it is. */
    public static final String FORMAT = "qatwb-layout";

    private LayoutJson() {
    }

    public static ObjectNode layout(Layout l) {
        ObjectNode doc = JsonOut.object();
        doc.put("format", FORMAT);
        doc.put("version", Layout.FORMAT_VERSION);
        ObjectNode host = doc.putObject("host");
        host.put("sriov", l.host().sriov());
        host.put("kapi", l.host().kapi());
        ArrayNode blocked = host.putArray("blockedVfDrivers");
        l.host().blockedVfDrivers().forEach(blocked::add);
        ObjectNode cpu = doc.putObject("cpu");
        cpu.put("online", l.cpu().online().map(Object::toString).orElse(null));
        cpu.put("nodesOnline", l.cpu().nodesOnline().map(Object::toString).orElse(null));
        ObjectNode nodes = cpu.putObject("nodes");
        l.cpu().nodes().forEach((n, cores) -> nodes.put(Integer.toString(n), cores.toString()));
        ObjectNode zfs = doc.putObject("zfsInstances");
        zfs.put("cy", l.kernelInstances(InstanceKind.CY));
        zfs.put("dc", l.kernelInstances(InstanceKind.DC));
        zfs.put("cap", DeviceSetLinter.ZFS_INSTANCE_CAP);
        ArrayNode devices = doc.putArray("devices");
        for (Device d : l.devices()) {
            device(devices.addObject(), d);
        }
        return doc;
    }

    private static void device(ObjectNode o, Device d) {
        DeviceInfo i = d.info();
        o.put("id", d.key().id());
        o.put("type", d.key().type());
        o.put("vf", d.vf());
        o.put("instId", d.key().instId());
        o.put("pf", i.pf().map(k -> k.id()).orElse(null));
        o.put("bsf", i.bsf().orElse(null));
        SnapshotJson.putOrNull(o, "node", i.node());
        o.put("state", i.state().orElse(null));
        o.put("conf", d.key().confPath());
        o.put("confPresent", i.confPresent());
        o.put("role", d.role().id());
        o.put("services", d.config().services());
        ArrayNode sections = o.putArray("sections");
        for (InstanceSection s : d.config().sections()) {
            ObjectNode so = sections.addObject();
            so.put("name", s.name());
            instances(so.putArray("cy"), s.cy());
            instances(so.putArray("dc"), s.dc());
        }
    }

    private static void instances(ArrayNode into, List<Instance> instances) {
        for (Instance i : instances) {
            ObjectNode o = into.addObject();
            o.put("name", i.name());
            value(o, "isPolled", i.isPolled());
            value(o, "coreAffinity", i.coreAffinity());
        }
    }

    /** A plain decimal value as a JSON number, anything else the file holds as a string, an absent key as null. */
    private static void value(ObjectNode o, String name, String v) {
        if (v != null && v.matches("0|[1-9][0-9]{0,8}")) {
            o.put(name, Integer.parseInt(v));
        } else {
            o.put(name, v);
        }
    }

    /** {@code apply --dry-run}: CLI.md's diff and findings, plus the files and whether the layout may be applied. */
    public static ObjectNode compilation(Compilation c) {
        ObjectNode doc = JsonOut.object();
        doc.put("diff", c.diff());
        findings(doc.putArray("findings"), c.findings());
        ArrayNode files = doc.putArray("files");
        for (CompiledFile f : c.files()) {
            ObjectNode o = files.addObject();
            o.put("path", f.path());
            o.put("new", f.isNew());
        }
        doc.put("applicable", c.applicable());
        return doc;
    }

    public static void findings(ArrayNode into, List<LayoutFinding> findings) {
        for (LayoutFinding f : findings) {
            ObjectNode o = into.addObject();
            o.put("path", f.path());
            LintJson.finding(o, f.finding());
            element(o.putObject("element"), f.element());
        }
    }

    /**
     * What the finding is about: {@code {"device"}}, {@code {"device","section","kind","index"}} or {@code {"host"}},
     * each with {@code "id"}, the element's one-string name ({@link ElementRef#format()}: {@code "c6xxvf_dev0 [KERNEL_QAT] Cy0"}).
     */
    static void element(ObjectNode o, ElementRef e) {
        o.put("id", e.format());
        if (e instanceof ElementRef.OfDevice d) {
            o.put("device", d.device().id());
        } else if (e instanceof ElementRef.OfInstance i) {
            o.put("device", i.instance().device().id());
            o.put("section", i.instance().section());
            o.put("kind", i.instance().kind().prefix().toLowerCase(Locale.ROOT));
            o.put("index", i.instance().index());
        } else if (e instanceof ElementRef.OfHost h) {
            o.put("host", h.setting().id());
        }
    }
}
