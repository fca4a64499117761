package org.qatwb.model.lint;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.model.device.DeviceRef;

/**
 * The device a conf file is for, read from its name: {@code <type>_dev<N>.conf} for a PF,
 * {@code <type>vf_dev<N>.conf} for a VF, as the driver names them. Intel's templates carry
 * prefixes and suffixes ({@code c6xxvf_dev0.conf.vm.km}); the pattern finds the name inside.
 *
 * @param device the device type
 * @param instId the N in the name: the driver's {@code inst_id} of the device
 */
public record DeviceFileName(DeviceRef device, int instId) {

    private static final Pattern NAME = Pattern.compile("(?:^|[^a-z0-9])([a-z0-9]+)_dev(\\d{1,6})\\.conf");

    /** The device named by a file name or path, if the name follows the driver's scheme for a known device. */
    public static Optional<DeviceFileName> of(String path) {
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        Matcher m = NAME.matcher(name);
        while (m.find()) {
            DeviceRef ref = DeviceRef.of(m.group(1));
            if (ref.model().isPresent()) {
                return Optional.of(new DeviceFileName(ref, Integer.parseInt(m.group(2))));
            }
        }
        return Optional.empty();
    }

    /** Whether a file name is exactly one the driver reads ({@code c6xxvf_dev12.conf}), not a template. */
    public static boolean isDriverFileName(String name) {
        // Intel's "<type>pf_dev0.conf" is a template, not a file the driver reads
        return name.matches("[a-z0-9]+_dev\\d{1,6}\\.conf")
                && of(name).filter(n -> name.startsWith(n.device().driverType() + "_dev")).isPresent();
    }
}
