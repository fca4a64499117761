package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.app.cli.json.JsonOut;

/** The --sim endpoint is used only from a directory and a file that nobody but the user could have written. */
class SimEndpointFileTest {

    @TempDir
    Path tmp;

    private static ObjectNode endpoint(int port) {
        ObjectNode e = JsonOut.object();
        e.put("host", "127.0.0.1");
        e.put("port", port);
        return e;
    }

    /** What an attacker leaves: a directory anyone may write, holding an endpoint of theirs. */
    private Path planted(String mode) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("qatwb-sim-victim"));
        Files.writeString(dir.resolve("endpoint.json"), "{\"host\": \"127.0.0.1\", \"port\": 6666}");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
        return dir;
    }

    @Test
    void aDirectoryOfItsOwnIsCreatedPrivateAndReadBack() throws Exception {
        Path dir = tmp.resolve("qatwb-sim-me");
        SimEndpointFile.write(dir, endpoint(2222));

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals(2222, SimEndpointFile.read(dir).orElseThrow().get("port").asInt());
        SimEndpointFile.write(dir, endpoint(2223));
        assertEquals(2223, SimEndpointFile.read(dir).orElseThrow().get("port").asInt(), "an earlier run's directory is reused");
        SimEndpointFile.delete(dir);
        assertTrue(SimEndpointFile.read(dir).isEmpty());
    }

    @Test
    void aWorldWritableDirectoryIsRefusedWithOneLineSayingWhatToDo() throws Exception {
        Path dir = planted("rwxrwxrwx");

        CliException e = assertThrows(CliException.class, () -> SimEndpointFile.read(dir));
        assertEquals(ExitCodes.UNREACHABLE, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(dir + ": it is writable by others (mode 0777)"), e.getMessage());
        assertTrue(e.getMessage().contains("rm -r '" + dir + "'"), e.getMessage());
    }

    @Test
    void aGroupWritableDirectoryIsRefused() throws Exception {
        Path dir = planted("rwxrwx---");

        CliException e = assertThrows(CliException.class, () -> SimEndpointFile.read(dir));
        assertTrue(e.getMessage().contains("writable by its group"), e.getMessage());
    }

    @Test
    void aSymbolicLinkIsRefusedEvenToAPrivateDirectoryOfTheUser() throws Exception {
        Path real = tmp.resolve("real");
        SimEndpointFile.write(real, endpoint(2222));
        Path link = Files.createSymbolicLink(tmp.resolve("qatwb-sim-me"), real);

        CliException e = assertThrows(CliException.class, () -> SimEndpointFile.read(link));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void anEndpointFileThatIsALinkIsRefused() throws Exception {
        Path dir = tmp.resolve("qatwb-sim-me");
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path elsewhere = Files.writeString(tmp.resolve("theirs.json"), "{\"port\": 6666}");
        Files.createSymbolicLink(dir.resolve("endpoint.json"), elsewhere);

        CliException e = assertThrows(CliException.class, () -> SimEndpointFile.read(dir));
        assertTrue(e.getMessage().contains("endpoint.json is not a regular file"), e.getMessage());
    }

    @Test
    void theSimulatorWritesNothingIntoADirectorySomeoneElseMade() throws Exception {
        Path dir = planted("rwxrwxrwx");

        CliException e = assertThrows(CliException.class, () -> SimEndpointFile.write(dir, endpoint(2222)));
        assertEquals(ExitCodes.INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("cannot leave the endpoint for --sim in " + dir + ": it is writable by"
                + " others"), e.getMessage());
        assertEquals("{\"host\": \"127.0.0.1\", \"port\": 6666}", Files.readString(dir.resolve("endpoint.json")),
                "the planted file is left as it was, and no temporary file is added");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void theSimulatorDoesNotFollowALinkPlantedInItsPlace() throws Exception {
        Path target = Files.createDirectory(tmp.resolve("attacker"));
        Path link = Files.createSymbolicLink(tmp.resolve("qatwb-sim-me"), target);

        assertThrows(CliException.class, () -> SimEndpointFile.write(link, endpoint(2222)));
        assertFalse(Files.exists(target.resolve("endpoint.json")));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aDirectoryOfAnotherUserIsRefused() throws Exception {
        assumeTrue(CurrentUser.uid() == 0, "only root can give a directory to another user");
        Path dir = planted("rwx------");
        Files.setAttribute(dir, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);

        CliException e = assertThrows(CliException.class, () -> SimEndpointFile.read(dir));
        assertTrue(e.getMessage().contains("it belongs to uid 65534, not to you (uid 0)"), e.getMessage());
        assertThrows(CliException.class, () -> SimEndpointFile.write(dir, endpoint(2222)));
    }

    @Test
    void anEndpointFileOfAnotherUserIsRefused() throws Exception {
        assumeTrue(CurrentUser.uid() == 0, "only root can give a file to another user");
        Path dir = tmp.resolve("qatwb-sim-me");
        SimEndpointFile.write(dir, endpoint(2222));
        Files.setAttribute(dir.resolve("endpoint.json"), "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);

        CliException e = assertThrows(CliException.class, () -> SimEndpointFile.read(dir));
        assertTrue(e.getMessage().contains("endpoint.json belongs to uid 65534"), e.getMessage());
    }
}
