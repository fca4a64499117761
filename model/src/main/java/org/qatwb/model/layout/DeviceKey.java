package org.qatwb.model.layout;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.lint.DeviceFileName;

/**
 * A PF or VF as the driver names its conf file: the type and the inst_id
 * ({@code c6xxvf_dev3} is read from {@code /etc/c6xxvf_dev3.conf}). Never {@code qat_devN}, whose
 * N numbers PFs and VFs together and is no name for a file.
 *
 * @param type   the type as {@code adf_ctl} prints it ({@code c6xx}, {@code c6xxvf})
 * @param instId the index within the type
 */
public record DeviceKey(String type, int instId) {

    /** The largest inst_id a key holds (six digits, as a conf file name is read). */
    public static final int MAX_INST_ID = 999_999;

    private static final Pattern ID = Pattern.compile("([a-z0-9]{1,32})_dev(\\d{1,6})");

    public DeviceKey {
        if (type == null || !type.matches("[a-z0-9]{1,32}")) {
            throw new IllegalArgumentException("not a device type: " + type);
        }
        if (instId < 0 || instId > MAX_INST_ID) {
            throw new IllegalArgumentException("not an inst_id: " + instId);
        }
    }

    /** Reads {@code c6xxvf_dev3}. */
    public static DeviceKey parse(String id) {
        Matcher m = ID.matcher(id == null ? "" : id);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a device id (like c6xxvf_dev3): " + id);
        }
        return new DeviceKey(m.group(1), Integer.parseInt(m.group(2)));
    }

    /** The device whose conf file this is, for a file the driver reads ({@code /etc/c6xxvf_dev3.conf}). */
    public static Optional<DeviceKey> ofConfPath(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!DeviceFileName.isDriverFileName(name)) {
            return Optional.empty();
        }
        return DeviceFileName.of(name).map(n -> new DeviceKey(n.device().type(), n.instId()));
    }

    /** {@code c6xxvf_dev3}. */
    public String id() {
        return type + "_dev" + instId;
    }

    /** {@code /etc/c6xxvf_dev3.conf}, the file the driver reads for this device. */
    public String confPath() {
        return "/etc/" + id() + ".conf";
    }

    /** The type resolved against the device catalog. */
    public DeviceRef device() {
        return DeviceRef.of(type);
    }

    public boolean vf() {
        return device().vf();
    }

    @Override
    public String toString() {
        return id();
    }
}
