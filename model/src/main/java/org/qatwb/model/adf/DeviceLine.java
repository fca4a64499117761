package org.qatwb.model.adf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.parse.Snippet;

/**
 * Reads one device line, in either format:
 * <pre>
 *  qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 0,  bsf: 0000:04:00.0,  #accel: 5 #engines: 10 state: up
 *  icp_dev0 - type=dh895xcc, inst_id=0, node_id=1,  bdf=83:00:0, #accel=6, #engines=12, state=down
 * </pre>
 * Fields are read as {@code key: value} or {@code key=value} pairs rather than by column, because
 * captures in the wild lose spaces and commas (pasted, reformatted by posters) and old drivers omit
 * fields ({@code node_id} is missing in Intel's own guide).
 */
final class DeviceLine {

    /**
     * @param device     the device, or null when the line was skipped
     * @param notes      warnings about an accepted device (without the "line N: " prefix)
     * @param skipReason why a device line was skipped (without the prefix), or null
     */
    record Outcome(QatDevice device, List<String> notes, String skipReason) {
        static Outcome skipped(String reason) {
            return new Outcome(null, List.of(), reason);
        }
    }

    private static final Pattern HEAD = Pattern.compile("((?:qat|icp)_dev[0-9]+)\\s*-\\s*(.*)");
    private static final Pattern FIELD = Pattern.compile("[\\s,]*(#?[A-Za-z_]+)\\s*[:=]\\s*([^,\\s]*)");
    private static final Pattern TAIL = Pattern.compile("[\\s,]*");
    // a type becomes part of a path (/etc/<type>_dev0.conf): only plain names are taken as types
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern UNSIGNED = Pattern.compile("[0-9]{1,10}");
    private static final Pattern SIGNED = Pattern.compile("-?[0-9]{1,10}");
    private static final Set<String> KNOWN = Set.of("type", "inst_id", "node_id", "bsf", "#accel", "#engines", "state");

    private DeviceLine() {
    }

    /** Null when {@code text} (already trimmed) does not start like a device line. */
    static Outcome parse(String text, int line) {
        Matcher head = HEAD.matcher(text);
        if (!head.matches()) {
            return null;
        }
        String name = head.group(1);
        boolean legacy = name.startsWith("icp_");
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        String rest = head.group(2);
        Matcher field = FIELD.matcher(rest);
        int end = 0;
        while (end < rest.length() && field.region(end, rest.length()).lookingAt()) {
            String key = field.group(1).toLowerCase(Locale.ROOT);
            if (key.equals("bdf")) {
                key = "bsf";
            }
            if (fields.putIfAbsent(key, field.group(2)) != null) {
                return Outcome.skipped("device line with field '" + key + "' twice, skipped: " + Snippet.quote(text));
            }
            end = field.end();
        }
        if (!TAIL.matcher(rest.substring(end)).matches()) {
            return Outcome.skipped("unreadable device line, skipped: " + Snippet.quote(text));
        }
        for (String required : List.of("type", "inst_id", "bsf", "state")) {
            if (!fields.containsKey(required)) {
                return Outcome.skipped("device line without " + required + ", skipped: " + Snippet.quote(text));
            }
        }
        for (String key : fields.keySet()) {
            if (!KNOWN.contains(key)) {
                notes.add(name + ": unknown field '" + key + "' ignored");
            }
        }

        String instText = fields.get("inst_id");
        Integer instId = unsigned(instText);
        if (instId == null) {
            return Outcome.skipped(name + ": inst_id " + Snippet.quote(instText)
                    + " is not a number from 0 to " + Integer.MAX_VALUE + ", device skipped");
        }
        String bsf = Bsf.normalise(fields.get("bsf"));
        if (bsf == null) {
            return Outcome.skipped(name + ": " + Snippet.quote(fields.get("bsf"))
                    + " is not a PCI address, device skipped");
        }
        DeviceState state = switch (fields.get("state").toLowerCase(Locale.ROOT)) {
            case "up" -> DeviceState.UP;
            case "down" -> DeviceState.DOWN;
            default -> null;
        };
        if (state == null) {
            return Outcome.skipped(name + ": state " + Snippet.quote(fields.get("state"))
                    + " is neither up nor down, device skipped");
        }
        Integer accel = null;
        Integer engines = null;
        for (String key : List.of("#accel", "#engines")) {
            String value = fields.get(key);
            if (value == null) {
                continue;
            }
            Integer n = unsigned(value);
            if (n == null) {
                return Outcome.skipped(name + ": " + key + " " + Snippet.quote(value)
                        + " is not a number from 0 to " + Integer.MAX_VALUE + ", device skipped");
            }
            if (key.equals("#accel")) {
                accel = n;
            } else {
                engines = n;
            }
        }

        String typeText = fields.get("type");
        String type = TYPE.matcher(typeText).matches() ? typeText : null;
        String nodeText = fields.get("node_id");
        Integer nodeId = null;
        boolean garbageNode = false;
        if (nodeText != null) {
            nodeId = SIGNED.matcher(nodeText).matches() ? toInt(nodeText) : null;
            if (nodeId == null || nodeId < 0) {
                nodeId = null;
                garbageNode = true;
            }
        }
        if (type == null || garbageNode) {
            String typeDesc = type != null ? "type " + type
                    : typeText.isEmpty() ? "an empty type" : "type " + Snippet.quote(typeText) + " (not a type name)";
            notes.add(name + " has " + typeDesc + (garbageNode ? " and node_id " + Snippet.quote(nodeText) : "")
                    + ": the user-space adf_ctl does not match the loaded driver (they disagree on the "
                    + "status structure), so its output is garbage; run the adf_ctl installed with the driver");
        }
        boolean vf = type != null && DeviceRef.of(type).vf();
        // the driver names the conf file after type and inst_id, never after the qat_devN number;
        // the QAT 1.5/1.6 driver reads <type>_qa_dev<inst_id>.conf ("Processing file: ..." in its output)
        String confPath = type == null ? null
                : "/etc/" + type + (legacy ? "_qa_dev" : "_dev") + instId + ".conf";
        return new Outcome(
                new QatDevice(name, type, vf, instId, nodeId, bsf, accel, engines, state, confPath, line),
                notes, null);
    }

    private static Integer unsigned(String text) {
        return UNSIGNED.matcher(text).matches() ? toInt(text) : null;
    }

    /** The value if it fits an int; the caller has checked the shape (at most 10 digits). */
    private static Integer toInt(String digits) {
        long value = Long.parseLong(digits);
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (int) value : null;
    }
}
