package org.qatwb.model.conf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The reader gives every input a meaning and keeps every byte; edits touch only their lines. */
class ConfPropertiesTest {

    @Property(tries = 1000)
    void arbitraryBytesParseAndRoundTrip(@ForAll byte[] bytes) {
        ConfDocument d = ConfDocument.parse(bytes);
        assertArrayEquals(bytes, d.toBytes());
    }

    @Property(tries = 1000)
    void confLikeTextParsesAndRoundTrips(@ForAll("confLike") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ConfDocument d = ConfDocument.parse(bytes);
        assertArrayEquals(bytes, d.toBytes());
        for (ConfSection s : d.sections()) {
            assertTrue(s.effective().values().stream().allMatch(ConfLine.Entry::stored));
        }
    }

    @Property(tries = 500)
    void settingAKeyChangesOnlyThatKey(@ForAll("confLike") String text, @ForAll("values") String value) {
        ConfDocument before = ConfDocument.parse(text + "\n[ZZ]\nTarget = 1\nOther = 2\n");
        ConfDocument after = new ConfEditor(before).set("ZZ", "Target", value).toDocument();
        assertEquals(Optional.of(value), after.value("ZZ", "Target"));
        assertEquals(before.lines().size(), after.lines().size());
        int changed = 0;
        for (int i = 0; i < before.lines().size(); i++) {
            if (!before.lines().get(i).raw().equals(after.lines().get(i).raw())) {
                changed++;
            }
        }
        assertTrue(changed <= 1);
        for (ConfSection s : before.sections()) {
            if (!s.name().equals("ZZ")) {
                assertEquals(s.effective().keySet(), after.section(s.name()).orElseThrow().effective().keySet());
            }
        }
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withCharRange('!', '~').excludeChars('#', '"').ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> confLike() {
        Arbitrary<String> fragment = Arbitraries.of("[", "]", "=", "#", " ", "\t", "\r", "\n", "\r\n", "\"",
                "GENERAL", "KERNEL_QAT", "ZZ", "Cy0Name", "NumberDcInstances", "1", "0x1f", ";", "\u00e9", "\uFEFF");
        return fragment.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 200)
    void addingAndRemovingAnInstanceRestoresTheEffectiveValues(@ForAll("counts") int existing) {
        StringBuilder sb = new StringBuilder("[KERNEL_QAT]\nNumberDcInstances = " + existing + "\n");
        for (int i = 0; i < existing; i++) {
            sb.append("\nDc").append(i).append("Name = \"Dc").append(i).append("\"\nDc").append(i)
                    .append("IsPolled = 0\nDc").append(i).append("CoreAffinity = ").append(i).append('\n');
        }
        ConfDocument before = ConfDocument.parse(sb.toString());
        ConfEditor e = new ConfEditor(before);
        int n = e.addInstance("KERNEL_QAT", InstanceKind.DC, "New", 0, 9);
        e.removeInstance("KERNEL_QAT", InstanceKind.DC, n);
        ConfDocument after = e.toDocument();
        assertEquals(values(before), values(after));
    }

    @Provide
    Arbitrary<Integer> counts() {
        return Arbitraries.integers().between(0, 8);
    }

    private static List<String> values(ConfDocument d) {
        return d.sections().stream().flatMap(s -> s.effective().entrySet().stream())
                .map(en -> en.getKey() + "=" + en.getValue().value()).toList();
    }
}
