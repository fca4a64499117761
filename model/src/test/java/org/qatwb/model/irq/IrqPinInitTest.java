package org.qatwb.model.irq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.irq.IrqPin;
import org.qatwb.model.irq.IrqbalanceFiles;
import org.qatwb.model.irq.KeptPins;
import org.qatwb.model.persist.InitScript;

/** TrueNAS's init script for the pins: written as the unit's commands, read back exactly, anything else foreign. */
class IrqPinInitTest {

    private static final List<IrqPin> PINS = List.of(new IrqPin("0000:3d:02.1", 7), new IrqPin("0000:3d:01.0", 3));

    @Test
    void theCommandIsTheUnitsPerPinAndReadsBackAsThePins() throws Exception {
        InitScript s = IrqPinInit.forPins(PINS);
        assertEquals("cd /proc/irq/*/qat_3d:01.00/.. && echo 3 > smp_affinity_list; "
                + "cd /proc/irq/*/qat_3d:02.01/.. && echo 7 > smp_affinity_list", s.command());
        assertEquals("POSTINIT", s.when());
        String answer = "[" + s.json().replace("{", "{\"id\": 2, ").replace("\"enabled\": true", "\"enabled\": false") + "]";
        KeptPins kept = KeptPins.ofInit(answer, IrqbalanceFiles.none());
        assertEquals(IrqPinUnit.sorted(PINS), kept.pins());
        assertTrue(kept.trueNas() && !kept.enabled() && !kept.foreign());
        assertEquals(IrqPinInit.LABEL, kept.where());
        assertEquals(kept.unitText().orElseThrow().replace("enabled: false", "enabled: true"), kept.textFor(PINS));
    }

    @Test
    void anEditedCommandTwoEntriesOrAnAnswerThatIsNoneAreForeign() {
        String edited = IrqPinInit.forPins(PINS).json().replace("echo 3", "echo 3; reboot");
        for (String answer : List.of("[" + edited + "]", "[" + IrqPinInit.forPins(PINS).json() + ", "
                + IrqPinInit.forPins(PINS).json() + "]", "{\"error\": 1}")) {
            KeptPins kept = KeptPins.ofInit(answer, IrqbalanceFiles.none());
            assertTrue(kept.foreign() && kept.pins().isEmpty(), answer);
        }
        assertEquals(Optional.empty(), KeptPins.ofInit("[]", IrqbalanceFiles.none()).unitText());
    }
}
