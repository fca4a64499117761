package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.qatwb.sim.profile.ParamsAtBoot;

class SimOptionsTest {

    /** The components whose values differ between two options, by name. */
    private static List<String> changed(SimOptions a, SimOptions b) throws ReflectiveOperationException {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : SimOptions.class.getRecordComponents()) {
            if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
                names.add(c.getName());
            }
        }
        return names;
    }

    @Test
    void eachWithChangesItsOwnComponentAndNoOther() throws ReflectiveOperationException {
        SimOptions base = SimOptions.of("c62x");
        Map<String, SimOptions> byWith = new LinkedHashMap<>();
        byWith.put("port", base.withPort(2222));
        byWith.put("stateDir", base.withStateDir(Path.of("/tmp/sim-state")));
        byWith.put("realTime", base.withRealTime(false));
        byWith.put("user", base.withUser("operator"));
        byWith.put("demoLoad", base.withDemoLoad(true));
        byWith.put("zia", base.withZia(true));
        byWith.put("trueNas", base.withTrueNas(true));
        byWith.put("irqbalance", base.withIrqbalance(true));
        byWith.put("downTime", base.withDownTime(Duration.ofSeconds(7)));
        byWith.put("paramsAtBoot", base.withParamsAtBoot(ParamsAtBoot.values()[0]));
        byWith.put("keptParams", base.withKeptParams(false));
        byWith.put("forkExtras", base.withForkExtras(true));
        assertEquals(SimOptions.class.getRecordComponents().length - 1, byWith.size(), "a with method per component but the profile");
        for (Map.Entry<String, SimOptions> e : byWith.entrySet()) {
            assertEquals(List.of(e.getKey()), changed(base, e.getValue()), e.getKey());
        }
        assertEquals(2222, base.withPort(2222).port());
        assertEquals("operator", base.withUser("operator").user());
    }

    @Test
    void copiesAreCheckedAsTheConstructorChecks() {
        SimOptions base = SimOptions.of("c62x");
        assertThrows(IllegalArgumentException.class, () -> base.withPort(65536));
        assertThrows(IllegalArgumentException.class, () -> base.withUser("Root;id"));
        assertThrows(IllegalArgumentException.class, () -> base.withDownTime(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> base.withDownTime(null));
    }

    @Test
    void drivenIsTheTestClockWithoutDownTime() {
        SimOptions d = SimOptions.driven("dh8950");
        assertEquals(false, d.realTime());
        assertEquals(Duration.ZERO, d.downTime());
        assertEquals("dh8950", d.profile());
    }
}
