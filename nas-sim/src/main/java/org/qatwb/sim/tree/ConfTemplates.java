package org.qatwb.sim.tree;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.qatwb.model.conf.ConfDocument;

/**
 * The PF and VF conf templates of module {@code conf-templates}
 * ({@code org/qatwb/templates/<type>/pf.conf}, {@code vf.conf}): complete conf files, changed with
 * the model's ConfEditor.
 */
public final class ConfTemplates {

    private ConfTemplates() {
    }

    /** The PF template of a device type ({@code c6xx}). */
    public static ConfDocument pf(String type) {
        return load(type, "pf.conf");
    }

    /** The VF template of a device type, named by its PF type ({@code c6xx} for {@code c6xxvf}). */
    public static ConfDocument vf(String type) {
        return load(type, "vf.conf");
    }

    private static ConfDocument load(String type, String file) {
        String resource = "/org/qatwb/templates/" + type + "/" + file;
        try (InputStream in = ConfTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no conf template " + resource + " for device type " + type);
            }
            return ConfDocument.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
