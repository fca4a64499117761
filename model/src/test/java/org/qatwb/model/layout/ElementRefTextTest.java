package org.qatwb.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.qatwb.model.conf.InstanceKind;

/** An element's text is its identity: format and parse are inverse, and nothing else parses. */
class ElementRefTextTest {

    @Provide
    Arbitrary<DeviceKey> devices() {
        return Combinators.combine(Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1)
                .ofMaxLength(32), Arbitraries.integers().between(0, DeviceKey.MAX_INST_ID)).as(DeviceKey::new);
    }

    @Provide
    Arbitrary<ElementRef> elements() {
        // any section a file can hold: brackets, spaces, "] Dc0" inside, non-ASCII
        Arbitrary<String> sections = Arbitraries.oneOf(Arbitraries.of("KERNEL_QAT", "SSL", "SHIM", "a] Dc0", " [x]"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(40));
        Arbitrary<ElementRef> instances = Combinators.combine(devices(), sections, Arbitraries.of(InstanceKind.class),
                Arbitraries.integers().greaterOrEqual(0)).as((d, s, k, i) -> new ElementRef.OfInstance(new InstanceRef(d, s, k, i)));
        return Arbitraries.oneOf(devices().map(ElementRef.OfDevice::new), instances,
                Arbitraries.of(HostSetting.class).map(ElementRef.OfHost::new));
    }

    @Property
    void parseReadsWhatFormatWrote(@ForAll("elements") ElementRef e) {
        assertEquals(e, ElementRef.parse(e.format()));
        assertEquals(e.format(), e.toString(), "the GUI's older code still names elements by toString");
        if (e instanceof ElementRef.OfInstance i) {
            assertEquals(i.instance(), InstanceRef.parse(i.instance().format()));
        }
    }

    @Property
    void anythingElseIsRefusedInOneLine(@ForAll String text) {
        try {
            ElementRef e = ElementRef.parse(text);
            assertEquals(text, e.format(), "only the canonical text parses");
        } catch (IllegalArgumentException refused) {
            assertFalse(refused.getMessage().contains("\n") || refused.getMessage().contains("\r"), refused.getMessage());
        }
    }

    @Test
    void theThreeKindsReadAsTheySay() {
        assertEquals(new ElementRef.OfDevice(new DeviceKey("c6xxvf", 3)), ElementRef.parse("c6xxvf_dev3"));
        assertEquals(new ElementRef.OfInstance(new InstanceRef(new DeviceKey("c6xxvf", 3), "KERNEL_QAT", InstanceKind.DC, 0)),
                ElementRef.parse("c6xxvf_dev3 [KERNEL_QAT] Dc0"));
        assertEquals(new ElementRef.OfHost(HostSetting.VF_DRIVER), ElementRef.parse("host:vf-driver"));
    }

    @Test
    void junkIsRefusedNamingWhatWasGiven() {
        for (String junk : new String[] {"", "c6xx_dev", "c6xx_dev01", "C6XX_dev0", "host:", "host:SRIOV", "c6xx_dev0 [] Dc0",
                "c6xx_dev0 [KERNEL_QAT] Dc01", "c6xx_dev0 [KERNEL_QAT] Xy0", "c6xx_dev0 [KERNEL_QAT] Dc99999999999",
                "c6xx_dev0\n[KERNEL_QAT] Dc0", "c6xx_dev0 [KERNEL_QAT] Dc0 "}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ElementRef.parse(junk), junk);
            assertTrue(e.getMessage().startsWith("not a layout element"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ElementRef.parse(null));
        assertThrows(IllegalArgumentException.class, () -> InstanceRef.parse("c6xx_dev0"));
        assertThrows(IllegalArgumentException.class, () -> HostSetting.parse("sriov "));
    }
}
