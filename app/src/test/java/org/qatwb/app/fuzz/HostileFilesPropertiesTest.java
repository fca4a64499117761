package org.qatwb.app.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.qatwb.model.fuzz.FuzzRun;
import org.qatwb.model.fuzz.FuzzTarget;
import org.qatwb.model.fuzz.HostileInput;
import org.qatwb.model.fuzz.MessageCheck;
import org.qatwb.model.fuzz.Outcome;

/**
 * The files {@code app} reads hold to model's hostile-input contract (HostileInputPropertiesTest
 * there): a result or the documented refusal, clean one-line messages, bounded allocation.
 */
class HostileFilesPropertiesTest {

    @BeforeContainer
    static void loaded() {
        // each reader's classes loaded before any input is measured
        AppTargets.all().forEach(t -> t.seeds().forEach(s -> HostileInput.run(t, s)));
    }

    private static void holds(FuzzTarget target, byte[] input) {
        if (HostileInput.run(target, input) instanceof Outcome.Finding f) {
            fail(target.name() + ": " + f.kind() + ": " + f.detail() + "\ninput (" + input.length + " bytes): "
                    + MessageCheck.escaped(new String(Arrays.copyOf(input, Math.min(input.length, 300)), StandardCharsets.ISO_8859_1)),
                    f.cause());
        }
    }

    @Property(tries = 500)
    void layoutFile(@ForAll long seed) {
        holds(AppTargets.LAYOUT_JSON, FuzzRun.input(AppTargets.LAYOUT_JSON, new Random(seed)));
    }

    @Property(tries = 300)
    void connectionsFile(@ForAll long seed) {
        holds(AppTargets.CONNECTIONS, FuzzRun.input(AppTargets.CONNECTIONS, new Random(seed)));
    }

    @Property(tries = 200)
    void uiFile(@ForAll long seed) {
        holds(AppTargets.UI_SETTINGS, FuzzRun.input(AppTargets.UI_SETTINGS, new Random(seed)));
    }

    @Property(tries = 200)
    void anyBytesToEveryFile(@ForAll @Size(max = 2000) byte[] input) {
        for (FuzzTarget t : AppTargets.all()) {
            holds(t, input);
        }
    }
}
