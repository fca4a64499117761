package org.qatwb.sim.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real fio on this machine never answers for the simulated NAS: its PATH directory is mirrored without it. */
class HostPathTest {

    @Test
    void aDirectoryWithFioIsMirroredWithoutItAndOthersStay(@TempDir Path dir) throws Exception {
        Path withFio = Files.createDirectories(dir.resolve("usr-bin"));
        Files.writeString(withFio.resolve("fio"), "#!/bin/sh\n");
        Files.writeString(withFio.resolve("ls"), "#!/bin/sh\n");
        Path other = Files.createDirectories(dir.resolve("bin"));
        Path simBin = Files.createDirectories(dir.resolve("sim-bin"));
        Files.writeString(simBin.resolve("fio"), "#!/bin/sh\n");
        String path = HostPath.without(simBin + ":" + withFio + ":" + other, simBin, dir.resolve("mirrors"), Set.of("fio"));
        String[] parts = path.split(":");
        assertEquals(simBin.toString(), parts[0], "the stand-ins stay first, fio and all");
        assertEquals(other.toString(), parts[2], "a directory without fio is used as it is");
        Path mirror = Path.of(parts[1]);
        assertTrue(Files.isSymbolicLink(mirror.resolve("ls")));
        assertFalse(Files.exists(mirror.resolve("fio")));
        assertEquals("a:b", HostPath.without("a:b", simBin, dir.resolve("m2"), Set.of("fio")), "nothing to hide: unchanged");
    }
}
