package org.qatwb.model.driver;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Optional;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.device.DriverRelease;

/** Conf files written in tests, and one-device runs of the allocator. */
final class DriverFixtures {

    private DriverFixtures() {
    }

    static DeviceConf device(String type, int devId, String text) {
        return new DeviceConf(type + "_dev" + devId + ".conf", DeviceRef.of(type), devId, ConfDocument.parse(text),
                Optional.empty());
    }

    /** A VF file with {@code [KERNEL_QAT]} (or other) body lines after GENERAL. */
    static String conf(String services, String body) {
        return "[GENERAL]\nServicesEnabled = " + services + "\nConfigVersion = 2\n\n[KERNEL]\nNumberCyInstances = 0\n"
                + "NumberDcInstances = 0\n\n" + body;
    }

    static String kernelQat(String... instances) {
        int cy = 0;
        int dc = 0;
        StringBuilder sb = new StringBuilder();
        for (String i : instances) {
            // "Cy:ZFS_CY0:0:5" = kind, name, IsPolled, CoreAffinity
            String[] p = i.split(":");
            int n = p[0].equals("Cy") ? cy++ : dc++;
            sb.append(p[0]).append(n).append("Name = \"").append(p[1]).append("\"\n")
                    .append(p[0]).append(n).append("IsPolled = ").append(p[2]).append('\n')
                    .append(p[0]).append(n).append("CoreAffinity = ").append(p[3]).append('\n');
        }
        return "[KERNEL_QAT]\nNumberCyInstances = " + cy + "\nNumberDcInstances = " + dc + "\n" + sb;
    }

    static DeviceVerdict run(DeviceConf d) {
        return Allocator.place(d, RingMap.DEFAULT, DriverRelease.R4_24);
    }

    static DeviceVerdict.Placed placed(DeviceVerdict v) {
        return assertInstanceOf(DeviceVerdict.Placed.class, v, () -> v.toString());
    }

    static DeviceVerdict.Refused refused(DeviceVerdict v) {
        return assertInstanceOf(DeviceVerdict.Refused.class, v, () -> v.toString());
    }

    static List<String> kernelLog(DeviceVerdict.Refused r) {
        return r.messages().stream().filter(m -> m.where() == DriverMessage.Where.KERNEL_LOG)
                .map(DriverMessage::text).toList();
    }
}
