package org.qatwb.model.layout;

import java.util.Set;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfLine;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.lint.Finding;

/**
 * Which layout element a conf file's finding is about: the instance whose key it names (or whose
 * line it points at), else the device. An instance the layout does not have (keys beyond the
 * count) falls back to the device, since there is nothing else to select.
 */
final class FindingElements {

    private static final Set<String> SUFFIXES = Set.of("Name", "IsPolled", "CoreAffinity");

    private FindingElements() {
    }

    static ElementRef of(Layout layout, DeviceKey device, ConfDocument doc, Finding f) {
        String section = f.section();
        String key = f.key();
        if (key == null && f.line() <= doc.lines().size() && doc.line(f.line()) instanceof ConfLine.Entry e) {
            section = e.section();
            key = e.key();
        }
        if (section != null && key != null) {
            for (InstanceKind kind : InstanceKind.values()) {
                int n = kind.indexOf(key);
                if (n >= 0 && SUFFIXES.contains(kind.suffixOf(key))) {
                    InstanceRef ref = new InstanceRef(device, section, kind, n);
                    if (layout.instance(ref).isPresent()) {
                        return new ElementRef.OfInstance(ref);
                    }
                }
            }
        }
        return new ElementRef.OfDevice(device);
    }
}
