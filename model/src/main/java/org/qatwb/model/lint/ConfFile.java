package org.qatwb.model.lint;

import java.util.Optional;
import java.util.OptionalInt;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.device.DeviceRef;

/**
 * A conf file of a device set, with what is known of the device it configures.
 *
 * @param path   as shown to the user
 * @param doc    its content
 * @param ctx    device and core count for the rules
 * @param instId the driver's inst_id of the device (from the file name), used to pair VFs with PFs
 */
public record ConfFile(String path, ConfDocument doc, LintContext ctx, OptionalInt instId) {

    public Optional<DeviceRef> device() {
        return ctx.device();
    }
}
