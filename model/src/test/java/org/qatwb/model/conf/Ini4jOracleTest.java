package org.qatwb.model.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ini4j.Config;
import org.ini4j.Ini;
import org.ini4j.Profile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.testutil.Samples;

/**
 * ini4j as an independent oracle, on files without the driver's quirks (no inline comments, no
 * inner spaces, no duplicates, no tabs): there both readers must agree on every section, key and
 * value. ini4j keeps quotes, so the oracle strips a surrounding pair as the driver does.
 */
class Ini4jOracleTest {

    private static Map<String, Map<String, String>> ours(String text) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (ConfSection s : ConfDocument.parse(text).sections()) {
            Map<String, String> kv = new LinkedHashMap<>();
            s.effective().forEach((k, e) -> kv.put(k, e.value()));
            out.put(s.name(), kv);
        }
        return out;
    }

    private static Map<String, Map<String, String>> ini4j(String text) throws IOException {
        Config cfg = new Config();
        cfg.setEscape(false);
        cfg.setMultiSection(false);
        cfg.setMultiOption(false);
        Ini ini = new Ini();
        ini.setConfig(cfg);
        ini.load(new StringReader(text));
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Profile.Section s : ini.values()) {
            Map<String, String> kv = new LinkedHashMap<>();
            for (String k : s.keySet()) {
                kv.put(k, ConfGrammar.unquote(s.get(k)));
            }
            out.put(s.getName(), kv);
        }
        return out;
    }

    static Stream<Path> sampleConfs() {
        return Samples.files("conf").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleConfs")
    void intelSamplesReadTheSameWithIni4j(Path file) throws IOException {
        String text = new String(Samples.bytes(file), StandardCharsets.ISO_8859_1);
        Assumptions.assumeFalse(hasDriverQuirks(text), "the file uses constructs the two readers treat differently");
        assertEquals(ini4j(text), ours(text));
    }

    /** Inline comments, tabs, indentation, inner spaces: where ini4j and the driver part ways. */
    private static boolean hasDriverQuirks(String text) {
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int eq = Math.max(0, line.indexOf('='));
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (line.contains("\t") || line.contains("#") || line.startsWith(" ")
                    || key.contains(" ") || value.contains(" ")) {
                return true;
            }
        }
        return false;
    }

    @Property(tries = 300)
    void plainGeneratedFilesReadTheSame(@ForAll("plainFiles") String text) throws IOException {
        assertEquals(ini4j(text), ours(text));
    }

    @Provide
    Arbitrary<String> plainFiles() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').withChars('_').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> value = Arbitraries.oneOf(word, word.map(w -> "\"" + w + "\""),
                Arbitraries.of("cy;dc", "dc;sym", "0x1F", "512"));
        Arbitrary<String> pair = Combinators.combine(word, value, Arbitraries.of(" = ", "=", "  =   "))
                .as((k, v, eq) -> k + eq + v);
        Arbitrary<String> section = Combinators.combine(word, pair.list().ofMaxSize(6).uniqueElements(p -> p.split("=")[0].strip()))
                .as((name, pairs) -> "[" + name + "]\n" + String.join("\n", pairs) + "\n");
        Arbitrary<List<String>> sections = section.list().ofMinSize(1).ofMaxSize(4)
                .uniqueElements(s -> s.substring(1, s.indexOf(']')));
        Arbitrary<String> comment = Arbitraries.of("", "# a comment\n", "\n");
        return Combinators.combine(comment, sections).as((c, s) -> c + String.join("\n", s));
    }
}
