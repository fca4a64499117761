package org.qatwb.app.cli.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qatwb.model.cpu.CpuList;
import org.qatwb.model.cpu.CpuTopology;
import org.qatwb.model.layout.Device;
import org.qatwb.model.layout.DeviceConfig;
import org.qatwb.model.layout.DeviceInfo;
import org.qatwb.model.layout.DeviceKey;
import org.qatwb.model.layout.HostSettings;
import org.qatwb.model.layout.Instance;
import org.qatwb.model.layout.InstanceSection;
import org.qatwb.model.layout.Layout;

class LayoutJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DeviceKey PF = DeviceKey.parse("c6xx_dev0");
    private static final DeviceKey VF = DeviceKey.parse("c6xxvf_dev0");
    private static final DeviceKey OTHER = DeviceKey.parse("c6xx_dev1");

    /** A layout with everything a file can hold: absent keys, a core list, a section of another kind, unknown facts. */
    static Layout sample() throws Exception {
        TreeMap<Integer, CpuList> nodes = new TreeMap<>();
        nodes.put(0, CpuList.parse("0-13,28-41"));
        nodes.put(1, CpuList.parse("14-27,42-55"));
        CpuTopology cpu = new CpuTopology(Optional.of(CpuList.parse("0-55")), Optional.of(CpuList.parse("0-1")), nodes);
        Device pf = new Device(new DeviceInfo(PF, Optional.empty(), Optional.of("0000:3d:00.0"), OptionalInt.of(0),
                Optional.of("up"), true), new DeviceConfig("cy;dc", List.of()));
        Device vf = new Device(new DeviceInfo(VF, Optional.of(PF), Optional.empty(), OptionalInt.of(0), Optional.empty(), false),
                new DeviceConfig("dc", List.of(new InstanceSection("KERNEL_QAT", List.of(),
                        List.of(Instance.of("ZFS_DC", 0, 3), new Instance(null, "0x1", null))))));
        Device other = new Device(new DeviceInfo(OTHER, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                Optional.of("down"), true), new DeviceConfig(null, List.of(
                        new InstanceSection("SSL", List.of(new Instance("SSL0", "1", "0-31")), List.of()),
                        new InstanceSection("KERNEL", List.of(new Instance("IPSec0", "0", "007")), List.of()))));
        return new Layout(List.of(pf, vf, other), new HostSettings(true, false, List.of("qat_c62xvf")), cpu);
    }

    @Test
    void aLayoutReadsBackEqualFromItsJson() throws Exception {
        Layout l = sample();
        String text = JsonOut.write(LayoutJson.layout(l));
        assertEquals(l, LayoutJsonReader.read(JSON.readTree(text)));
    }

    @Test
    void theJsonHasTheDocumentedShape() throws Exception {
        JsonNode doc = LayoutJson.layout(sample());
        assertEquals("qatwb-layout", doc.get("format").asText());
        assertEquals(1, doc.get("version").asInt());
        assertEquals("0-13,28-41", doc.get("cpu").get("nodes").get("0").asText());
        assertEquals(2, doc.get("zfsInstances").get("dc").asInt());
        JsonNode vf = doc.get("devices").get(1);
        assertEquals("c6xxvf_dev0", vf.get("id").asText());
        assertEquals("c6xx_dev0", vf.get("pf").asText());
        assertEquals("/etc/c6xxvf_dev0.conf", vf.get("conf").asText());
        assertEquals("zfs", vf.get("role").asText());
        JsonNode dc = vf.get("sections").get(0).get("dc");
        assertTrue(dc.get(0).get("coreAffinity").isInt(), "a plain core is a number");
        assertEquals("0x1", dc.get(1).get("isPolled").asText(), "a value the file writes otherwise stays text");
        assertTrue(dc.get(1).get("name").isNull(), "an absent key is null");
        JsonNode other = doc.get("devices").get(2);
        assertEquals("other", other.get("role").asText());
        assertEquals("0-31", other.get("sections").get(1).get("cy").get(0).get("coreAffinity").asText());
        assertEquals("007", other.get("sections").get(0).get("cy").get(0).get("coreAffinity").asText());
        assertTrue(other.get("node").isNull());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "format missing|/format|<remove>|$: not a qatwb layout: \"format\" is missing, expected 'qatwb-layout'",
        "newer version|/version|2|$: layout format version 2 is newer than this qatwb reads (1): update qatwb",
        "bad id|/devices/1/id|\"vf3\"|$.devices[1].id: not a device id (like c6xxvf_dev3): vf3",
        "negative core|/devices/1/sections/0/dc/0/coreAffinity|-1|$.devices[1].sections[0].dc[0].coreAffinity: expected a whole number of 0 or more, got -1",
        "role mismatch|/devices/1/role|\"unused\"|$.devices[1].role: c6xxvf_dev0 says role 'unused' but its sections make it 'zfs': move the instances (zfs: [KERNEL_QAT], user: a process section, unused: none) or correct the role",
        "sriov not boolean|/host/sriov|\"yes\"|$.host.sriov: expected true or false, got 'yes'",
        "duplicate device|/devices/2/id|\"c6xxvf_dev0\"|$.devices: device c6xxvf_dev0 is listed twice",
        "bad cpu list|/cpu/online|\"0-x\"|$.cpu.online: not a CPU list: \"0-x\"",
    })
    void aBrokenFileIsOneLineNamingThePlace(String what, String pointer, String value, String message) throws Exception {
        ObjectNode doc = LayoutJson.layout(sample());
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        ObjectNode at = (ObjectNode) doc.at(parent);
        if (value.equals("<remove>")) {
            at.remove(field);
        } else {
            at.set(field, JSON.readTree(value));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayoutJsonReader.read(doc));
        assertEquals(message, e.getMessage(), what);
    }

    /** Every field a layout carries is bounded; each refusal names the field by its JSON path. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "module with a newline|/host/blockedVfDrivers|[\"qat_c62xvf\\ninstall e1000e /bin/sh -c 'id'\"]|$.host.blockedVfDrivers[0]: \"qat_c62xvf\\ninstall e1000e /bin/sh -c 'id'\" is not a QAT VF driver module (known: ",
        "module not a VF driver|/host/blockedVfDrivers|[\"e1000e\"]|$.host.blockedVfDrivers[0]: \"e1000e\" is not a QAT VF driver module",
        "too many modules|/host/blockedVfDrivers|[\"qat_c62xvf\",\"qat_c62xvf\",\"qat_c62xvf\",\"qat_c62xvf\",\"qat_c62xvf\",\"qat_c62xvf\",\"qat_c62xvf\",\"qat_c62xvf\"]|$.host.blockedVfDrivers: a list of 8: at most 7",
        "bsf not an address|/devices/0/bsf|\"0000:3d:00.0; reboot\"|$.devices[0].bsf: expected a PCI address DDDD:BB:DD.F, got '0000:3d:00.0; reboot'",
        "node too high|/devices/0/node|5000|$.devices[0].node: NUMA node 5000: at most 1023",
        "state not up or down|/devices/0/state|\"up\\u001b[2J\"|$.devices[0].state: expected 'up' or 'down', got 'up\\u001b[2J'",
        "long id|/devices/0/id|\"c6xx_dev00000000000000000000000000000000000000000000000000000000000000\"|$.devices[0].id: not a device id (like c6xxvf_dev3): 70 characters long",
        "services with a newline|/devices/0/services|\"cy\\nNumberCyInstances = 9\"|$.devices[0].services: character 3 of 'cy\\nNumberCyInstances = 9' is a control character, which no conf file line holds",
        "section name with an escape|/devices/1/sections/0/name|\"KERNEL_QAT\\u001b]0;x\\u0007\"|$.devices[1].sections[0].name: character 11 of 'KERNEL_QAT\\u001b]0;x\\u0007' is a control character",
        "instance name not Latin-1|/devices/1/sections/0/dc/0/name|\"ZFS_\\u2028DC\"|$.devices[1].sections[0].dc[0].name: character 5 of 'ZFS_\\u2028DC' is not Latin-1",
        "core list with a newline|/devices/1/sections/0/dc/0/coreAffinity|\"0-3\\n\"|$.devices[1].sections[0].dc[0].coreAffinity: character 4 of '0-3\\n' is a control character",
        "cpu list of 2^31 CPUs|/cpu/online|\"0-2147483647\"|$.cpu.online: not a CPU list: \"0-2147483647\"",
        "cpu list past the highest CPU|/cpu/nodes/0|\"0-65536\"|$.cpu.nodes.0: CPU 65536 is above 65535",
        "too many nodes|/cpu|{\"nodes\": {\"0\": \"0\", \"1\": \"1\"}}|<nodes>",
    })
    void everyFieldIsBoundedAndNamedByItsPath(String what, String pointer, String value, String message) throws Exception {
        ObjectNode doc = LayoutJson.layout(sample());
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        ObjectNode at = (ObjectNode) doc.at(parent);
        if (message.equals("<nodes>")) {
            ObjectNode nodes = JSON.createObjectNode();
            for (int n = 0; n <= 1024; n++) {
                nodes.put(Integer.toString(n), Integer.toString(n));
            }
            ((ObjectNode) doc.get("cpu")).set("nodes", nodes);
            message = "$.cpu.nodes: 1025 NUMA nodes: at most 1024";
        } else {
            at.set(field, JSON.readTree(value));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayoutJsonReader.read(doc));
        assertTrue(e.getMessage().startsWith(message), what + ": " + e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), e.getMessage());
    }

    @Test
    void listsAreBoundedBeforeTheirElementsAreRead() throws Exception {
        ObjectNode doc = LayoutJson.layout(sample());
        com.fasterxml.jackson.databind.node.ArrayNode dc = (com.fasterxml.jackson.databind.node.ArrayNode)
                doc.at("/devices/1/sections/0/dc");
        while (dc.size() <= 4096) {
            dc.addObject().put("name", "ZFS_DC").put("isPolled", 0).put("coreAffinity", 0);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayoutJsonReader.read(doc));
        assertEquals("$.devices[1].sections[0].dc: a list of 4097: at most 4096", e.getMessage());
    }

    /** Past Jackson's limits the text is refused while it is read, with the line and column. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "deep|deep|not JSON: line 1, column 18: Document nesting depth (17) exceeds the maximum allowed (16)",
        "long string|long|not JSON: line 1, column ",
        "long number|number|not JSON: line 1, column ",
        "duplicate key|duplicate|not JSON: line 1, column 36: Duplicate field 'format'",
        "trailing text|trailing|not JSON: line 1, column ",
        "empty|empty|empty, expected a layout (qatwb layout)",
    })
    void aTextPastTheLimitsIsOneLineWithWhere(String what, String kind, String message) {
        String text = switch (kind) {
            case "deep" -> "[".repeat(5000) + "]".repeat(5000);
            case "long" -> "{\"format\": \"" + "x".repeat(30_000_000) + "\"}";
            case "number" -> "{\"version\": " + "1".repeat(5000) + "}";
            case "duplicate" -> "{\"format\": \"qatwb-layout\", \"format\": \"x\"}";
            case "trailing" -> "{\"format\": \"qatwb-layout\"} {}";
            default -> "  ";
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayoutJsonReader.read(text));
        assertTrue(e.getMessage().startsWith(message), what + ": " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("StreamReadConstraints"), e.getMessage());
    }

    @Test
    void theFactsAreOptionalSoAHandWrittenFileNeedsOnlyWhatItChanges() throws Exception {
        JsonNode doc = JSON.readTree("{\"format\": \"qatwb-layout\", \"version\": 1,"
                + " \"host\": {\"sriov\": true, \"kapi\": true},"
                + " \"devices\": [{\"id\": \"c6xxvf_dev4\", \"services\": \"dc\", \"sections\": [{\"name\": \"KERNEL_QAT\","
                + " \"dc\": [{\"name\": \"ZFS_DC\", \"isPolled\": 0, \"coreAffinity\": 5}]}]}]}");
        Layout l = LayoutJsonReader.read(doc);
        assertEquals(List.of(Instance.of("ZFS_DC", 0, 5)),
                l.require(DeviceKey.parse("c6xxvf_dev4")).config().section("KERNEL_QAT").orElseThrow().dc());
        assertEquals(CpuTopology.unknown(), l.cpu());
    }
}
