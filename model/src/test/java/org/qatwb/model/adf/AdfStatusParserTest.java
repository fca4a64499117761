package org.qatwb.model.adf;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.model.parse.ParseException;

class AdfStatusParserTest {

    private static final String NORMAL = """
            Checking status of all devices.
            There is 2 QAT acceleration device(s) in the system:
             qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 1,  bsf: 0000:b1:00.0,  #accel: 5 #engines: 10 state: up
             qat_dev1 - type: c6xxvf,  inst_id: 0,  node_id: 1,  bsf: 0000:b1:01.0,  #accel: 1 #engines: 1 state: down
            """;

    static String fixture(String name) throws IOException {
        try (InputStream in = AdfStatusParserTest.class.getResourceAsStream("/fixtures/adf/" + name)) {
            if (in == null) {
                throw new IOException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static QatDevice only(AdfStatus status) {
        assertEquals(1, status.devices().size(), () -> "devices: " + status.devices());
        return status.devices().get(0);
    }

    @Nested
    class NormalFormat {

        @Test
        void readsEveryField() throws ParseException {
            AdfStatus status = AdfStatusParser.parse(NORMAL);

            assertEquals(List.of(
                    new QatDevice("qat_dev0", "c6xx", false, 0, 1, "0000:b1:00.0", 5, 10, DeviceState.UP,
                            "/etc/c6xx_dev0.conf", 3),
                    new QatDevice("qat_dev1", "c6xxvf", true, 0, 1, "0000:b1:01.0", 1, 1, DeviceState.DOWN,
                            "/etc/c6xxvf_dev0.conf", 4)), status.devices());
            assertEquals(OptionalInt.of(2), status.declaredCount());
            assertEquals(List.of(), status.warnings());
        }

        @Test
        void c62xWith48VfsNamesConfFilesByInstIdNotByDeviceNumber() throws Exception {
            AdfStatus status = AdfStatusParser.parse(fixture("c62x_3pf_48vf_status.txt"));

            List<QatDevice> devices = status.devices();
            assertEquals(51, devices.size());
            assertEquals(List.of(), status.warnings());
            assertEquals(OptionalInt.of(51), status.declaredCount());
            assertEquals(3, devices.stream().filter(d -> !d.vf()).count());
            assertEquals(48, devices.stream().filter(QatDevice::vf).count());
            for (int n = 0; n < 51; n++) {
                QatDevice d = devices.get(n);
                assertEquals("qat_dev" + n, d.name());
                if (n < 3) {
                    assertEquals("c6xx", d.type());
                    assertEquals("/etc/c6xx_dev" + n + ".conf", d.confPath());
                } else {
                    int vfIndex = n - 3;
                    String pfBus = List.of("3d", "3f", "41").get(vfIndex / 16);
                    int k = vfIndex % 16;
                    assertEquals("c6xxvf", d.type());
                    assertEquals(vfIndex, d.instId());
                    assertEquals("/etc/c6xxvf_dev" + vfIndex + ".conf", d.confPath());
                    assertEquals("0000:" + pfBus + ":0" + (1 + k / 8) + "." + (k % 8), d.bsf());
                }
            }
            QatDevice dev3 = devices.get(3);
            assertAll(
                    () -> assertEquals(0, dev3.instId()),
                    () -> assertEquals("/etc/c6xxvf_dev0.conf", dev3.confPath()),
                    () -> assertEquals("0000:3d:01.0", dev3.bsf()),
                    () -> assertEquals("0000:3d:02.7", devices.get(18).bsf()),
                    () -> assertEquals("/etc/c6xxvf_dev47.conf", devices.get(50).confPath()),
                    () -> assertEquals("0000:41:02.7", devices.get(50).bsf()));
        }

        @Test
        void crlfLineEndingsReadLikeLf() throws ParseException {
            AdfStatus lf = AdfStatusParser.parse(NORMAL);
            AdfStatus crlf = AdfStatusParser.parse(NORMAL.replace("\n", "\r\n"));

            assertEquals(lf, crlf);
        }

        @Test
        void withoutTrailingNewline() throws ParseException {
            assertEquals(AdfStatusParser.parse(NORMAL).devices(), AdfStatusParser.parse(NORMAL.strip()).devices());
        }
    }

    @Nested
    class Variants {

        @ParameterizedTest
        @ValueSource(strings = {
                // domain-less BSF (QAT 1.7 before 4.x)
                " qat_dev0 - type: c6xx,  inst_id: 2,  node_id: 0,  bsf: 84:00.0,  #accel: 5 #engines: 10 state: up",
                // leading space stripped by the poster
                "qat_dev0 - type: c6xx,  inst_id: 2,  node_id: 0,  bsf: 0000:84:00.0,  #accel: 5 #engines: 10 state: up",
                // single spaces, and no comma before #accel
                "qat_dev0 - type: c6xx, inst_id: 2, node_id: 0, bsf: 84:00.0 #accel: 5 #engines: 10 state: up",
                // tabs and extra spaces
                "\tqat_dev0  -  type:  c6xx ,\tinst_id: 2 , node_id: 0 , bsf: 0000:84:00.0 , #accel: 5  #engines: 10  state: up  ",
                // upper-case hex and state
                " qat_dev0 - type: c6xx,  inst_id: 2,  node_id: 0,  bsf: 0000:84:00.0,  #accel: 5 #engines: 10 state: UP",
        })
        void spacingAndAddressVariantsGiveTheSameDevice(String line) throws ParseException {
            QatDevice d = only(AdfStatusParser.parse(line));

            assertEquals(new QatDevice("qat_dev0", "c6xx", false, 2, 0, "0000:84:00.0", 5, 10, DeviceState.UP,
                    "/etc/c6xx_dev2.conf", 1), d);
        }

        @Test
        void programmersGuideShapeWithoutNodeIdAndColonBeforeFunction() throws ParseException {
            QatDevice d = only(AdfStatusParser.parse(
                    "qat_dev1 - type: c6xx, inst_id: 1, bsf: 06:00:0, #accel: 5 #engines: 10 state: up"));

            assertNull(d.nodeId());
            assertEquals("0000:06:00.0", d.bsf());
        }

        @Test
        void upperCaseHexIsLowered() throws ParseException {
            QatDevice d = only(AdfStatusParser.parse(
                    " qat_dev0 - type: 4xxx,  inst_id: 0,  node_id: 0,  bsf: 0000:F3:1F.7,  #accel: 1 #engines: 9 state: up"));

            assertEquals("0000:f3:1f.7", d.bsf());
        }

        @Test
        void fiveDigitVmdDomainIsKept() throws ParseException {
            QatDevice d = only(AdfStatusParser.parse(
                    " qat_dev0 - type: 4xxx,  inst_id: 0,  node_id: 0,  bsf: 10000:e3:00.0,  #accel: 1 #engines: 9 state: up"));

            assertEquals("10000:e3:00.0", d.bsf());
        }

        @Test
        void accelAndEnginesMayBeAbsent() throws ParseException {
            QatDevice d = only(AdfStatusParser.parse("qat_dev0 - type: c3xxx, inst_id: 0, bsf: 01:00.0, state: down"));

            assertNull(d.accel());
            assertNull(d.engines());
            assertEquals(DeviceState.DOWN, d.state());
        }

        @Test
        void legacyIcpDevFormatReadsTheQaDevConfFile() throws ParseException {
            AdfStatus status = AdfStatusParser.parse("""
                    Processing file: /etc/dh895xcc_qa_dev0.conf
                    There is 1 acceleration device(s) in the system:
                     icp_dev0 - type=dh895xcc, inst_id=0, node_id=1,  bdf=83:00:0, #accel=6, #engines=12, state=down
                    """);

            assertEquals(new QatDevice("icp_dev0", "dh895xcc", false, 0, 1, "0000:83:00.0", 6, 12,
                    DeviceState.DOWN, "/etc/dh895xcc_qa_dev0.conf", 3), only(status));
            assertEquals(OptionalInt.of(1), status.declaredCount());
            assertEquals(List.of(), status.warnings());
        }

        @Test
        void zeroDevicesIsASuccess() throws ParseException {
            AdfStatus status = AdfStatusParser.parse("""
                    Checking status of all devices.
                    There is 0 QAT acceleration device(s) in the system:
                    """);

            assertEquals(List.of(), status.devices());
            assertEquals(OptionalInt.of(0), status.declaredCount());
            assertEquals(List.of(), status.warnings());
        }

        @Test
        void singleDeviceQueryHasNoHeader() throws ParseException {
            AdfStatus status = AdfStatusParser.parse(
                    " qat_dev4 - type: c6xxvf,  inst_id: 1,  node_id: 0,  bsf: 0000:3d:01.1,  #accel: 1 #engines: 1 state: up\n");

            assertEquals("/etc/c6xxvf_dev1.conf", only(status).confPath());
            assertEquals(OptionalInt.empty(), status.declaredCount());
        }

        @Test
        void unknownTypesKeepTheirNameAndConfPath() throws ParseException {
            QatDevice d = only(AdfStatusParser.parse(
                    " qat_dev0 - type: 420xxvf,  inst_id: 3,  node_id: 0,  bsf: 0000:6b:00.1,  #accel: 1 #engines: 1 state: up"));

            assertEquals("420xxvf", d.type());
            assertTrue(d.vf());
            assertEquals("/etc/420xxvf_dev3.conf", d.confPath());
        }
    }

    @Nested
    class CapturesAroundTheOutput {

        @Test
        void journalPrefixesAreStrippedAndServiceLinesNeedNoWarning() throws Exception {
            AdfStatus status = AdfStatusParser.parse(fixture("journal_start_with_sriov.txt"));

            assertEquals(List.of("qat_dev0", "qat_dev1", "qat_dev2"),
                    status.devices().stream().map(QatDevice::name).toList());
            assertEquals(DeviceState.DOWN, status.devices().get(2).state());
            assertEquals(8, status.devices().get(2).line());
            assertEquals(List.of(), status.warnings());
        }

        @Test
        void promptsAreWarnedAboutButRestartLinesAreNot() throws ParseException {
            AdfStatus status = AdfStatusParser.parse("""
                    root# ./adf_ctl restart
                    Restarting all devices.
                    Processing /etc/c6xx_dev0.conf
                    root# ./adf_ctl status
                    Checking status of all devices.
                    There is 1 QAT acceleration device(s) in the system:
                     qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:00.0,  #accel: 5 #engines: 10 state: up
                    """);

            assertEquals(1, status.devices().size());
            assertEquals(List.of(
                    "line 1: unrecognised line: \"root# ./adf_ctl restart\"",
                    "line 4: unrecognised line: \"root# ./adf_ctl status\""), status.warnings());
        }

        @Test
        void longUnrecognisedLinesAreShortenedAndControlCharactersEscaped() throws ParseException {
            String junk = "x".repeat(500) + "\u0000";
            AdfStatus status = AdfStatusParser.parse(NORMAL + junk + "\nbell\u0007here\n");

            assertEquals(2, status.warnings().size());
            String first = status.warnings().get(0);
            assertTrue(first.startsWith("line 5: unrecognised line: \"xxx"), first);
            assertTrue(first.endsWith("...\""), first);
            assertTrue(first.length() < 120, first);
            assertEquals("line 6: unrecognised line: \"bell\\u0007here\"", status.warnings().get(1));
        }

        @Test
        void theLastStatusOutputIsTheCurrentState() throws ParseException {
            AdfStatus status = AdfStatusParser.parse("""
                    Checking status of all devices.
                    There is 2 QAT acceleration device(s) in the system:
                     qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:00.0,  #accel: 5 #engines: 10 state: down
                     qat_dev1 - type: c6xx,  inst_id: 1,  node_id: 0,  bsf: 0000:3f:00.0,  #accel: 5 #engines: 10 state: down
                    Checking status of all devices.
                    There is 1 QAT acceleration device(s) in the system:
                     qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:00.0,  #accel: 5 #engines: 10 state: up
                    There is 1 QAT acceleration device(s) in the system:
                     qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:00.0,  #accel: 5 #engines: 10 state: up
                    """);

            QatDevice d = only(status);
            assertEquals(DeviceState.UP, d.state());
            assertEquals(9, d.line());
            assertEquals(List.of("line 8: a later status output starts here; 3 device line(s) before it "
                    + "(lines 3-4, 7) are superseded and ignored"), status.warnings());
        }

        @Test
        void aLaterZeroAnswerDropsEarlierDevices() throws ParseException {
            AdfStatus status = AdfStatusParser.parse("""
                    There is 1 QAT acceleration device(s) in the system:
                     qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:00.0,  #accel: 5 #engines: 10 state: up
                    Checking status of all devices.
                    There is 0 QAT acceleration device(s) in the system:
                    """);

            assertEquals(List.of(), status.devices());
            assertEquals(OptionalInt.of(0), status.declaredCount());
            assertEquals(List.of("line 3: a later status output starts here; 1 device line(s) before it "
                    + "(line 2) are superseded and ignored"), status.warnings());
        }

        @Test
        void aCaptureCutAfterANewCheckingLineKeepsTheOutputBeforeIt() throws ParseException {
            AdfStatus status = AdfStatusParser.parse("""
                    There is 1 QAT acceleration device(s) in the system:
                     qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:00.0,  #accel: 5 #engines: 10 state: up
                    Checking status of all devices.
                    """);

            assertEquals(1, status.devices().size());
            assertEquals(OptionalInt.of(1), status.declaredCount());
            assertEquals(List.of("line 3: a status output starts here but holds no device and no count;"
                    + " the one before it is used"), status.warnings());
        }

        @Test
        void aCutCaptureKeepsTheLatestCompleteOutputEvenWhenItListsNoDevice() throws ParseException {
            AdfStatus status = AdfStatusParser.parse("""
                    There is 1 QAT acceleration device(s) in the system:
                     qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:00.0,  #accel: 5 #engines: 10 state: up
                    Checking status of all devices.
                    There is 0 QAT acceleration device(s) in the system:
                    Checking status of all devices.
                    """);

            assertEquals(List.of(), status.devices());
            assertEquals(OptionalInt.of(0), status.declaredCount());
            assertEquals(List.of(
                    "line 3: a later status output starts here; 1 device line(s) before it (line 2) are superseded"
                            + " and ignored",
                    "line 5: a status output starts here but holds no device and no count; the one before it is used"),
                    status.warnings());
        }

        @Test
        void checkingHeaderFollowedByCountIsOneOutput() throws ParseException {
            AdfStatus status = AdfStatusParser.parse(NORMAL + NORMAL);

            assertEquals(2, status.devices().size());
            assertEquals(7, status.devices().get(0).line());
            assertEquals(1, status.warnings().size());
            assertTrue(status.warnings().get(0).startsWith("line 5: "), status.warnings().get(0));
        }
    }

    @Nested
    class Warnings {

        @Test
        void headerThatDisagreesWithTheDeviceLinesSaysBothNumbers() throws ParseException {
            AdfStatus status = AdfStatusParser.parse(NORMAL.replace("There is 2", "There is 34"));

            assertEquals(2, status.devices().size());
            assertEquals(List.of("line 2: the header says 34 device(s) but 2 device(s) are listed"), status.warnings());
        }

        @Test
        void garbageFromAMismatchedAdfCtlKeepsTheDeviceWithoutTypeNodeOrConf() throws ParseException {
            AdfStatus status = AdfStatusParser.parse("""
                    There is 1 QAT acceleration device(s) in the system:
                     qat_dev0 - type: ,  inst_id: 0,  node_id: -1406261856,  bsf: 0000:01:00.5,  #accel: 5 #engines: 10 state: down
                    """);

            QatDevice d = only(status);
            assertAll(
                    () -> assertNull(d.type()),
                    () -> assertNull(d.nodeId()),
                    () -> assertNull(d.confPath()),
                    () -> assertFalse(d.vf()),
                    () -> assertEquals(DeviceState.DOWN, d.state()),
                    () -> assertEquals("0000:01:00.5", d.bsf()));
            assertEquals(1, status.warnings().size());
            String w = status.warnings().get(0);
            assertTrue(w.startsWith("line 2: qat_dev0 has an empty type and node_id \"-1406261856\""), w);
            assertTrue(w.contains("user-space adf_ctl does not match the loaded driver"), w);
        }

        @Test
        void negativeNodeAloneIsGarbageToo() throws ParseException {
            AdfStatus status = AdfStatusParser.parse(
                    " qat_dev0 - type: c6xx,  inst_id: 0,  node_id: -7,  bsf: 0000:01:00.0,  #accel: 5 #engines: 10 state: up");

            assertNull(only(status).nodeId());
            assertEquals("c6xx", only(status).type());
            assertEquals(1, status.warnings().size());
        }

        @Test
        void typeThatIsNotANameNeverBecomesAPath() throws ParseException {
            AdfStatus status = AdfStatusParser.parse(
                    " qat_dev0 - type: ../../root/x,  inst_id: 0,  node_id: 0,  bsf: 0000:01:00.0,  state: up");

            assertNull(only(status).type());
            assertNull(only(status).confPath());
            assertTrue(status.warnings().get(0).contains("not a type name"), status.warnings().get(0));
        }

        @Test
        void duplicateDeviceNameWarnsAndKeepsTheLaterLine() throws ParseException {
            AdfStatus status = AdfStatusParser.parse("""
                    There is 2 QAT acceleration device(s) in the system:
                     qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:00.0,  #accel: 5 #engines: 10 state: down
                     qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:00.0,  #accel: 5 #engines: 10 state: up
                    """);

            assertEquals(DeviceState.UP, only(status).state());
            assertEquals(List.of(
                    "line 1: the header says 2 device(s) but 1 device(s) are listed",
                    "line 3: qat_dev0 is listed again (first at line 2); the later line is used"), status.warnings());
        }

        @Test
        void twoDevicesAtOneAddressWarn() throws ParseException {
            AdfStatus status = AdfStatusParser.parse("""
                     qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 0,  bsf: 0000:3b:00.0,  #accel: 5 #engines: 10 state: up
                     qat_dev1 - type: c6xx,  inst_id: 1,  node_id: 0,  bsf: 0000:3b:00.0,  #accel: 5 #engines: 10 state: up
                    """);

            assertEquals(2, status.devices().size());
            assertEquals(List.of("line 2: qat_dev1 has the same bsf 0000:3b:00.0 as qat_dev0 (line 1)"),
                    status.warnings());
        }

        @Test
        void unknownFieldIsIgnoredWithAWarning() throws ParseException {
            AdfStatus status = AdfStatusParser.parse(
                    " qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 0,  bsf: 0000:3b:00.0,  #accel: 5 #engines: 10 state: up, sla: on");

            assertEquals(DeviceState.UP, only(status).state());
            assertEquals(List.of("line 1: qat_dev0: unknown field 'sla' ignored"), status.warnings());
        }

        @Test
        void overflowingNumberSkipsTheLineWithAWarning() throws ParseException {
            AdfStatus status = AdfStatusParser.parse(NORMAL
                    + " qat_dev2 - type: c6xxvf,  inst_id: 99999999999999,  node_id: 0,  bsf: 0000:b1:01.1,  #accel: 1 #engines: 1 state: up\n");

            assertEquals(List.of("qat_dev0", "qat_dev1"), status.devices().stream().map(QatDevice::name).toList());
            assertEquals(1, status.warnings().size());
            assertTrue(status.warnings().get(0).startsWith("line 5: qat_dev2: inst_id \"99999999999999\""),
                    status.warnings().get(0));
        }

        @Test
        void overflowingNodeIdIsGarbageNotAnError() throws ParseException {
            QatDevice d = only(AdfStatusParser.parse(
                    " qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 99999999999,  bsf: 0000:3b:00.0,  state: up"));

            assertNull(d.nodeId());
        }

        @Test
        void overflowingDeviceCountIsIgnoredWithAWarning() throws ParseException {
            AdfStatus status = AdfStatusParser.parse("There is 99999999999 QAT acceleration device(s) in the system:\n");

            assertEquals(OptionalInt.empty(), status.declaredCount());
            assertEquals(List.of("line 1: device count \"99999999999\" is out of range, ignored"), status.warnings());
        }

        @Test
        void badAddressOrStateSkipsTheDevice() throws ParseException {
            AdfStatus status = AdfStatusParser.parse(NORMAL
                    + " qat_dev2 - type: c6xx,  inst_id: 2,  node_id: 0,  bsf: 0000:b1:40.0,  state: up\n"
                    + " qat_dev3 - type: c6xx,  inst_id: 3,  node_id: 0,  bsf: 0000:b3:00.0,  state: resetting\n");

            assertEquals(2, status.devices().size());
            assertEquals(List.of(
                    "line 5: qat_dev2: \"0000:b1:40.0\" is not a PCI address, device skipped",
                    "line 6: qat_dev3: state \"resetting\" is neither up nor down, device skipped"), status.warnings());
        }
    }

    @Nested
    class Errors {

        @ParameterizedTest
        @ValueSource(strings = {"", "\n\n", "   \r\n", "Hello world\nthis is not adf_ctl output\n",
                "Checking status of all devices.\n", "No devices found. Please start the driver using:\n"})
        void textWithoutDeviceOrCountLineIsAParseErrorForTheWholeInput(String text) {
            ParseException e = assertThrows(ParseException.class, () -> AdfStatusParser.parse(text));

            assertEquals(0, e.line());
        }

        @Test
        void onlyAnUnusableDeviceLineIsAParseErrorOnThatLine() {
            ParseException e = assertThrows(ParseException.class, () -> AdfStatusParser.parse(
                    "$ adf_ctl status\n qat_dev0 - type: c6xx,  inst_id: 99999999999999,  bsf: 0000:3b:00.0,  state: up\n"));

            assertEquals(2, e.line());
            assertTrue(e.getMessage().startsWith("line 2: qat_dev0: inst_id"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u0000\u0000\u0000", "\r", "qat_dev\r0 - type: c6xx", "qat_dev0 - ",
                "qat_dev0 - type: c6xx, inst_id: 0, bsf: ff:ff:ff:f, state: up", "Ünïcödé 😀 qat_dev1 - type:",
                "There is -1 QAT acceleration device(s) in the system:"})
        void oddInputNeverRaisesAnythingButParseException(String text) {
            try {
                AdfStatusParser.parse(text);
            } catch (ParseException expected) {
                assertTrue(expected.getMessage().indexOf('\n') < 0);
            }
        }
    }
}
