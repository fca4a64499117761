package org.qatwb.model.zfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.testutil.NasOutputs;

class ZfsPropertyTableTest {

    @Test
    void readsZfsGetWithSourcesAndNamesWithBlanks() throws ParseException {
        ZfsPropertyTable t = ZfsPropertyTable.parse(NasOutputs.ZFS_GET);
        assertEquals(List.of("tank", "tank/backup", "tank/my vol"), List.copyOf(t.rows().keySet()));
        assertEquals(Map.of("compression", "gzip", "checksum", "on", "encryption", "off", "recordsize", "-"),
                t.rows().get("tank/my vol"));
        assertEquals(List.of("compression", "checksum", "encryption", "recordsize"),
                List.copyOf(t.rows().get("tank").keySet()), "the tool's order");
        assertEquals(List.of(), t.warnings());
    }

    @Test
    void readsZpoolGetWithoutSources() throws ParseException {
        ZfsPropertyTable t = ZfsPropertyTable.parse("tank\tsize\t47781511626752\ntank\tzia_available\tno\r\n");
        assertEquals(Map.of("size", "47781511626752", "zia_available", "no"), t.rows().get("tank"));
    }

    @Test
    void noDatasetsOrPoolsIsAnEmptyTable() throws ParseException {
        assertEquals(Map.of(), ZfsPropertyTable.parse("no datasets available\n").rows());
        assertEquals(Map.of(), ZfsPropertyTable.parse("no pools available\n").rows());
        assertEquals(Map.of(), ZfsPropertyTable.parse("").rows());
    }

    @Test
    void badLinesAreSkippedWithAWarningAndRepeatsKeepTheFirst() throws ParseException {
        ZfsPropertyTable t = ZfsPropertyTable.parse("tank\tcompression\tgzip\nwhat\ntank\tcompression\tlz4\n\tx\ty\n");
        assertEquals(Map.of("compression", "gzip"), t.rows().get("tank"));
        assertEquals(List.of("line 2: not a 'name<TAB>property<TAB>value' line: \"what\"",
                "line 3: tank compression is listed again; the first value is kept",
                "line 4: not a 'name<TAB>property<TAB>value' line: \"\\tx\\ty\""), t.warnings());
    }

    @Test
    void anErrorMessageInsteadOfATableIsAParseException() {
        ParseException e = assertThrows(ParseException.class,
                () -> ZfsPropertyTable.parse("The ZFS modules are not loaded.\nTry running '/sbin/modprobe zfs' as root to load them.\n"));
        assertEquals("line 1: not 'zfs get -H' or 'zpool get -H' output: \"The ZFS modules are not loaded.\"", e.getMessage());
    }

    @Test
    void datasetValuesAreTyped() {
        ZfsDataset d = new ZfsDataset("tank/v", Map.of("recordsize", "-", "compression", "-"));
        assertEquals(java.util.OptionalLong.empty(), d.recordsize());
        assertEquals(java.util.Optional.empty(), d.compression());
        assertEquals(java.util.Optional.empty(), d.encryption());
        assertEquals(java.util.OptionalLong.of(131072), new ZfsDataset("t", Map.of("recordsize", "131072")).recordsize());
        assertEquals(java.util.OptionalLong.empty(), new ZfsDataset("t", Map.of("recordsize", "128K")).recordsize());
    }

    @Test
    void moreNamesThanFourMibOfZfsGetHoldAreRefused() throws ParseException {
        // 131,000 one-property datasets in 3 MiB cost the client 60 MB of maps
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < ZfsPropertyTable.MAX_ROWS; i++) {
            t.append("tank/").append(i).append("\tcompression\toff\tdefault\n");
        }
        assertEquals(ZfsPropertyTable.MAX_ROWS, ZfsPropertyTable.parse(t.toString()).rows().size());
        t.append("tank/one-more\tcompression\toff\tdefault\n");
        ParseException e = assertThrows(ParseException.class, () -> ZfsPropertyTable.parse(t.toString()));
        assertEquals("line 32769: more than 32768 datasets or pools, more than 4 MiB of 'zfs get' holds: not read",
                e.getMessage());
    }
}
