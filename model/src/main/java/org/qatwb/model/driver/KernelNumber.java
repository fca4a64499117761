package org.qatwb.model.driver;

import java.math.BigInteger;

/**
 * How the driver reads a number out of its stored config ({@code adf_cfg_set_value}, 4.8 and 4.24
 * qat_common/adf_cfg_section.c): {@code kstrtoul(val, 10)}, else {@code kstrtoul(val, 16)}. The
 * stored string is what adf_ctl sent: a decimal or {@code 0x} value re-printed by the kernel, any
 * other value as written, so {@code +1} reads 1 and {@code a} reads 10 (base 16), where the
 * product's conf grammar ({@code ConfGrammar.number}) sees no number.
 */
final class KernelNumber {

    private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private KernelNumber() {
    }

    /** The value (above {@code Long.MAX_VALUE} read as that), or -1 when neither base reads it. */
    static long read(String value) {
        BigInteger v = kstrtoul(value, 10);
        if (v == null) {
            v = kstrtoul(value, 16);
        }
        return v == null ? -1 : v.min(LONG_MAX).longValue();
    }

    /**
     * {@code kstrtoul(val, 0)}, as driver 4.8 reads its capability-trimming GENERAL keys: {@code 0x}
     * is hex, a leading {@code 0} octal, else decimal; -1 when unreadable.
     */
    static long readBase0(String value) {
        String t = value.startsWith("+") ? value.substring(1) : value;
        BigInteger v;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            v = kstrtoul(t, 16);
        } else if (t.length() > 1 && t.startsWith("0")) {
            v = kstrtoul(t.substring(1), 8);
        } else {
            v = kstrtoul(t, 10);
        }
        return v == null ? -1 : v.min(LONG_MAX).longValue();
    }

    /** {@code kstrtoul}: an optional {@code +}, digits of the base ({@code 0x} allowed in 16), one optional final newline. */
    private static BigInteger kstrtoul(String s, int base) {
        String t = s.startsWith("+") ? s.substring(1) : s;
        if (t.endsWith("\n")) {
            t = t.substring(0, t.length() - 1);
        }
        if (base == 16 && (t.startsWith("0x") || t.startsWith("0X"))) {
            t = t.substring(2);
        }
        if (t.isEmpty()) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) >= 128 || Character.digit(t.charAt(i), base) < 0) {
                return null;
            }
        }
        // past 22 significant digits (octal's most) it is above ULONG_MAX in every base: no need to
        // build a number out of a hostile megabyte of digits
        String significant = t.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 22) {
            return null;
        }
        BigInteger v = new BigInteger(significant, base);
        return v.compareTo(ULONG_MAX) > 0 ? null : v;
    }
}
