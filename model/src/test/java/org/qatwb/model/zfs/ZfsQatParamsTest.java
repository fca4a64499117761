package org.qatwb.model.zfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.testutil.AgentOutputWriter;

class ZfsQatParamsTest {

    /** OpenZFS's three and TheTDD/zfs's own (module/zfs/qat_compress.c), as the agent lists them. */
    static final String FORK = """
            value zfs_qat_checksum_disable 1
            value zfs_qat_compress_disable 0
            value zfs_qat_disable_compression 0
            value zfs_qat_disable_decompression 0
            value zfs_qat_encrypt_disable 1
            value zfs_qat_init_failure_threshold 100
            """;

    @Test
    void knownOnesHaveTheirMeaningAndTheRestAreKeptAsTheyAre() throws ParseException {
        ZfsQatParams p = ZfsQatParams.parse(FORK);
        assertEquals(6, p.parameters().size());
        assertEquals(Optional.of(ZfsParam.COMPRESS), p.byName("zfs_qat_compress_disable").orElseThrow().known());
        assertTrue(ZfsParam.COMPRESS.meaning().startsWith("0: ZFS offloads gzip"));
        assertEquals(List.of("zfs_qat_disable_compression", "zfs_qat_disable_decompression", "zfs_qat_init_failure_threshold"),
                p.unknown().stream().map(ZfsQatParams.QatParameter::name).toList());
        assertEquals(Optional.of("100"), p.byName("zfs_qat_init_failure_threshold").orElseThrow().value());
        assertEquals(0, p.notListed());
        assertTrue(p.warnings().isEmpty());
    }

    @Test
    void hostileNamesAndValuesAreWarningsOrKeptAsText() throws ParseException {
        String text = "value zfs_qat_x \u001b[31mred\u0007 and more\n"   // a value is text, whatever it holds
                + "value ../../etc/passwd 1\n"                           // not a parameter name
                + "value zfs_qat_UPPER 1\n"
                + "value zfs_qat_" + "a".repeat(60) + " 1\n"             // longer than the agent lists
                + "denied zfs_qat_secret\n"
                + "cut zfs_qat_long " + "y".repeat(300) + "\n"
                + "value zfs_qat_x again\n"
                + "rm -rf /\n"
                + "value zfs_qat_nospace\n"
                + "more 3\n";
        ZfsQatParams p = ZfsQatParams.parse(text);
        assertEquals(List.of("zfs_qat_x", "zfs_qat_secret", "zfs_qat_long"),
                p.parameters().stream().map(ZfsQatParams.QatParameter::name).toList());
        assertEquals(Optional.of("\u001b[31mred\u0007 and more"), p.parameters().get(0).value(), "kept as read: the views escape");
        assertEquals(Optional.empty(), p.parameters().get(1).value(), "denied: no value");
        assertEquals(ZfsQatParams.MAX_VALUE, p.parameters().get(2).value().orElseThrow().length());
        assertTrue(p.parameters().get(2).cut());
        assertFalse(p.parameters().get(0).cut());
        assertEquals(3, p.notListed());
        assertEquals(6, p.warnings().size(), p.warnings().toString());
        p.warnings().forEach(w -> {
            assertTrue(w.startsWith("line "), w);
            assertFalse(w.contains("\n") || w.contains("\u001b"), "one line, no escape sequence: " + w);
        });
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("zfs_qat_x listed again")));
    }

    @Test
    void atMost64AreKeptAndTheRestCounted() throws ParseException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append("value zfs_qat_p").append(i).append(' ').append(i).append('\n');
        }
        text.append("more 7\n");
        ZfsQatParams p = ZfsQatParams.parse(text.toString());
        assertEquals(ZfsQatParams.MAX, p.parameters().size());
        assertEquals(36 + 7, p.notListed());
    }

    @Test
    void aMillionBadLinesKeepAHundredWarnings() throws ParseException {
        ZfsQatParams p = ZfsQatParams.parse("junk\n".repeat(200_000));
        assertEquals(101, p.warnings().size(), "100 kept, then one line counting the rest");
        assertTrue(p.parameters().isEmpty());
    }

    @Test
    void aMoreWithoutACountIsNotTheAgentsItem() {
        ParseException e = assertThrows(ParseException.class, () -> ZfsQatParams.parse("more lots\n"));
        assertEquals(1, e.line());
    }

    @Test
    void theSnapshotReadsTheItemAndSaysWhatItCouldNotRead() throws ParseException {
        NasSnapshot s = NasSnapshotReader.read(AgentOutput.parse(AgentOutputWriter.snapshot()
                .ok("param:zfs_qat_compress_disable", "0\n")
                .ok(NasSnapshotReader.ZFS_QAT_PARAMS_ITEM, FORK + "junk line\n")
                .done().bytes(), AgentOutputWriter.BOUNDARY));
        ZfsQatParams p = s.qatParameters().orElseThrow();
        assertEquals(3, p.unknown().size());
        assertTrue(s.issues().stream().anyMatch(i -> i.item().equals("zfs_qat_params") && i.message().contains("line 7")),
                s.issues().toString());
        assertEquals(Optional.of(0), Optional.ofNullable(s.params().get(ZfsParam.COMPRESS)), "param: items still read");

        NasSnapshot old = NasSnapshotReader.read(AgentOutput.parse(AgentOutputWriter.snapshot()
                .ok("param:zfs_qat_compress_disable", "0\n").done().bytes(), AgentOutputWriter.BOUNDARY));
        assertTrue(old.qatParameters().isEmpty(), "an older agent sends no such item");
    }
}
