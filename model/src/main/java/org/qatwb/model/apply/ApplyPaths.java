package org.qatwb.model.apply;

import java.util.regex.Pattern;

/**
 * The only files an apply may write (issue 5): the driver's conf files, {@code /etc/default/qat}
 * and the VF blacklist. The agent checks the same set with its own patterns; the client refuses
 * anything else before a byte is sent.
 */
public final class ApplyPaths {

    public static final String DEFAULT_QAT = "/etc/default/qat";
    public static final String BLACKLIST = "/etc/modprobe.d/blacklist-qat-vfs.conf";

    /** {@code /etc/<type>_dev<N>.conf}, with the driver's naming: a lowercase type, up to six digits. */
    private static final Pattern CONF = Pattern.compile("/etc/[a-z0-9]+_dev[0-9]{1,6}\\.conf");

    private ApplyPaths() {
    }

    public static boolean isWritable(String path) {
        return path.equals(DEFAULT_QAT) || path.equals(BLACKLIST) || CONF.matcher(path).matches();
    }

    /** {@code path} itself, or an IllegalArgumentException naming what is allowed. */
    public static String requireWritable(String path) {
        if (!isWritable(path)) {
            throw new IllegalArgumentException("not a file qatwb writes: " + path + " (only /etc/<type>_dev<N>.conf, "
                    + DEFAULT_QAT + ", " + BLACKLIST + ")");
        }
        return path;
    }
}
