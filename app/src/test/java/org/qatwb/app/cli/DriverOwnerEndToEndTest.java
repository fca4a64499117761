package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/**
 * Which driver owns each QAT card, end to end on every simulated profile: {@code qatwb doctor}'s
 * {@code qat.driver-owner} and {@code qatwb snapshot}'s {@code pci}, over real SSH with the real agent.
 */
class DriverOwnerEndToEndTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "c62x   | pass | 3 PF(s) by Intel QAT 1.x out-of-tree 4.24.0 (qat_c62x)     | 51 | qat1-out-of-tree | qat1-out-of-tree",
        "dh8950 | pass | 1 PF(s) by Intel QAT 1.x out-of-tree 4.28.0 (qat_dh895xcc) | 33 | qat1-out-of-tree | qat1-out-of-tree",
        "broken | pass | 3 PF(s) by Intel QAT 1.x out-of-tree 4.8.0 (qat_c62x)      | 51 | qat1-out-of-tree | none",
        "no-qat | warn | 0000:6b:00.0 (4xxx, Gen 4) is owned by in-kernel qat_4xxx: ZFS cannot use it | 1 | in-kernel | -"
    })
    void eachProfilesCardsAreNamedWithTheirOwner(String profile, String status, String says, int functions, String owner,
            String vfOwner) {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven(profile))) {
            CliRun doctor = NasCommandsEndToEndTest.cli("doctor", nas);
            JsonNode check = check(doctor, "qat.driver-owner");
            assertEquals(status, check.get("status").asText(), check.toString());
            assertTrue(check.get("message").asText().contains(says), check.toString());

            CliRun snapshot = NasCommandsEndToEndTest.cli("snapshot", nas);
            assertEquals(0, snapshot.exit(), snapshot.err());
            JsonNode pci = snapshot.json().get("pci");
            assertEquals(functions, pci.size());
            JsonNode first = pci.get(0);
            assertEquals(owner, first.get("owner").asText(), first.toString());
            assertEquals(false, first.get("vf").asBoolean());
            assertEquals(0, snapshot.json().get("pciConflicts").size());
            JsonNode firstModule = snapshot.json().get("pciModules").get(0);
            assertEquals(owner.equals("in-kernel") ? "in-kernel" : "out-of-tree", firstModule.get("origin").asText(),
                    firstModule.toString());
            assertTrue(firstModule.get("srcversion").asText().matches("[0-9A-F]{23}"), firstModule.toString());
            if (profile.equals("no-qat")) {
                assertEquals("4xxx", first.get("type").asText());
                assertEquals(4, first.get("generation").asInt());
                assertEquals("4xxx", first.get("driver").asText());
                assertTrue(check.get("details").toString().contains("node 0: in-kernel qat_4xxx; ZFS: nothing"), check.toString());
                assertEquals(false, first.get("zfs").get("compression").asBoolean());
            } else {
                assertEquals(true, first.get("zfs").get("checksum").asBoolean(), first.toString());
                assertTrue(first.get("numaNode").isInt(), first.toString());
                List<String> vfOwners = new ArrayList<>();
                pci.forEach(f -> {
                    if (f.get("vf").asBoolean()) {
                        vfOwners.add(f.get("owner").asText());
                    }
                });
                // broken blacklists the VF driver: SR-IOV is on, the VFs are there, none has a driver
                assertEquals(functions - pci.size() + vfOwners.size(), vfOwners.size());
                vfOwners.forEach(o -> assertEquals(vfOwner, o));
            }
        }
    }

    private static JsonNode check(CliRun run, String id) {
        for (JsonNode c : run.json().get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id + " in " + run.out());
    }
}
