package org.qatwb.model.etc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.parse.ParseException;

class VfBlacklistPropertiesTest {

    @Property(tries = 1000)
    void arbitraryTextRaisesNothing(@ForAll String text) throws ParseException {
        assertWellFormed(VfBlacklistParser.parse(text));
    }

    @Property(tries = 1000)
    void modprobeLikeTextRaisesNothing(@ForAll("modprobeLike") String text) throws ParseException {
        assertWellFormed(VfBlacklistParser.parse(text));
    }

    @Property(tries = 500)
    void blacklistedVfModulesGiveTheirModels(@ForAll("models") List<DeviceModel> models) throws ParseException {
        StringBuilder text = new StringBuilder("# blacklist written by a test\n");
        models.forEach(m -> text.append("blacklist ").append(m.vfModule()).append('\n'));

        VfBlacklist b = VfBlacklistParser.parse(text.toString());

        assertEquals(models.stream().distinct().toList(), b.blockedModels());
        assertTrue(models.stream().allMatch(m -> b.blocks(m.vfModule().replace('_', '-'))));
        assertEquals(List.of(), b.warnings());
    }

    private static void assertWellFormed(VfBlacklist b) {
        assertTrue(b.warnings().stream().allMatch(w -> w.matches("line [0-9]+: [^\n\r]*")), b.warnings()::toString);
        assertTrue(b.entries().stream().allMatch(e -> e.line() >= 1 && !e.module().isEmpty()));
    }

    @Provide
    Arbitrary<String> modprobeLike() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of("blacklist", "install", "options", "alias", " ", "\t", "\n", "\r\n", "\r", "#", "\\",
                        "\\\n", "qat_c62xvf", "qat-c62xvf", "qat_", "vf", "/bin/false", "modprobe", "[", "]", "-",
                        "\u0000", "é", "😀"),
                Arbitraries.strings().all().ofMaxLength(3));
        return fragment.list().ofMaxSize(50).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<DeviceModel>> models() {
        return Arbitraries.of(DeviceCatalog.all()).list().ofMaxSize(10);
    }
}
