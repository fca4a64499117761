package org.qatwb.model.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qatwb.model.conf.ConfDocument;

/**
 * The project's own conf files for a device that has none yet (module {@code conf-templates}:
 * {@code org/qatwb/templates/<PF type>/<file>}), one per function and role. A new file starts
 * from the template of its role, and the compiler then edits it like any other file.
 */
public final class Templates {

    private static final Map<String, Optional<ConfDocument>> CACHE = new ConcurrentHashMap<>();

    private Templates() {
    }

    /** The template file name for a function and role: {@code vf.conf}, {@code vf-user.conf}, {@code pf.conf}... */
    public static String fileName(boolean vf, Role role) {
        String base = vf ? "vf" : "pf";
        return switch (role) {
            // a VF's template serves ZFS; a PF's hosts VFs: the two files the project started with
            case ZFS -> vf ? "vf.conf" : "pf-zfs.conf";
            case USER -> base + "-user.conf";
            case UNUSED, OTHER -> vf ? "vf-unused.conf" : "pf.conf";
        };
    }

    /** The template for a device and role, if the project has one for its type. */
    public static Optional<ConfDocument> of(DeviceKey key, Role role) {
        return key.device().model().flatMap(m -> load(m.type(), fileName(key.vf(), role)));
    }

    static Optional<ConfDocument> load(String pfType, String file) {
        return CACHE.computeIfAbsent(pfType + "/" + file, k -> read("/org/qatwb/templates/" + k));
    }

    private static Optional<ConfDocument> read(String resource) {
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(ConfDocument.parse(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
