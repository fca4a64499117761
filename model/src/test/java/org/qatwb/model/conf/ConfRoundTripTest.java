package org.qatwb.model.conf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.model.testutil.Samples;

/** An unedited document writes back byte for byte. */
class ConfRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "\n",
        "[GENERAL]\nConfigVersion = 2\n",
        "[GENERAL]\r\nConfigVersion = 2\r\n",
        "[GENERAL]\nConfigVersion = 2",
        "[GENERAL]  \t \nKey\t=\tvalue   \n\n\n",
        "mixed\r\nendings\nand\r\r\nlone\rcarriage\n",
        "\uFEFF not a BOM when decoded as a char, only as bytes",
        "#only a comment",
        "\r",
        "\r\n\r\n",
    })
    void editedNothingMeansSameBytes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(bytes, ConfDocument.parse(bytes).toBytes());
    }

    @Test
    void aBomAndNonAsciiBytesSurvive() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', 'S', ']', '\r', '\n',
            '#', ' ', (byte) 0xC3, (byte) 0xBC, (byte) 0xFF, 0, '\n', 'A', '=', (byte) 0x80};
        assertArrayEquals(bytes, ConfDocument.parse(bytes).toBytes());
    }

    @Test
    void anEditorThatChangedNothingGivesTheSameBytes() {
        byte[] bytes = "[S]\r\nA = 1   \r\n\tB=2".getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(bytes, new ConfEditor(ConfDocument.parse(bytes)).toDocument().toBytes());
    }

    static Stream<Path> sampleConfs() {
        return Samples.files("conf").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleConfs")
    void everySampleConfRoundTrips(Path file) {
        byte[] bytes = Samples.bytes(file);
        assertTrue(bytes.length > 0);
        assertArrayEquals(bytes, ConfDocument.parse(bytes).toBytes());
    }
}
