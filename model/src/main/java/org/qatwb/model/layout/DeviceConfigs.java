package org.qatwb.model.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfLine;
import org.qatwb.model.conf.ConfSection;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.lint.SectionKind;

/**
 * Reads a conf document's layout part the way the driver reads the file: the first stored value
 * of each key, instance counts as numbers (absent is 0, and a count the driver cannot read
 * declares nothing here; lint reports it), instances below the count.
 */
public final class DeviceConfigs {

    /**
     * Instances read per file at most. Far above any device's capacity (a c4xxx PF holds 1024): a
     * file declaring more is broken anyway, and is kept as it is unless edited.
     */
    public static final int MAX_INSTANCES = 4096;

    private DeviceConfigs() {
    }

    public static DeviceConfig read(ConfDocument doc) {
        String services = doc.value(SectionKind.GENERAL_NAME, "ServicesEnabled").orElse(null);
        List<InstanceSection> sections = new ArrayList<>();
        // one budget for the whole file: a file of many sections each declaring the most would
        // otherwise make sections times MAX_INSTANCES instances out of a few bytes each
        int[] budget = {MAX_INSTANCES};
        for (ConfSection s : doc.sections()) {
            if (SectionKind.of(s.name()) == SectionKind.GENERAL) {
                continue;
            }
            Map<String, ConfLine.Entry> keys = s.effective();
            sections.add(new InstanceSection(s.name(), instances(keys, s, InstanceKind.CY, budget),
                    instances(keys, s, InstanceKind.DC, budget)));
        }
        return new DeviceConfig(services, sections);
    }

    /** The number of instances of a kind the layout reads from a section. */
    static int count(ConfSection s, InstanceKind kind) {
        return Math.min(Math.max(0, s.instanceCount(kind)), MAX_INSTANCES);
    }

    /** Instance {@code n}'s keys, whether or not n is below the section's count. */
    static Instance instanceAt(Map<String, ConfLine.Entry> keys, InstanceKind kind, int n) {
        String name = value(keys, kind.key(n, "Name"));
        String polled = value(keys, kind.key(n, "IsPolled"));
        String affinity = value(keys, kind.key(n, "CoreAffinity"));
        // instances declared but not written cost one shared value, not one object each
        return name == null && polled == null && affinity == null ? Instance.MISSING
                : new Instance(name, polled, affinity);
    }

    private static List<Instance> instances(Map<String, ConfLine.Entry> keys, ConfSection s, InstanceKind kind,
            int[] budget) {
        int n = Math.min(count(s, kind), budget[0]);
        budget[0] -= n;
        List<Instance> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(instanceAt(keys, kind, i));
        }
        return out;
    }

    private static String value(Map<String, ConfLine.Entry> keys, String key) {
        ConfLine.Entry e = keys.get(key);
        return e == null ? null : e.value();
    }
}
