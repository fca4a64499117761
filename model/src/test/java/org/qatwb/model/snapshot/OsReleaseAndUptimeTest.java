package org.qatwb.model.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.zfs.ZfsParam;

class OsReleaseAndUptimeTest {

    @Test
    void osReleaseReadsQuotedAndBareValues() {
        OsRelease os = OsRelease.parse("""
                # comment
                NAME="TrueNAS \\"SCALE\\""
                VERSION_ID='24.10'
                PRETTY_NAME=Plain
                BROKEN="no end
                =x
                not an assignment
                """);
        assertEquals(Optional.of("TrueNAS \"SCALE\""), os.name());
        assertEquals(Optional.of("24.10"), os.versionId());
        assertEquals(Optional.of("Plain"), os.prettyName());
        assertEquals(3, os.fields().size());
    }

    @ParameterizedTest
    @CsvSource({"'350735.47 1234.5\n',350735470000000", "'0.00 0.00',0", "'12 5',12000000000",
            "'1.123456789 0',1123456789"})
    void uptimeIsReadExactlyInNanoseconds(String text, long nanos) throws ParseException {
        assertEquals(nanos, ProcUptime.parseNanos(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-1.00 2", "1.2.3 4", "1.0000000001 0", "1e5 0"})
    void uptimeRefusesOtherText(String text) {
        assertThrows(ParseException.class, () -> ProcUptime.parseNanos(text));
    }

    @Test
    void zfsParamNames() {
        assertEquals("zfs_qat_checksum_disable", ZfsParam.CHECKSUM.sysfsName());
        assertEquals("param:zfs_qat_encrypt_disable", ZfsParam.ENCRYPT.itemName());
        assertEquals(Optional.of(ZfsParam.COMPRESS), ZfsParam.ofShortName("compress"));
        assertEquals(Optional.empty(), ZfsParam.ofShortName("zfs_qat_compress_disable"));
    }
}
