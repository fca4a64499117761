package org.qatwb.model.kstat;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The data type code of a named kstat row (the {@code type} column).
 *
 * <p>Codes and widths as defined by OpenZFS's SPL, include/os/linux/spl/sys/kstat.h
 * ({@code KSTAT_DATA_CHAR} 0 ... {@code KSTAT_DATA_STRING} 7, {@code KSTAT_NUM_DATAS} 8; checked
 * against openzfs/zfs at commit 006e9a40). SPL panics on any other code, so a row with another
 * code cannot come from a real kernel. {@code long} and {@code ulong} are 64-bit: SPL's printing
 * code says its formats are "correct for x86_64", and QAT NAS boxes are x86_64.
 */
public enum KstatDataType {
    CHAR(0, "char", null, null),
    INT32(1, "int32", BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)),
    UINT32(2, "uint32", BigInteger.ZERO, BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE)),
    INT64(3, "int64", BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)),
    UINT64(4, "uint64", BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)),
    LONG(5, "long", BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)),
    ULONG(6, "ulong", BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)),
    STRING(7, "string", null, null);

    /** No value of any type has more decimal digits than 2^64-1 (20 digits). */
    private static final int MAX_DIGITS = 20;

    private final int code;
    private final String label;
    private final BigInteger min;
    private final BigInteger max;

    KstatDataType(int code, String label, BigInteger min, BigInteger max) {
        this.code = code;
        this.label = label;
        this.min = min;
        this.max = max;
    }

    /** The type with this code, if SPL defines one. */
    public static Optional<KstatDataType> of(int code) {
        for (KstatDataType t : values()) {
            if (t.code == code) return Optional.of(t);
        }
        return Optional.empty();
    }

    /** The code printed in the {@code type} column. */
    public int code() {
        return code;
    }

    /** The name used in messages, e.g. {@code uint64}. */
    public String label() {
        return label;
    }

    /** Integer types (codes 1 to 6); char and string rows carry text. */
    public boolean numeric() {
        return min != null;
    }

    /** Whether negative values are allowed (int32, int64, long). */
    public boolean signed() {
        return numeric() && min.signum() < 0;
    }

    /** Smallest value of a numeric type. */
    public BigInteger min() {
        requireNumeric();
        return min;
    }

    /** Largest value of a numeric type. */
    public BigInteger max() {
        requireNumeric();
        return max;
    }

    /**
     * Whether {@code text} is written the way SPL prints this type: ASCII digits, with one
     * leading {@code -} for signed types. Says nothing about range.
     */
    public boolean hasNumberSyntax(String text) {
        requireNumeric();
        int start = signed() && text.startsWith("-") ? 1 : 0;
        if (text.length() == start) return false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            // ASCII only: BigInteger would also accept other Unicode digits
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /**
     * The exact value of {@code text}, which must have {@link #hasNumberSyntax number syntax};
     * empty when it is outside this type's range.
     */
    public Optional<BigInteger> valueInRange(String text) {
        if (!hasNumberSyntax(text)) throw new IllegalArgumentException("not a " + label + " number: " + text);
        int start = text.startsWith("-") ? 1 : 0;
        while (start < text.length() - 1 && text.charAt(start) == '0') start++;
        // cheap guard before BigInteger: arbitrarily long digit strings are simply out of range
        if (text.length() - start > MAX_DIGITS) return Optional.empty();
        BigInteger v = new BigInteger(text);
        return v.compareTo(min) >= 0 && v.compareTo(max) <= 0 ? Optional.of(v) : Optional.empty();
    }

    private void requireNumeric() {
        if (!numeric()) throw new IllegalStateException(label + " is not a numeric kstat type");
    }
}
