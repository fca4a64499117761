package org.qatwb.ssh.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPatternsTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "nas1            | nas1                 | true",
        "NAS1            | nas1                 | true",
        "nas1            | nas*                 | true",
        "nas12           | nas?                 | false",
        "nas1            | nas?                 | true",
        "nas1            | *                    | true",
        "nas1.lan        | *.lan                | true",
        "nas1.lan        | *.lan !nas1.lan      | false",
        "nas2.lan        | *.lan !nas1.lan      | true",
        "nas1.lan        | !nas1.lan            | false",
        "other           | !nas1.lan            | false",
        "[10.0.0.5]:2222 | [10.0.0.5]:2222      | true",
        "[10.0.0.5]:2222 | 10.0.0.5             | false",
        "[10.0.0.5]:2222 | [10.0.0.*]:2222      | true",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaab | *a*a*a*a*a*a*a*a*a*c | false",
    })
    void matchesLikeOpenSsh(String host, String patterns, boolean expected) {
        assertEquals(expected, HostPatterns.matchesList(host, List.of(patterns.split(" "))));
    }
}
