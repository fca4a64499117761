package org.qatwb.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The blocked VF drivers go into a modprobe.d file: only the catalog's VF driver modules may be named. */
class HostSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"qat_c62xvf\ninstall e1000e /bin/sh -c 'id'", "e1000e", "qat_c62xvf ", "qat-c62xvf", "",
        "qat_c6xxvf"})
    void anythingButACatalogVfModuleIsRefused(String module) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HostSettings(true, true, List.of(module)));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("is not a QAT VF driver module (known: qat_dh895xccvf, qat_c62xvf"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new HostSettings(true, true, List.of()).withVfDriverBlocked(module, true));
    }

    @Test
    void catalogModulesAreKeptSorted() {
        assertEquals(List.of("qat_4xxxvf", "qat_c62xvf"),
                new HostSettings(true, true, List.of("qat_c62xvf", "qat_4xxxvf", "qat_c62xvf")).blockedVfDrivers());
    }
}
