package org.qatwb.model.snapshot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.qatwb.model.testutil.AgentOutputWriter.BOUNDARY;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.testutil.AgentOutputWriter;

/** Whatever the items hold, the reader returns a snapshot, and no bug of ours hides in a warning. */
class NasSnapshotReaderPropertiesTest {

    private static final List<String> ITEMS = List.of("id", "adf_status", "conf:/etc/c6xx_dev0.conf",
            "conf:/etc/c6xxvf_dev3.conf", "conf:/etc/odd name.conf", "default_qat", "blacklist",
            "param:zfs_qat_compress_disable", "kstat_qat", "cpu_online", "node_online", "cpu_nodes", "zfs_get",
            "zpool_get", "kernel_log", "debugfs", "fw_counters:qat_x", "qat_service", "os_release", "truenas_version",
            "persist_unit", "persist_unit_state", "persist_init");

    @Property(tries = 300)
    void anyItemContentGivesASnapshot(@ForAll("contents") List<String> contents,
                                      @ForAll("statuses") List<String> statuses) throws ParseException {
        AgentOutputWriter w = AgentOutputWriter.snapshot();
        for (int i = 0; i < ITEMS.size(); i++) {
            String content = contents.get(i % contents.size());
            String status = statuses.get(i % statuses.size());
            w.item(ITEMS.get(i).replace(' ', '_'), status, 0, content);
        }
        NasSnapshot s = NasSnapshotReader.read(AgentOutput.parse(w.done().bytes(), BOUNDARY));
        for (String warning : s.warnings()) {
            assertFalse(warning.contains("internal error"), warning);
            assertFalse(warning.contains("\n") || warning.contains("\r"), warning);
        }
    }

    @Provide
    Arbitrary<List<String>> contents() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.of("0\nroot\n", "0-3,8-11\n", "0 0-3\n1 \n", "a\tb\tc\n", "a\tb\tc\td\n", "\t\t\n",
                        "[GENERAL]\nServicesEnabled = cy;dc\n[KERNEL_QAT]\nNumberCyInstances = 99999999999\n",
                        "19 1 0x01 1 1 1 1\nname type data\ncomp_requests 4 18446744073709551615\n",
                        "NAME=\"unterminated\nPRETTY_NAME='x'\n", "99999999999\n", "-1\n", "65536\n", "0-65536\n",
                        "[]", "[{\"id\": 1, \"enabled\": true}]", "[{\"id\": \"x\"}, 3]", "{\"a\": [1, 2.5e3, null]}",
                        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"),
                Arbitraries.strings().withChars("0123456789-, \n\t").ofMaxLength(30));
        return text.list().ofMinSize(1).ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<String>> statuses() {
        return Arbitraries.of("ok", "ok", "ok", "truncated", "absent", "error", "denied", "eperm").list().ofMinSize(1).ofMaxSize(5);
    }
}
