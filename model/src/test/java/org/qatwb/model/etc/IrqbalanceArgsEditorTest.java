package org.qatwb.model.etc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Adding qatwb's word to IRQBALANCE_ARGS and taking it out, byte for byte elsewhere, refusing what both readers may read apart. */
class IrqbalanceArgsEditorTest {

    private static final String PATH = "/etc/default/irqbalance";
    private static final String WORD = "--policyscript=/var/lib/qatwb/irq/irqbalance-policy.sh";

    /** Upstream's misc/irqbalance.env, shortened: comments, a commented setting, the empty assignment. */
    private static final String UPSTREAM = "# irqbalance is a daemon process that distributes interrupts across\n"
            + "#\n#IRQBALANCE_BANNED_CPULIST=\n\n#\n# IRQBALANCE_ARGS\n#    Append any args here\n#\nIRQBALANCE_ARGS=\"\"\n";

    @Test
    void theAssignmentInEffectGetsTheWordAndLosesItAgainLeavingEveryOtherByte() {
        EtcEdit added = IrqbalanceArgsEditor.add(PATH, UPSTREAM, WORD);
        assertEquals(UPSTREAM.replace("IRQBALANCE_ARGS=\"\"", "IRQBALANCE_ARGS=\"" + WORD + "\""), added.text());
        assertEquals(List.of(WORD), IrqbalanceArgs.read(added.text()).words());
        assertTrue(added.change().startsWith("set line 9"), added.change());
        assertEquals(UPSTREAM, IrqbalanceArgsEditor.remove(PATH, added.text(), WORD).text());
        assertEquals(added.text(), IrqbalanceArgsEditor.add(PATH, added.text(), WORD).text(), "once only");
    }

    @Test
    void theAdministratorsWordsStayInTheirOrder() {
        String text = "IRQBALANCE_ARGS='--hintpolicy=ignore -m nvme'\n";
        EtcEdit added = IrqbalanceArgsEditor.add(PATH, text, WORD);
        assertEquals("IRQBALANCE_ARGS=\"--hintpolicy=ignore -m nvme " + WORD + "\"\n", added.text());
        assertEquals("IRQBALANCE_ARGS=\"--hintpolicy=ignore -m nvme\"\n", IrqbalanceArgsEditor.remove(PATH, added.text(), WORD).text());
    }

    @Test
    void withoutAnAssignmentOneIsAppendedAndACrlfOrShellOnlyValueIsRefused() {
        String rhel = "# Red Hat's sysconfig\n#IRQBALANCE_ARGS=\nIRQBALANCE_ONESHOT=yes";
        EtcEdit added = IrqbalanceArgsEditor.add("/etc/sysconfig/irqbalance", rhel, WORD);
        assertEquals(rhel + "\nIRQBALANCE_ARGS=\"" + WORD + "\"\n", added.text());
        for (String bad : List.of("IRQBALANCE_ARGS=\"$EXTRA\"\n", "IRQBALANCE_ARGS=a b\n", "export IRQBALANCE_ARGS=\"\"\n",
                "IRQBALANCE_ARGS=\"\" # mine\n", "IRQBALANCE_ARGS=\"\"\r\n", "IRQBALANCE_ARGS=\"`reboot`\"\n")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IrqbalanceArgsEditor.add(PATH, bad, WORD),
                    bad);
            assertTrue(e.getMessage().contains("edit it by hand") && !e.getMessage().contains("\n"), e.getMessage());
            assertFalse(IrqbalanceArgs.read(bad).readable(), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> IrqbalanceArgsEditor.add(PATH, UPSTREAM, "--x=\"y\""));
    }
}
