package org.qatwb.model.driver;

import java.math.BigInteger;

/**
 * The driver's reading of a {@code CoreAffinity} value (step D3.1,
 * {@code adf_cfg_set_core_number_for_instance}): a comma list of numbers or {@code a-b} ranges,
 * expanded in order; process p gets element {@code p mod length}.
 */
final class CoreList {

    static final int EFAULT = -14;
    static final int EINVAL = -22;
    static final int ERANGE = -34;

    /** Tokens before the last are copied into 10-byte buffers, so only 9 characters survive. */
    private static final int TOKEN_CHARS = 9;

    private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** A core, or the errno the driver logs. */
    record Result(long core, int errno) {
        boolean ok() {
            return errno == 0;
        }
    }

    private CoreList() {
    }

    /** The core for process {@code process}; a missing value is {@code null} (-EFAULT, like the driver). */
    static Result core(String value, long process) {
        if (value == null) {
            return new Result(0, EFAULT);
        }
        String[] tokens = value.split(",", -1);
        // walk the list twice (count, then pick) so a huge range costs no memory; a range may
        // hold 2^64 cores, so the length is counted without overflow
        BigInteger length = BigInteger.ZERO;
        for (int i = 0; i < tokens.length; i++) {
            String t = i < tokens.length - 1 && tokens[i].length() > TOKEN_CHARS
                    ? tokens[i].substring(0, TOKEN_CHARS) : tokens[i];
            tokens[i] = t;
            int dash = t.indexOf('-');
            if (dash >= 0) {
                long[] a = new long[1];
                long[] b = new long[1];
                int e = kstrtoul(t.substring(0, dash), a);
                if (e == 0) {
                    e = kstrtoul(t.substring(dash + 1), b);
                }
                if (e != 0) {
                    return new Result(0, e);
                }
                if (Long.compareUnsigned(a[0], b[0]) > 0) {
                    return new Result(0, EFAULT);
                }
                length = length.add(unsigned(b[0]).subtract(unsigned(a[0]))).add(BigInteger.ONE);
            } else {
                long[] a = new long[1];
                int e = kstrtoul(t, a);
                if (e != 0) {
                    return new Result(0, e);
                }
                length = length.add(BigInteger.ONE);
            }
        }
        BigInteger want = unsigned(process).mod(length);
        for (String t : tokens) {
            int dash = t.indexOf('-');
            long[] a = new long[1];
            long[] b = new long[1];
            kstrtoul(dash >= 0 ? t.substring(0, dash) : t, a);
            if (dash >= 0) {
                kstrtoul(t.substring(dash + 1), b);
            } else {
                b[0] = a[0];
            }
            BigInteger n = unsigned(b[0]).subtract(unsigned(a[0])).add(BigInteger.ONE);
            if (want.compareTo(n) < 0) {
                return new Result(a[0] + want.longValue(), 0);
            }
            want = want.subtract(n);
        }
        throw new IllegalStateException("unreachable: index within the counted length");
    }

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    /** The kernel's {@code kstrtoul(s, 10)}: optional '+', decimal digits, one optional trailing newline. */
    private static int kstrtoul(String s, long[] out) {
        String t = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return EINVAL;
        }
        String significant = t.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 20) {
            return ERANGE; // more than ULONG_MAX's 20 digits, without parsing a hostile megabyte
        }
        BigInteger v = new BigInteger(significant);
        if (v.compareTo(ULONG_MAX) > 0) {
            return ERANGE;
        }
        out[0] = v.longValue();
        return 0;
    }
}
