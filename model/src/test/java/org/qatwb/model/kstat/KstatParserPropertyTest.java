package org.qatwb.model.kstat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.StringLength;
import org.qatwb.model.parse.ParseException;

/** Properties of {@link KstatParser}: robust on any input, exact on SPL's own output. */
class KstatParserPropertyTest {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    // --- 1. Any input: a result or a ParseException, never another exception

    // Edge cases are off for the structured documents: jqwik's combined edge cases (empty parts,
    // null parts) would crowd out whole documents; the generators include empty pieces themselves.
    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void captureLikeTextGivesAResultOrAParseException(@ForAll("kstatLikeText") String text) {
        parsesOrRaisesParseException(text);
    }

    @Property(tries = 300)
    void anyStringGivesAResultOrAParseException(@ForAll @StringLength(max = 300) String text) {
        parsesOrRaisesParseException(text);
    }

    /** Any other exception escaping (or an assertion here) fails the property. */
    private static void parsesOrRaisesParseException(String text) {
        try {
            NamedKstat k = KstatParser.parse(text);
            for (String w : k.warnings()) {
                assertFalse(w.contains("\n") || w.contains("\r"), w);
                assertTrue(w.startsWith("line "), w);
            }
        } catch (ParseException e) {
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
            assertTrue(e.line() >= 0);
            assertTrue(e.line() == 0 || e.getMessage().startsWith("line " + e.line() + ": "), e.getMessage());
        }
    }

    /**
     * Mostly documents shaped like a capture (text before the header, a kid line, the column
     * header, rows), each part often damaged or missing, sometimes cut at a random point.
     */
    @Provide
    Arbitrary<String> kstatLikeText() {
        Arbitrary<String> eol = Arbitraries.of("\n", "\r\n", "\r");
        Arbitrary<String> preamble = withEol(Arbitraries.frequencyOf(Tuple.of(1, tokens()), Tuple.of(1, anyLine())), eol)
                .list().ofMaxSize(2).map(KstatParserPropertyTest::joined);
        Arbitrary<String> kid = withEol(Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, 25)
                        .map(n -> "19 1 0x01 " + n + " " + n * 272 + " 1645575508916183 3447141868397572")),
                Tuple.of(2, kidLike()),
                Tuple.of(1, anyLine())), eol);
        Arbitrary<String> columns = withEol(Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("name                            type data", "name\ttype\tdata", " name type data ")),
                Tuple.of(1, Arbitraries.of("name type", "Name Type Data")),
                Tuple.of(1, anyLine())), eol);
        Arbitrary<String> rows = withEol(Arbitraries.frequencyOf(
                Tuple.of(20, goodRow()),
                Tuple.of(2, row()),
                Tuple.of(1, tokens()),
                Tuple.of(1, anyLine())), eol).list().ofMaxSize(12).map(KstatParserPropertyTest::joined);
        Arbitrary<String> document = Combinators.combine(
                        preamble.injectNull(0.7), kid.injectNull(0.15), columns.injectNull(0.1), rows)
                .as((p, k, c, r) -> (p == null ? "" : p) + (k == null ? "" : k) + (c == null ? "" : c) + r);
        // one document in eight is cut at an arbitrary point, as pasted captures are
        Arbitrary<String> maybeCut = Combinators.combine(document, Arbitraries.integers().between(1, 1 << 20))
                .as((d, n) -> n % 8 == 0 && d.length() > 1 ? d.substring(0, n % d.length()) : d);
        return maybeCut;
    }

    private static Arbitrary<String> withEol(Arbitrary<String> line, Arbitrary<String> eol) {
        return Combinators.combine(line, eol).as(String::concat);
    }

    private static String joined(List<String> parts) {
        return String.join("", parts);
    }

    private static Arbitrary<String> sep() {
        return Arbitraries.of(" ", "  ", "\t", "    ", " \t ");
    }

    private static Arbitrary<String> kidLike() {
        return Combinators.combine(Arbitraries.integers().between(-1, 5), digits().list().ofMaxSize(6))
                .as((type, rest) -> "19 " + type + " 0x01 " + String.join(" ", rest));
    }

    /** A row SPL could print, so that whole documents parse often enough to be checked too. */
    private static Arbitrary<String> goodRow() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> typedValue = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(19).map(v -> "4" + " ".repeat(4) + v)),
                Tuple.of(1, Arbitraries.just("4    18446744073709551615")),
                Tuple.of(1, Arbitraries.longs().map(v -> "3    " + v)),
                Tuple.of(1, Arbitraries.strings().all().excludeChars('\n', '\r').ofMaxLength(30).map(v -> "7    " + v)));
        return Combinators.combine(name, sep(), typedValue).as((n, s, tv) -> n + s + tv);
    }

    /** A row from pieces of the syntax: often wrong type codes or values, sometimes cut. */
    private static Arbitrary<String> row() {
        Arbitrary<String> whole = Combinators.combine(token(), sep(), typeCode(), sep(), value())
                .as((n, s1, t, s2, v) -> n + s1 + t + s2 + v);
        Arbitrary<String> cut = Combinators.combine(token(), sep(), typeCode())
                .as((n, s, t) -> n + s + t);
        return Arbitraries.frequencyOf(Tuple.of(9, whole), Tuple.of(1, cut), Tuple.of(1, token()));
    }

    private static Arbitrary<String> tokens() {
        return Combinators.combine(token(), sep()).as(String::concat)
                .list().ofMaxSize(8).map(KstatParserPropertyTest::joined);
    }

    private static Arbitrary<String> anyLine() {
        return Arbitraries.strings().all().ofMaxLength(60);
    }

    private static Arbitrary<String> token() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("name", "type", "data", "0x01", "0x", "-", "--1", "comp_requests",
                        "comp_reqests", "qat_comp_req", "cat", "/proc/spl/kstat/zfs/qat", "19", "1", "0")),
                Tuple.of(3, typeCode()),
                Tuple.of(3, digits()),
                Tuple.of(2, Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(35)),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(8)),
                Tuple.of(1, Arbitraries.of("\u0661\u0662", "é", "€", "\uD83D\uDE00", "\uD83D", "\u0085", "\u2028",
                        "\uFEFF", "\0", "\u00a0", "\u000b")));
    }

    private static Arbitrary<String> typeCode() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("4")),
                Tuple.of(9, Arbitraries.integers().between(0, 9).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("04", "-1", "x", "4294967300")));
    }

    /** Decimal digit runs, short and long (20+ digits overflow every SPL type). */
    private static Arbitrary<String> digits() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(26);
    }

    private static Arbitrary<String> value() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(0, 1L << 50).map(String::valueOf)),
                Tuple.of(4, digits()),
                Tuple.of(2, digits().map(d -> "-" + d)),
                Tuple.of(2, Arbitraries.bigIntegers().between(TWO_64.subtract(BigInteger.TEN), TWO_64.add(BigInteger.TEN))
                        .map(BigInteger::toString)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(20)),
                Tuple.of(1, Arbitraries.just("")));
    }

    // --- 2. Round trip: rows printed the way SPL prints them parse back exactly

    /** A row to print: name, type and the value SPL would print for it. */
    record Row(String name, KstatDataType type, String value) {
    }

    @Property(tries = 1000)
    void splOutputParsesBackToTheSameRows(@ForAll("rows") List<Row> rows, @ForAll("lineEnd") String eol)
            throws ParseException {
        NamedKstat k = KstatParser.parse(print(rows, eol));

        assertEquals(List.of(), k.warnings());
        assertEquals(rows.size(), k.entries().size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            KstatEntry e = k.entries().get(i);
            assertEquals(r.name(), e.name());
            assertEquals(r.type().code(), e.dataType());
            assertEquals(r.value(), e.value());
            assertEquals(i + 3, e.line());
            if (r.type().numeric()) {
                BigInteger exact = new BigInteger(r.value());
                assertEquals(exact, e.asBigInteger());
                if (exact.signum() >= 0) assertEquals(exact.longValue(), e.asUnsignedLong());
            }
        }
    }

    /** The file as spl-kstat.c prints it: "%d %d 0x%02x %d %d %lld %lld", "%-31s %-4s %s", "%-31s %-4d ". */
    private static String print(List<Row> rows, String eol) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%d %d 0x%02x %d %d %d %d", 42, 1, 1, rows.size(), rows.size() * 272,
                1645575508916183L, 3447141868397572L)).append(eol);
        b.append(String.format("%-31s %-4s %s", "name", "type", "data")).append(eol);
        for (Row r : rows) {
            String value = r.type() == KstatDataType.CHAR ? String.format("%-16s", r.value()) : r.value();
            b.append(String.format("%-31s %-4d ", r.name(), r.type().code())).append(value).append(eol);
        }
        return b.toString();
    }

    @Provide
    Arbitrary<String> lineEnd() {
        return Arbitraries.of("\n", "\r\n");
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        // names start with a letter and hold no blanks, like every kstat name; some exceed 31 columns
        Arbitrary<String> names = Combinators.combine(
                        Arbitraries.chars().range('a', 'z'),
                        Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('_')
                                .ofMaxLength(40))
                .as((first, rest) -> first + rest);
        Arbitrary<Row> row = Arbitraries.of(KstatDataType.class)
                .flatMap(type -> Combinators.combine(names, valueOf(type)).as((n, v) -> new Row(n, type, v)));
        return row.list().ofMaxSize(30).uniqueElements(Row::name);
    }

    private static Arbitrary<String> valueOf(KstatDataType type) {
        if (type == KstatDataType.CHAR) {
            // at most 15 characters (SPL cuts c[16] at 15); padding blanks are stripped, so none at the end
            return Arbitraries.strings().withCharRange('!', '~').ofMaxLength(15);
        }
        if (type == KstatDataType.STRING) {
            // any text on one line, with many blanks inside and at the end (they are part of the
            // value); blanks at the start cannot be told from the column padding
            Arbitrary<Character> ch = Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.chars().range('!', '~')),
                    Tuple.of(2, Arbitraries.of(' ', '\t')),
                    Tuple.of(1, Arbitraries.chars().all().filter(c -> c != '\n' && c != '\r')));
            return ch.list().ofMaxSize(40)
                    .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()))
                    .filter(s -> s.isEmpty() || (s.charAt(0) != ' ' && s.charAt(0) != '\t'));
        }
        BigInteger near = BigInteger.valueOf(1000);
        BigInteger min = range(type)[0];
        BigInteger max = range(type)[1];
        return Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.bigIntegers().between(min, max)),
                        Tuple.of(1, Arbitraries.bigIntegers().between(max.subtract(near), max)),
                        Tuple.of(1, Arbitraries.bigIntegers().between(min, min.add(near))))
                .map(BigInteger::toString);
    }

    /** The C ranges of SPL's types on x86_64, written out here rather than taken from the code under test. */
    private static BigInteger[] range(KstatDataType type) {
        return switch (type) {
            case INT32 -> new BigInteger[] {BigInteger.valueOf(-2147483648L), BigInteger.valueOf(2147483647L)};
            case UINT32 -> new BigInteger[] {BigInteger.ZERO, BigInteger.valueOf(4294967295L)};
            case INT64, LONG -> new BigInteger[] {
                    new BigInteger("-9223372036854775808"), new BigInteger("9223372036854775807")};
            case UINT64, ULONG -> new BigInteger[] {BigInteger.ZERO, new BigInteger("18446744073709551615")};
            case CHAR, STRING -> throw new IllegalArgumentException(type + " is not numeric");
        };
    }
}
