package org.qatwb.model.kstat;

import java.math.BigInteger;
import java.util.Objects;

/**
 * One row of a named kstat: {@code name type data}.
 *
 * <p>The value is kept as text so that nothing is lost: for numeric types it is the exact value
 * in canonical decimal (no leading zeros, no {@code +}); a uint64 of 18446744073709551615 stays
 * exactly that. For char and string rows it is the text as read.
 *
 * @param name     the row's name, e.g. {@code comp_requests}
 * @param dataType SPL data type code, 0 to 7 (see {@link KstatDataType})
 * @param value    the value: canonical decimal for numeric types, text otherwise
 * @param line     1-based line the row was read from, or 0 when it was not read from a file
 */
public record KstatEntry(String name, int dataType, String value, int line) {

    /**
     * @throws IllegalArgumentException for an empty name, an unknown type code, or a numeric
     *                                  value that is not a decimal number in the type's range
     */
    public KstatEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) throw new IllegalArgumentException("empty kstat name");
        if (line < 0) throw new IllegalArgumentException("negative line " + line);
        KstatDataType type = KstatDataType.of(dataType)
                .orElseThrow(() -> new IllegalArgumentException("unknown kstat data type " + dataType));
        if (type.numeric()) {
            if (!type.hasNumberSyntax(value)) {
                throw new IllegalArgumentException("'" + value + "' is not a " + type.label() + " number");
            }
            value = type.valueInRange(value)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "'" + name + "' value is out of range for " + type.label()))
                    .toString();
        }
    }

    /** Whether the row holds an integer (types 1 to 6) rather than text. */
    public boolean numeric() {
        return KstatDataType.of(dataType).orElseThrow().numeric();
    }

    /**
     * The exact value.
     *
     * @throws IllegalStateException for char and string rows
     */
    public BigInteger asBigInteger() {
        requireNumeric();
        return new BigInteger(value);
    }

    /**
     * The value as an unsigned 64-bit long: read it back with {@link Long#toUnsignedString(long)},
     * {@link Long#compareUnsigned(long, long)} and friends. Values above {@link Long#MAX_VALUE}
     * come out negative as a signed long; that is the unsigned representation, not a bug.
     *
     * @throws IllegalStateException for char and string rows, and for negative values of signed types
     */
    public long asUnsignedLong() {
        requireNumeric();
        if (value.startsWith("-")) {
            throw new IllegalStateException("'" + name + "' is negative (" + value + "), not an unsigned value");
        }
        return Long.parseUnsignedLong(value);
    }

    private void requireNumeric() {
        if (!numeric()) {
            throw new IllegalStateException("'" + name + "' is a "
                    + KstatDataType.of(dataType).orElseThrow().label() + " row, not a number");
        }
    }
}
