package org.qatwb.model.etc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.testutil.Samples;

class VfBlacklistEditorTest {

    @Test
    void unblockingRemovesEveryLineOfThatModuleAndNothingElse() throws ParseException {
        String before = "# for VM passthrough\r\nblacklist qat_dh895xccvf\nblacklist qat-c62xvf\n"
                + "install qat_c62xvf \\\n  /bin/false\nblacklist qat_c3xxxvf";
        String after = VfBlacklistEditor.unblock(before, "qat_c62xvf");
        assertEquals("# for VM passthrough\r\nblacklist qat_dh895xccvf\nblacklist qat_c3xxxvf", after);
        assertFalse(VfBlacklistParser.parse(after).blocks("qat_c62xvf"));
        assertEquals(after, VfBlacklistEditor.unblock(after, "qat_c62xvf"), "nothing left to remove");
    }

    @Test
    void severalModulesAtOnceSayWhichLinesWent() {
        EtcEdit e = VfBlacklistEditor.unblock("blacklist qat_c62xvf\n# keep\nblacklist qat_c3xxxvf\nblacklist qat_4xxxvf\n",
                java.util.List.of("qat_c62xvf", "qat_4xxxvf"));
        assertEquals("# keep\nblacklist qat_c3xxxvf\n", e.text());
        assertEquals("remove line 1 \"blacklist qat_c62xvf\", line 4 \"blacklist qat_4xxxvf\"", e.change());
    }

    @Test
    void blockingAppendsOneLineUnlessAlreadyBlocked() {
        assertEquals("blacklist qat_dh895xccvf\nblacklist qat_c62xvf\n",
                VfBlacklistEditor.block("blacklist qat_dh895xccvf", "qat_c62xvf"));
        assertEquals("blacklist qat_c62xvf\n", VfBlacklistEditor.block("", "qat_c62xvf"));
        assertEquals("blacklist qat-c62xvf\n", VfBlacklistEditor.block("blacklist qat-c62xvf\n", "qat_c62xvf"));
    }

    @Test
    void blockingRefusesAnythingButOneWordAsTheModule() {
        for (String bad : List.of("qat_c62xvf\ninstall e1000e /bin/sh -c 'id'", "qat_c62xvf /bin/sh", "", "qat_c62xvf\r")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VfBlacklistEditor.block("", bad));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void blockingAfterAContinuedLastLineIsRefusedRatherThanJoinedToIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VfBlacklistEditor.block("install qat_4xxxvf /bin/true \\\n", "qat_c62xvf"));
        assertTrue(e.getMessage().contains("ends in a backslash"), e.getMessage());
    }

    static List<Path> samples() {
        return Samples.files("etc").stream().filter(p -> p.getFileName().toString().contains("blacklist")).toList();
    }

    /** The installer's files: each blocked module let load, then blocked again. */
    @ParameterizedTest
    @MethodSource("samples")
    void everySampleUnblocksAndBlocksAgain(Path sample) throws ParseException {
        String text = new String(Samples.bytes(sample), StandardCharsets.ISO_8859_1);
        for (BlacklistEntry e : VfBlacklistParser.parse(text).entries()) {
            String open = VfBlacklistEditor.unblock(text, e.module());
            assertFalse(VfBlacklistParser.parse(open).blocks(e.module()));
            assertTrue(VfBlacklistParser.parse(VfBlacklistEditor.block(open, e.module())).blocks(e.module()));
            assertEquals(VfBlacklistParser.parse(text).entries().size() - 1, VfBlacklistParser.parse(open).entries().size());
        }
    }
}
