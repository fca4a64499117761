package org.qatwb.model.adf;

import org.qatwb.model.testutil.Samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every capture in {@code ${qatwb.samples}/adf_ctl} parses, and yields the devices it shows. */
class AdfStatusCorpusTest {

    private static final String BSF = "[0-9a-f]{4,8}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]";

    static Stream<Path> captures() {
        return Samples.files("adf_ctl").stream();
    }

    /** What each known capture must give; keys are file-name prefixes. */
    private static final Map<String, Consumer<AdfStatus>> EXPECTED = Map.ofEntries(
            Map.entry("4xxx_8pf_sapphire_rapids", s -> {
                assertEquals(8, s.devices().size());
                assertEquals(IntStream.range(0, 8).boxed().toList(), s.devices().stream().map(QatDevice::nodeId).toList());
                assertTrue(s.devices().stream().allMatch(d -> d.state() == DeviceState.UP && "4xxx".equals(d.type())));
                assertEquals("/etc/4xxx_dev7.conf", s.devices().get(7).confPath());
                assertEquals(List.of(), s.warnings());
            }),
            Map.entry("4xxx_2pf_plus_4xxxvf_34dev", s -> {
                assertEquals(10, s.devices().size());
                assertEquals(OptionalInt.of(34), s.declaredCount());
                assertTrue(s.warnings().stream().anyMatch(w -> w.contains("34") && w.contains("10")), s.warnings()::toString);
                assertEquals("/etc/4xxxvf_dev0.conf", s.devices().get(2).confPath());
            }),
            Map.entry("LEGACY_QAT1.5_icp_dev_c2xxx", s -> {
                QatDevice d = s.devices().get(0);
                assertEquals(1, s.devices().size());
                assertEquals("icp_dev0", d.name());
                assertEquals(DeviceState.DOWN, d.state());
                assertEquals("/etc/c2xxx_qa_dev0.conf", d.confPath());
                assertEquals("0000:00:0b.0", d.bsf());
            }),
            Map.entry("LEGACY_QAT1.6_icp_dev_dh895xcc", s -> {
                QatDevice d = s.devices().get(0);
                assertEquals(1, s.devices().size());
                assertEquals("icp_dev0", d.name());
                assertEquals(DeviceState.DOWN, d.state());
                assertEquals("/etc/dh895xcc_qa_dev0.conf", d.confPath());
                assertEquals("0000:83:00.0", d.bsf());
                assertEquals(1, d.nodeId());
            }),
            Map.entry("c6xx_2pf_4accel_8engines", s -> {
                assertEquals(2, s.devices().size());
                assertTrue(s.devices().stream().allMatch(d -> d.accel() == 4 && d.engines() == 8));
            }),
            Map.entry("c6xx_3pf_8970_card_then_zero_devices", s -> {
                assertEquals(List.of(), s.devices());
                assertEquals(OptionalInt.of(0), s.declaredCount());
                assertEquals(1, s.warnings().stream().filter(w -> w.contains("superseded")).count());
            }),
            Map.entry("c6xx_3pf_end_of_driver_install", s -> {
                assertEquals(List.of("0000:3d:00.0", "0000:3f:00.0"), s.devices().stream().map(QatDevice::bsf).toList());
                assertEquals(OptionalInt.of(3), s.declaredCount());
            }),
            Map.entry("c6xx_3pf_journal_qat_service_start", s -> {
                assertEquals(1, s.devices().size());
                assertEquals("0000:85:00.0", s.devices().get(0).bsf());
                assertEquals(1, s.devices().get(0).nodeId());
                assertTrue(s.warnings().stream().noneMatch(w -> w.contains("unrecognised")), s.warnings()::toString);
            }),
            Map.entry("c6xx_pf_plus_c6xxvf_short_bsf_k8s_pr184", s -> {
                assertEquals(List.of("0000:84:00.0", "0000:85:00.0", "0000:86:00.0", "0000:84:01.0", "0000:84:01.1"),
                        s.devices().stream().map(QatDevice::bsf).toList());
                QatDevice dev3 = s.devices().get(3);
                assertEquals("qat_dev3", dev3.name());
                assertEquals("/etc/c6xxvf_dev0.conf", dev3.confPath());
            }),
            Map.entry("c6xx_vm_pf_passthrough_up_then_container_garbage_down", s -> {
                QatDevice d = s.devices().get(0);
                assertEquals(1, s.devices().size());
                assertNull(d.type());
                assertNull(d.nodeId());
                assertNull(d.confPath());
                assertEquals(DeviceState.DOWN, d.state());
                assertTrue(s.warnings().stream().anyMatch(w -> w.contains("does not match the loaded driver")));
                assertEquals(1, s.warnings().stream().filter(w -> w.contains("superseded")).count());
            }),
            Map.entry("c6xxvf_4vf_in_vmware_guest", s -> {
                assertEquals(4, s.devices().size());
                assertTrue(s.devices().stream().allMatch(QatDevice::vf));
                assertEquals("/etc/c6xxvf_dev3.conf", s.devices().get(3).confPath());
            }),
            Map.entry("dh895xcc_qat_service_status_short_bsf", s ->
                    assertEquals("0000:09:00.0", s.devices().get(0).bsf())),
            Map.entry("dh895xcc_restart_then_status", s -> {
                assertEquals(1, s.devices().size());
                assertEquals(7, s.devices().get(0).line());
                assertTrue(s.warnings().stream().noneMatch(w -> w.contains("Processing") || w.contains("Restarting")));
            }),
            Map.entry("dh895xcc_short_bsf_zfs_issue8076", s ->
                    assertEquals("0000:67:00.0", s.devices().get(0).bsf())),
            Map.entry("intel_programmers_guide", s -> {
                assertEquals(List.of("0000:06:00.0", "0000:83:00.0"), s.devices().stream().map(QatDevice::bsf).toList());
                assertTrue(s.devices().stream().allMatch(d -> d.nodeId() == null));
            }),
            Map.entry("k8s_testfixture_4xxx_4xxxvf", s -> {
                assertEquals(7, s.devices().size());
                assertEquals("/etc/4xxxvf_dev3.conf", s.devices().get(6).confPath());
            }),
            Map.entry("k8s_testfixture_c6xx_3pf_one_down_short_bsf", s -> {
                assertEquals(List.of("0000:3b:00.0", "0000:3d:00.0", "0000:d8:00.0"),
                        s.devices().stream().map(QatDevice::bsf).toList());
                assertEquals(DeviceState.DOWN, s.devices().get(1).state());
            }),
            Map.entry("k8s_testfixture_c6xx_3pf_plus_4_c6xxvf", s -> {
                assertEquals(7, s.devices().size());
                assertEquals(4, s.devices().stream().filter(QatDevice::vf).count());
            }),
            Map.entry("k8s_testfixture_c6xx_3pf_up_domain_bsf", s -> {
                assertEquals(3, s.devices().size());
                assertEquals(List.of(), s.warnings());
            }));

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void parsesAndYieldsTheDevicesItShows(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);

        AdfStatus status = AdfStatusParser.parse(text);

        for (QatDevice d : status.devices()) {
            assertTrue(d.bsf().matches(BSF), d::toString);
            assertTrue(d.confPath() == null || d.confPath().matches("/etc/[A-Za-z0-9_]+_(qa_)?dev[0-9]+\\.conf"), d::toString);
            assertTrue(d.line() >= 1 && d.line() <= text.split("\n", -1).length, d::toString);
        }
        assertTrue(status.warnings().stream().allMatch(w -> w.matches("line [0-9]+: .*")), status.warnings()::toString);
        String name = file.getFileName().toString();
        EXPECTED.entrySet().stream()
                .filter(e -> name.startsWith(e.getKey()))
                .forEach(e -> e.getValue().accept(status));
        if (EXPECTED.keySet().stream().noneMatch(name::startsWith) && status.declaredCount().orElse(-1) != 0) {
            // a capture added later: it shows at least one device unless its last output says 0
            assertTrue(!status.devices().isEmpty(), name);
        }
    }

    @Test
    void everyExpectationMatchesOneCapture() throws IOException {
        List<String> names = captures().map(p -> p.getFileName().toString()).toList();

        for (String prefix : EXPECTED.keySet()) {
            assertEquals(1, names.stream().filter(n -> n.startsWith(prefix)).count(), prefix);
        }
    }
}
