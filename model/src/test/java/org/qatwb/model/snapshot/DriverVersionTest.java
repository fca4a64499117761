package org.qatwb.model.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.model.device.DriverRelease;
import org.qatwb.model.parse.ParseException;

/** {@code /sys/module/intel_qat/version}: the module's ADF_DRV_VERSION, and the release it is modelled as. */
class DriverVersionTest {

    @ParameterizedTest
    @CsvSource({"4.8.0,R4_8", "4.24.0,R4_24", "4.28.0,R4_28", "4.26.1,R4_24", "4.30.0,R4_28", "4.12.0,R4_8", "4.24,R4_24"})
    void theModelledReleaseIsTheNewestOfOursAtOrBelowTheVersion(String version, DriverRelease expected)
            throws ParseException {
        DriverVersion v = DriverVersion.parse(version + "\n");
        assertEquals(version, v.version());
        assertEquals(Optional.of(expected), v.modelled());
        assertEquals(expected, v.release());
    }

    @Test
    void aVersionWeDoNotModelIsKeptAndReadAsTheNewest() throws ParseException {
        DriverVersion old = DriverVersion.parse("4.7.0\n");
        assertEquals(Optional.empty(), old.modelled());
        assertEquals(DriverRelease.NEWEST, old.release());
        assertEquals(Optional.empty(), DriverVersion.parse("1.2.30").modelled(), "another driver (QAT 2.0)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "4.24.0\n4.8.0\n", "4.24.0 ", "v4.24.0", "4.24.0; reboot", "4..24",
            "4.24.0\u001b[2J", "99999999999999999999999999999999999.0"})
    void anythingButOneLineOfDigitsAndDotsIsOneLineOfError(String text) {
        ParseException e = assertThrows(ParseException.class, () -> DriverVersion.parse(text));
        assertTrue(e.getMessage().startsWith("line 1: not a module version") || e.getMessage().contains("not a module version"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("\u001b"), e.getMessage());
    }

    @Test
    void theReleasesAreNamedAsTheCommandLineNamesThem() {
        assertEquals(Optional.of(DriverRelease.R4_8), DriverRelease.of("4.8"));
        assertEquals(Optional.of(DriverRelease.R4_28), DriverRelease.of("4.28"));
        assertEquals(Optional.empty(), DriverRelease.of("4.24.0"));
        assertEquals("4.24", DriverRelease.R4_24.label());
        assertTrue(DriverRelease.R4_24.trimsBlanks() && DriverRelease.R4_28.trimsBlanks() && !DriverRelease.R4_8.trimsBlanks());
    }
}
