package org.qatwb.model.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.parse.ParseException;

class AdfStatusPropertiesTest {

    @Property(tries = 1000)
    void arbitraryTextRaisesNothingButParseException(@ForAll String text) {
        assertOnlyParseException(text);
    }

    @Property(tries = 1000)
    void statusLikeTextRaisesNothingButParseException(@ForAll("statusLike") String text) {
        assertOnlyParseException(text);
    }

    @Property(tries = 1000)
    void devicesPrintedInTheNormalFormatParseBack(@ForAll("deviceLists") List<QatDevice> devices,
                                                  @ForAll boolean crlf) throws ParseException {
        StringBuilder out = new StringBuilder("Checking status of all devices.\n")
                .append("There is ").append(devices.size()).append(" QAT acceleration device(s) in the system:\n");
        for (QatDevice d : devices) {
            out.append(" ").append(d.name()).append(" - type: ").append(d.type()).append(",  inst_id: ")
                    .append(d.instId()).append(",  node_id: ").append(d.nodeId()).append(",  bsf: ").append(d.bsf())
                    .append(",  #accel: ").append(d.accel()).append(" #engines: ").append(d.engines())
                    .append(" state: ").append(d.state() == DeviceState.UP ? "up" : "down").append('\n');
        }
        String text = crlf ? out.toString().replace("\n", "\r\n") : out.toString();

        AdfStatus status = AdfStatusParser.parse(text);

        assertEquals(devices, status.devices());
        assertEquals(OptionalInt.of(devices.size()), status.declaredCount());
        assertEquals(List.of(), status.warnings());
    }

    private static void assertOnlyParseException(String text) {
        try {
            AdfStatus status = AdfStatusParser.parse(text);
            assertTrue(status.warnings().stream().allMatch(w -> w.startsWith("line ") && w.indexOf('\n') < 0
                    && w.indexOf('\r') < 0), status.warnings()::toString);
        } catch (ParseException expected) {
            assertTrue(expected.getMessage().indexOf('\n') < 0, expected.getMessage());
        }
    }

    @Provide
    Arbitrary<String> statusLike() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of("qat_dev", "icp_dev", " - type: ", "type=", ",  inst_id: ", "inst_id=", ", node_id: ",
                        "node_id=", ",  bsf: ", "bdf=", "0000:", "3d:01.7", "83:00:0", ":", ".", "  #accel: ",
                        " #engines: ", "#accel=", " state: ", "state=", "up", "down", "c6xx", "c6xxvf", "vf", ", ",
                        "There is ", " QAT acceleration device(s) in the system:", "Checking status of all devices.",
                        "Restarting all devices.", "Processing /etc/c6xx_dev0.conf", "-----", "$ adf_ctl status",
                        "Apr 24 14:02:49 host qat_service[305475]: ", "\n", "\r\n", "\r", " ", "\t", "-", "=", "#",
                        "\u0000", "é", "😀", "\uFEFF", "\u2028", "99999999999999", "-1406261856"),
                Arbitraries.integers().between(-5, 100).map(String::valueOf),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(25),
                Arbitraries.strings().all().ofMaxLength(4));
        return fragment.list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<QatDevice>> deviceLists() {
        Arbitrary<String> types = Arbitraries.of(DeviceCatalog.all())
                .flatMap(m -> Arbitraries.of(m.type(), m.vfType()));
        Arbitrary<String> bsfs = Combinators.combine(
                Arbitraries.integers().between(0, 0xffff),
                Arbitraries.integers().between(0, 0xff),
                Arbitraries.integers().between(0, 0x1f),
                Arbitraries.integers().between(0, 7))
                .as((d, b, s, f) -> String.format("%04x:%02x:%02x.%d", d, b, s, f));
        Arbitrary<Object[]> rows = Combinators.combine(
                types, Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(0, 7),
                bsfs, Arbitraries.integers().between(0, 64), Arbitraries.integers().between(0, 64),
                Arbitraries.of(DeviceState.values()))
                .as((type, inst, node, bsf, accel, engines, state) ->
                        new Object[] {type, inst, node, bsf, accel, engines, state});
        return rows.list().ofMaxSize(60).uniqueElements(r -> r[3]).map(AdfStatusPropertiesTest::numbered);
    }

    /** Devices as adf_ctl would list them: qat_dev0.. from line 3 on. */
    private static List<QatDevice> numbered(List<Object[]> rows) {
        List<QatDevice> devices = new ArrayList<>();
        for (int n = 0; n < rows.size(); n++) {
            Object[] r = rows.get(n);
            String type = (String) r[0];
            int inst = (Integer) r[1];
            boolean vf = DeviceCatalog.all().stream().map(DeviceModel::vfType).anyMatch(type::equals);
            devices.add(new QatDevice("qat_dev" + n, type, vf, inst, (Integer) r[2], (String) r[3], (Integer) r[4],
                    (Integer) r[5], (DeviceState) r[6], "/etc/" + type + "_dev" + inst + ".conf", n + 3));
        }
        return devices;
    }
}
