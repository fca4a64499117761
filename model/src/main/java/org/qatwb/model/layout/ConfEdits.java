package org.qatwb.model.layout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfEdit;
import org.qatwb.model.conf.ConfLine;
import org.qatwb.model.conf.ConfSection;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.lint.SectionKind;

/**
 * The fewest edits that make a conf document say what a {@link DeviceConfig} says: only the keys
 * whose value differs are set, removed or added, so that every other line of the file stays as
 * it was. A document that already says it gets no edit at all, which is why compiling an
 * unchanged layout gives back the very same bytes.
 */
public final class ConfEdits {

    private static final String[] SUFFIXES = {"Name", "IsPolled", "CoreAffinity"};

    private ConfEdits() {
    }

    public static List<ConfEdit> toward(ConfDocument doc, DeviceConfig want) {
        DeviceConfig have = DeviceConfigs.read(doc);
        if (have.equals(want)) {
            return List.of();
        }
        List<ConfEdit> out = new ArrayList<>();
        if (!Objects.equals(have.services(), want.services())) {
            services(doc, want.services(), out);
        }
        Set<String> names = new LinkedHashSet<>();
        for (ConfSection s : doc.sections()) {
            if (SectionKind.of(s.name()) != SectionKind.GENERAL) {
                names.add(s.name());
            }
        }
        want.sections().forEach(s -> names.add(s.name()));
        for (String name : names) {
            InstanceSection h = have.section(name).orElse(InstanceSection.empty(name));
            InstanceSection w = want.section(name).orElse(InstanceSection.empty(name));
            if (h.equals(w)) {
                continue;
            }
            Optional<ConfSection> sec = doc.section(name);
            if (sec.isEmpty()) {
                newSection(name, out);
            }
            for (InstanceKind kind : InstanceKind.values()) {
                instances(sec, name, kind, h.instances(kind), w.instances(kind), out);
            }
        }
        return out;
    }

    private static void services(ConfDocument doc, String services, List<ConfEdit> out) {
        boolean general = doc.section(SectionKind.GENERAL_NAME).isPresent();
        if (services == null) {
            if (general) {
                out.add(new ConfEdit.RemoveKey(SectionKind.GENERAL_NAME, "ServicesEnabled"));
            }
            return;
        }
        if (!general) {
            out.add(new ConfEdit.AddSection(SectionKind.GENERAL_NAME));
        }
        out.add(new ConfEdit.SetKey(SectionKind.GENERAL_NAME, "ServicesEnabled", services));
    }

    /** A section header with both counts, and for a user section the keys Intel's samples give one. */
    private static void newSection(String name, List<ConfEdit> out) {
        out.add(new ConfEdit.AddSection(name));
        out.add(new ConfEdit.SetKey(name, InstanceKind.CY.countKey(), "0"));
        out.add(new ConfEdit.SetKey(name, InstanceKind.DC.countKey(), "0"));
        if (SectionKind.of(name) == SectionKind.USER) {
            out.add(new ConfEdit.SetKey(name, "NumProcesses", "1"));
            out.add(new ConfEdit.SetKey(name, "LimitDevAccess", "0"));
        }
    }

    private static void instances(Optional<ConfSection> sec, String name, InstanceKind kind, List<Instance> cur,
            List<Instance> want, List<ConfEdit> out) {
        if (cur.equals(want)) {
            return;
        }
        Map<String, ConfLine.Entry> keys = sec.map(ConfSection::effective).orElse(Map.of());
        int common = Math.min(cur.size(), want.size());
        for (int i = 0; i < common; i++) {
            keys(name, kind, i, cur.get(i), want.get(i), out);
        }
        if (want.size() > cur.size()) {
            // a whole new instance goes in as Intel's block of three lines, while the count is exactly
            // what was read; otherwise (keys left behind, an unreadable count) key by key
            boolean block = sec.map(s -> s.instanceCount(kind)).orElse(0) == cur.size();
            for (int i = cur.size(); i < want.size(); i++) {
                Instance w = want.get(i);
                Instance existing = DeviceConfigs.instanceAt(keys, kind, i);
                if (block && existing.equals(Instance.MISSING) && plain(w)) {
                    out.add(new ConfEdit.AddInstance(name, kind, w.name(), w.polled().getAsInt(), w.core().getAsInt()));
                } else {
                    block = false;
                    keys(name, kind, i, existing, w, out);
                }
            }
            if (!block) {
                out.add(new ConfEdit.SetKey(name, kind.countKey(), Integer.toString(want.size())));
            }
        } else if (want.size() < cur.size()) {
            Set<String> doomed = new LinkedHashSet<>();
            for (ConfLine.Entry e : sec.orElseThrow().entries()) {
                int n = kind.indexOf(e.key());
                if (n >= want.size() && n < cur.size()) {
                    doomed.add(e.key());
                }
            }
            doomed.forEach(k -> out.add(new ConfEdit.RemoveKey(name, k)));
            out.add(new ConfEdit.SetKey(name, kind.countKey(), Integer.toString(want.size())));
        }
    }

    /** One edit per key whose value differs: set it, or remove it where the layout has none. */
    private static void keys(String section, InstanceKind kind, int n, Instance cur, Instance want, List<ConfEdit> out) {
        String[] c = {cur.name(), cur.isPolled(), cur.coreAffinity()};
        String[] w = {want.name(), want.isPolled(), want.coreAffinity()};
        for (int i = 0; i < SUFFIXES.length; i++) {
            if (!Objects.equals(c[i], w[i])) {
                String key = kind.key(n, SUFFIXES[i]);
                out.add(w[i] == null ? new ConfEdit.RemoveKey(section, key) : new ConfEdit.SetKey(section, key, w[i]));
            }
        }
    }

    /** Whether the instance can be written as a block and reads back the same (numbers in plain decimal). */
    private static boolean plain(Instance i) {
        return i.name() != null
                && i.polled().isPresent() && Integer.toString(i.polled().getAsInt()).equals(i.isPolled())
                && i.polled().getAsInt() <= 2
                && i.core().isPresent() && Integer.toString(i.core().getAsInt()).equals(i.coreAffinity());
    }
}
