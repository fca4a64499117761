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
import org.qatwb.model.layout.Device;
import org.qatwb.model.layout.DeviceConfig;
import org.qatwb.model.layout.DeviceInfo;
import org.qatwb.model.layout.DeviceKey;
import org.qatwb.model.layout.HostSettings;
import org.qatwb.model.layout.Instance;
import org.qatwb.model.layout.InstanceSection;
import org.qatwb.model.layout.Layout;
import org.qatwb.model.snapshot.CpuList;
import org.qatwb.model.snapshot.CpuTopology;

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
