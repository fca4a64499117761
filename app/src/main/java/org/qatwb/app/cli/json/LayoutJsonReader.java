package org.qatwb.app.cli.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.qatwb.app.json.BoundedJson;
import org.qatwb.model.cpu.CpuList;
import org.qatwb.model.cpu.CpuTopology;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.layout.Device;
import org.qatwb.model.layout.DeviceConfig;
import org.qatwb.model.layout.DeviceConfigs;
import org.qatwb.model.layout.DeviceInfo;
import org.qatwb.model.layout.DeviceKey;
import org.qatwb.model.layout.HostSettings;
import org.qatwb.model.layout.Instance;
import org.qatwb.model.layout.InstanceSection;
import org.qatwb.model.layout.Layout;
import org.qatwb.model.layout.Role;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * Reads the JSON form of a layout (docs/layout-json.md) back into a {@link Layout}. Strict about
 * what it needs and about types, so that a hand-edited file fails with one line naming the place
 * ({@code $.devices[4].sections[0].dc[1].coreAffinity: ...}) instead of meaning something else.
 *
 * <p>A layout file may come from anyone, so every field is bounded (docs/layout-json.md,
 * "Limits"): its length and characters, the sizes of its lists, and the document itself (its
 * size, nesting, string and number lengths, checked by Jackson while it reads, before any tree
 * is built). Values are still judged by the compiler's findings; the bounds only keep out what no
 * NAS could have written.
 */
public final class LayoutJsonReader {

    /** The largest layout file read: a host with a thousand VFs writes well under 1 MiB. */
    public static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
    /** A layout nests seven levels deep (document, devices, device, sections, section, instances, instance). */
    static final int MAX_NESTING = 16;
    /** The longest string: a CPU list of the largest machines, written one CPU at a time, fits. */
    static final int MAX_STRING = 64 * 1024;
    static final int MAX_DEVICES = 4096;
    static final int MAX_SECTIONS = 256;
    static final int MAX_NODES = 1024;
    static final int MAX_ID = 64;
    /** A conf value the driver reads is at most 127 characters; a broken file may hold more, and is kept. */
    static final int MAX_CONF_TEXT = 1024;

    private static final Pattern BSF = Pattern.compile("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]");

    private static final ObjectMapper JSON = JsonMapper.builder(
            BoundedJson.factory(MAX_DOCUMENT_BYTES, MAX_NESTING, MAX_STRING)).build();

    private LayoutJsonReader() {
    }

    /**
     * Reads a layout file's text.
     *
     * @throws IllegalArgumentException one line: where in the text or the document, and what is wrong
     */
    public static Layout read(String text) {
        JsonNode tree;
        try (JsonParser p = JSON.createParser(text)) {
            try {
                tree = JSON.readTree(p);
                if (tree != null && p.nextToken() != null) {
                    JsonLocation at = p.currentLocation();
                    throw new IllegalArgumentException("not JSON: line " + at.getLineNr() + ", column " + at.getColumnNr()
                            + ": more text after the layout's closing '}'");
                }
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not JSON: " + BoundedJson.problem(e, p));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read: " + Snippet.excerpt(String.valueOf(e.getMessage())));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new IllegalArgumentException("empty, expected a layout (qatwb layout)");
        }
        return read(tree);
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
        for (At d : list.elements(MAX_DEVICES)) {
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
            for (At m : h.field("blockedVfDrivers").elements(DeviceCatalog.all().size())) {
                String module = m.text().orElseThrow(() -> m.error("expected a module name"));
                try {
                    blocked.add(HostSettings.checkVfModule(module));
                } catch (IllegalArgumentException e) {
                    throw m.error(e.getMessage());
                }
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
            if (n.node.size() > MAX_NODES) {
                throw n.error(n.node.size() + " NUMA nodes: at most " + MAX_NODES + " (Linux's own limit)");
            }
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
        At bsf = d.field("bsf");
        if (bsf.text().filter(b -> !BSF.matcher(b).matches()).isPresent()) {
            throw bsf.error("expected a PCI address DDDD:BB:DD.F, got " + bsf.kind());
        }
        At node = d.field("node");
        if (node.wholeNumber().orElse(0) >= MAX_NODES) {
            throw node.error("NUMA node " + node.wholeNumber().getAsInt() + ": at most " + (MAX_NODES - 1));
        }
        At state = d.field("state");
        if (state.text().filter(t -> !t.equals("up") && !t.equals("down")).isPresent()) {
            throw state.error("expected 'up' or 'down', got " + state.kind());
        }
        DeviceInfo info = new DeviceInfo(key, key(d.field("pf")), bsf.text(), node.wholeNumber(),
                state.text(), !d.field("confPresent").isNull() && d.field("confPresent").bool());
        List<InstanceSection> sections = new ArrayList<>();
        At list = d.field("sections");
        if (!list.isNull()) {
            for (At s : list.elements(MAX_SECTIONS)) {
                sections.add(section(s));
            }
        }
        String services = d.field("services").confText().orElse(null);
        DeviceConfig config;
        try {
            config = new DeviceConfig(services, sections);
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
        if (id.filter(t -> t.length() > MAX_ID).isPresent()) {
            throw a.error("not a device id (like c6xxvf_dev3): " + id.get().length() + " characters long");
        }
        try {
            return id.map(DeviceKey::parse);
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    private static InstanceSection section(At s) {
        s.object();
        String name = s.field("name").confText().orElseThrow(() -> s.error("\"name\" is missing"));
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
        for (At i : list.elements(DeviceConfigs.MAX_INSTANCES)) {
            i.object();
            out.add(new Instance(i.field("name").confText().orElse(null), value(i.field("isPolled")),
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
            return a.confText().orElseThrow();
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

        List<At> elements(int max) {
            if (node == null || !node.isArray()) {
                throw error("expected a list");
            }
            if (node.size() > max) {
                throw error("a list of " + node.size() + ": at most " + max);
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

        /**
         * A string as a conf file holds it after the driver's reading: Latin-1 text (conf files
         * are bytes) without control characters other than tab, short enough for a conf line.
         */
        Optional<String> confText() {
            Optional<String> t = text();
            if (t.isEmpty()) {
                return t;
            }
            String v = t.get();
            if (v.length() > MAX_CONF_TEXT) {
                throw error(v.length() + " characters: at most " + MAX_CONF_TEXT);
            }
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c != '\t' && (c < 0x20 || c >= 0x7f && c < 0xa0 || c > 0xff)) {
                    throw error("character " + (i + 1) + " of " + kind() + " is " + (c > 0xff ? "not Latin-1"
                            : "a control character") + ", which no conf file line holds");
                }
            }
            return t;
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

        String kind() {
            return isNull() ? "nothing" : node.isTextual() ? "'" + Snippet.excerpt(node.asText()) + "'"
                    : Snippet.excerpt(node.toString());
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(path + ": " + Snippet.oneLine(message));
        }
    }
}
