package org.qatwb.app.cli.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.qatwb.model.layout.Device;
import org.qatwb.model.layout.DeviceConfig;
import org.qatwb.model.layout.DeviceInfo;
import org.qatwb.model.layout.DeviceKey;
import org.qatwb.model.layout.HostSettings;
import org.qatwb.model.layout.Instance;
import org.qatwb.model.layout.InstanceSection;
import org.qatwb.model.layout.Layout;
import org.qatwb.model.layout.Role;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.snapshot.CpuList;
import org.qatwb.model.snapshot.CpuTopology;

/**
 * Reads the JSON form of a layout (docs/layout-json.md) back into a {@link Layout}. Strict about
 * what it needs and about types, so that a hand-edited file fails with one line naming the place
 * ({@code $.devices[4].sections[0].dc[1].coreAffinity: ...}) instead of meaning something else.
 */
public final class LayoutJsonReader {

    private LayoutJsonReader() {
    }

    /** @throws IllegalArgumentException one line: where in the document, and what is wrong */
    public static Layout read(JsonNode doc) {
        At root = new At("$", doc);
        root.object();
        String format = root.field("format").text().orElse(null);
        if (!LayoutJson.FORMAT.equals(format)) {
            throw root.error("not a qatwb layout: \"format\" is " + (format == null ? "missing" : "'" + Snippet.excerpt(format)
                    + "'") + ", expected '" + LayoutJson.FORMAT + "'");
        }
        int version = root.field("version").wholeNumber().orElseThrow(() -> root.error("\"version\" is missing"));
        if (version != Layout.FORMAT_VERSION) {
            throw root.error("layout format version " + version + (version > Layout.FORMAT_VERSION
                    ? " is newer than this qatwb reads (" + Layout.FORMAT_VERSION + "): update qatwb"
                    : " is not one qatwb wrote (it reads version " + Layout.FORMAT_VERSION + ")"));
        }
        HostSettings host = host(root.field("host"));
        CpuTopology cpu = cpu(root.field("cpu"));
        List<Device> devices = new ArrayList<>();
        At list = root.field("devices");
        for (At d : list.elements()) {
            devices.add(device(d));
        }
        try {
            return new Layout(devices, host, cpu);
        } catch (IllegalArgumentException e) {
            throw list.error(e.getMessage());
        }
    }

    private static HostSettings host(At h) {
        h.object();
        List<String> blocked = new ArrayList<>();
        if (!h.field("blockedVfDrivers").isNull()) {
            for (At m : h.field("blockedVfDrivers").elements()) {
                blocked.add(m.text().orElseThrow(() -> m.error("expected a module name")));
            }
        }
        return new HostSettings(h.field("sriov").bool(), h.field("kapi").bool(), blocked);
    }

    private static CpuTopology cpu(At c) {
        if (c.isNull()) {
            return CpuTopology.unknown();
        }
        c.object();
        Map<Integer, CpuList> nodes = new TreeMap<>();
        At n = c.field("nodes");
        if (!n.isNull()) {
            n.object();
            for (Iterator<String> it = n.node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!name.matches("\\d{1,4}")) {
                    throw n.error("node '" + Snippet.excerpt(name) + "' is not a node number");
                }
                nodes.put(Integer.valueOf(name), cpus(n.field(name)).orElseThrow(() -> n.error("node " + name + ": no CPU list")));
            }
        }
        return new CpuTopology(cpus(c.field("online")), cpus(c.field("nodesOnline")), new TreeMap<>(nodes));
    }

    private static Optional<CpuList> cpus(At a) {
        Optional<String> t = a.text();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CpuList.parse(t.get()));
        } catch (ParseException e) {
            throw a.error(e.getMessage());
        }
    }

    private static Device device(At d) {
        d.object();
        DeviceKey key = key(d.field("id")).orElseThrow(() -> d.error("\"id\" is missing"));
        DeviceInfo info = new DeviceInfo(key, key(d.field("pf")), d.field("bsf").text(), d.field("node").wholeNumber(),
                d.field("state").text(), !d.field("confPresent").isNull() && d.field("confPresent").bool());
        List<InstanceSection> sections = new ArrayList<>();
        At list = d.field("sections");
        if (!list.isNull()) {
            for (At s : list.elements()) {
                sections.add(section(s));
            }
        }
        DeviceConfig config;
        try {
            config = new DeviceConfig(d.field("services").text().orElse(null), sections);
        } catch (IllegalArgumentException e) {
            throw list.error(e.getMessage());
        }
        Optional<String> role = d.field("role").text();
        if (role.isPresent()) {
            Role given = Role.byId(role.get()).orElseThrow(() -> d.field("role").error("role '" + Snippet.excerpt(role.get())
                    + "' is not zfs, user, unused or other"));
            if (given != config.role()) {
                throw d.field("role").error(key + " says role '" + given.id() + "' but its sections make it '"
                        + config.role().id() + "': move the instances (zfs: [KERNEL_QAT], user: a process section,"
                        + " unused: none) or correct the role");
            }
        }
        return new Device(info, config);
    }

    private static Optional<DeviceKey> key(At a) {
        Optional<String> id = a.text();
        try {
            return id.map(DeviceKey::parse);
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    private static InstanceSection section(At s) {
        s.object();
        String name = s.field("name").text().orElseThrow(() -> s.error("\"name\" is missing"));
        List<Instance> cy = instances(s.field("cy"));
        List<Instance> dc = instances(s.field("dc"));
        try {
            return new InstanceSection(name, cy, dc);
        } catch (IllegalArgumentException e) {
            throw s.error(e.getMessage());
        }
    }

    private static List<Instance> instances(At list) {
        List<Instance> out = new ArrayList<>();
        if (list.isNull()) {
            return out;
        }
        for (At i : list.elements()) {
            i.object();
            out.add(new Instance(i.field("name").text().orElse(null), value(i.field("isPolled")),
                    value(i.field("coreAffinity"))));
        }
        return out;
    }

    /** A conf value: a whole number, or a string kept as the file's text; null for an absent key. */
    private static String value(At a) {
        if (a.isNull()) {
            return null;
        }
        if (a.node.isTextual()) {
            return a.node.asText();
        }
        return Integer.toString(a.wholeNumber().orElseThrow());
    }

    /** A node of the document and the path that leads to it, for messages. */
    private record At(String path, JsonNode node) {

        boolean isNull() {
            return node == null || node.isNull() || node.isMissingNode();
        }

        void object() {
            if (node == null || !node.isObject()) {
                throw error("expected an object");
            }
        }

        At field(String name) {
            return new At(path + "." + name, node.get(name));
        }

        List<At> elements() {
            if (node == null || !node.isArray()) {
                throw error("expected a list");
            }
            List<At> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                out.add(new At(path + "[" + i + "]", node.get(i)));
            }
            return out;
        }

        Optional<String> text() {
            if (isNull()) {
                return Optional.empty();
            }
            if (!node.isTextual()) {
                throw error("expected a string, got " + kind());
            }
            return Optional.of(node.asText());
        }

        boolean bool() {
            if (node == null || !node.isBoolean()) {
                throw error("expected true or false, got " + kind());
            }
            return node.asBoolean();
        }

        OptionalInt wholeNumber() {
            if (isNull()) {
                return OptionalInt.empty();
            }
            if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 0) {
                throw error("expected a whole number of 0 or more, got " + kind());
            }
            return OptionalInt.of(node.asInt());
        }

        private String kind() {
            return isNull() ? "nothing" : node.isTextual() ? "'" + Snippet.excerpt(node.asText()) + "'"
                    : Snippet.excerpt(node.toString());
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(path + ": " + Snippet.oneLine(message));
        }
    }
}
