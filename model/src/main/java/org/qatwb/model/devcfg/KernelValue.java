package org.qatwb.model.devcfg;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The string the kernel keeps for a value adf_ctl read: adf_ctl types it
 * (utilities/adf_ctl/src/utils.cpp {@code get_value_type}: {@code 0x} and 1..16 hex digits is
 * ADF_HEX, only decimal digits and at most as many as LONG_MAX has is ADF_DEC, anything else
 * ADF_STR) and sends a number as a {@code long}; the kernel prints it back
 * (qat_common/adf_cfg.c {@code adf_cfg_add_key_value_param}: {@code "%ld"}, {@code "0x%lx"}, a
 * string copied into 64 bytes with its NUL).
 */
public final class KernelValue {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final int LONG_DIGITS = 19;

    private KernelValue() {
    }

    /**
     * The value as {@code dev_cfg} prints it, or empty where the reading is not certain: an empty
     * value (the driver drops it), a decimal beyond LONG_MAX (what {@code operator>>} leaves differs
     * between releases), a string longer than the kernel keeps.
     */
    public static Optional<String> of(String v) {
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.length() >= 3 && v.startsWith("0x") && v.length() - 2 <= 16 && digits(v.substring(2), 16)) {
            BigInteger n = new BigInteger(v.substring(2), 16);
            return n.compareTo(LONG_MAX) > 0 ? Optional.empty() : Optional.of("0x" + n.toString(16));
        }
        if (digits(v, 10) && v.length() <= LONG_DIGITS) {
            BigInteger n = new BigInteger(v);
            return n.compareTo(LONG_MAX) > 0 ? Optional.empty() : Optional.of(n.toString());
        }
        return v.length() > DevCfgParser.MAX_NAME ? Optional.empty() : Optional.of(v);
    }

    private static boolean digits(String s, int radix) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || Character.digit(c, radix) < 0) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
