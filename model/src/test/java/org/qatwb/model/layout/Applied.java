package org.qatwb.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.qatwb.model.apply.FileChange;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.etc.QatDefaults;
import org.qatwb.model.etc.VfBlacklist;
import org.qatwb.model.testutil.HostSnapshots;

/** What a NAS holds after a compilation's files are written, read back as a new snapshot. */
final class Applied {

    private Applied() {
    }

    static Baseline files(Baseline base, Compilation c) {
        HostSnapshots h = HostSnapshots.host();
        base.docs().forEach((k, doc) -> h.conf(k.id() + ".conf", doc.toBytes()));
        base.defaultQat().text().ifPresent(h::defaultQat);
        base.blacklist().text().ifPresent(h::blacklist);
        for (FileChange f : c.changes()) {
            // host files are UTF-8 text, conf files bytes
            String text = new String(f.after(), StandardCharsets.UTF_8);
            if (f.path().equals(QatDefaults.PATH)) {
                h.defaultQat(text);
            } else if (f.path().equals(VfBlacklist.PATH)) {
                h.blacklist(text);
            } else {
                h.conf(f.path().substring("/etc/".length()), f.after());
            }
        }
        return Baseline.of(h.snapshot());
    }

    /** The files say exactly what the layout says: every device's config and the host switches. */
    static void assertSays(Layout expected, Baseline after) {
        for (Device d : expected.devices()) {
            DeviceConfig read = after.doc(d.key()).map(DeviceConfigs::read).orElse(DeviceConfig.NONE);
            assertEquals(d.config(), read, () -> d.key() + " reads back differently");
        }
        assertEquals(expected.host(), after.layout().host());
    }

    static ConfDocument doc(Compilation c, DeviceKey key) {
        return c.changes().stream().filter(f -> f.path().equals(key.confPath())).findFirst()
                .map(f -> ConfDocument.parse(f.after())).orElseThrow(() -> new AssertionError(key + " did not change"));
    }
}
