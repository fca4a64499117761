package org.qatwb.model.etc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.qatwb.model.parse.ParseException;

class QatDefaultsPropertiesTest {

    @Property(tries = 1000)
    void arbitraryTextRaisesNothing(@ForAll String text) throws ParseException {
        assertWellFormed(QatDefaultsParser.parse(text));
    }

    @Property(tries = 1000)
    void shellLikeTextRaisesNothing(@ForAll("shellLike") String text) throws ParseException {
        assertWellFormed(QatDefaultsParser.parse(text));
    }

    /** Plain, double- and single-quoted assignments, one per line, read back as written. */
    @Property(tries = 500)
    void quotedAssignmentsReadBack(@ForAll("assignments") Map<String, String> vars,
                                   @ForAll("quoteStyles") List<Integer> styles) throws ParseException {
        StringBuilder text = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, String> e : vars.entrySet()) {
            String v = e.getValue();
            String written = switch (styles.get(i++ % styles.size())) {
                case 0 -> v.isEmpty() ? "''" : v;
                case 1 -> "\"" + v + "\"";
                default -> "'" + v + "'";
            };
            text.append(i % 3 == 0 ? "export " : "").append(e.getKey()).append('=').append(written)
                    .append(i % 2 == 0 ? "  # note\n" : "\n");
        }

        QatDefaults d = QatDefaultsParser.parse(text.toString());

        Map<String, String> read = new LinkedHashMap<>();
        d.active().forEach((k, a) -> read.put(k, a.value()));
        assertEquals(vars, read);
        assertEquals(vars.getOrDefault("SRIOV_ENABLE", "").equals("1"), d.sriovEnabled());
    }

    private static void assertWellFormed(QatDefaults d) {
        assertTrue(d.warnings().stream().allMatch(w -> w.matches("line [0-9]+: [^\n\r]*")), d.warnings()::toString);
        assertTrue(d.active().values().stream().allMatch(a -> ShellLexer.NAME.matcher(a.name()).matches()));
    }

    @Provide
    Arbitrary<String> shellLike() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of("SRIOV_ENABLE", "ENABLE_KAPI", "LEGACY_LOADED", "export ", "unset ", "=", "==", "1", "0",
                        "#", " # c", "\"", "'", "\\", "\\\n", "$", "$(", ")", "`", ";", "&&", "|", "<", " ", "\t",
                        "\n", "\r\n", "\r", "if ", "then", "fi", "\u0000", "é", "😀", "\u2028"),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(3));
        return fragment.list().ofMaxSize(50).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<Map<String, String>> assignments() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("SRIOV_ENABLE", "ENABLE_KAPI", "LEGACY_LOADED"),
                Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1).ofMaxLength(12));
        // characters that need no escaping inside any of the three quoting styles
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("1", "0", "yes", ""),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('_', '.', '/', '-', ':')
                        .ofMaxLength(10));
        return Arbitraries.maps(names, values).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Integer>> quoteStyles() {
        return Arbitraries.integers().between(0, 2).list().ofMinSize(1).ofMaxSize(8);
    }
}
