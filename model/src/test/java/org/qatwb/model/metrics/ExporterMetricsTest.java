package org.qatwb.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.adf.AdfStatus;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.debugfs.EngineCounters;
import org.qatwb.model.debugfs.FwCountersParser;
import org.qatwb.model.doctor.CheckResult;
import org.qatwb.model.doctor.CheckStatus;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.NasSnapshot;

class ExporterMetricsTest {

    private static final long NOW = 1_765_000_000_000L;

    private static QatKstat fixtureKstat() throws ParseException {
        return QatKstat.of(KstatParser.parse(Nas.c62x().content("kstat_qat")));
    }

    @Test
    void theKstatCountersAreTheFixturesExactly() throws ParseException {
        Exposed e = Exposed.of(List.of(Nas.c62x().target("a", NOW)), NOW, MetricsFormat.PROMETHEUS_TEXT);
        QatKstat k = fixtureKstat();
        String[][] expected = {
                {"qatwb_zfs_qat_requests_total{nas=\"a\",service=\"compression\",op=\"compress\"}", "COMP_REQUESTS"},
                {"qatwb_zfs_qat_requests_total{nas=\"a\",service=\"compression\",op=\"decompress\"}", "DECOMP_REQUESTS"},
                {"qatwb_zfs_qat_requests_total{nas=\"a\",service=\"encryption\",op=\"encrypt\"}", "ENCRYPT_REQUESTS"},
                {"qatwb_zfs_qat_requests_total{nas=\"a\",service=\"encryption\",op=\"decrypt\"}", "DECRYPT_REQUESTS"},
                {"qatwb_zfs_qat_requests_total{nas=\"a\",service=\"checksum\",op=\"checksum\"}", "CKSUM_REQUESTS"},
                {"qatwb_zfs_qat_input_bytes_total{nas=\"a\",service=\"compression\",op=\"compress\"}", "COMP_TOTAL_IN_BYTES"},
                {"qatwb_zfs_qat_output_bytes_total{nas=\"a\",service=\"compression\",op=\"compress\"}", "COMP_TOTAL_OUT_BYTES"},
                {"qatwb_zfs_qat_input_bytes_total{nas=\"a\",service=\"checksum\",op=\"checksum\"}", "CKSUM_TOTAL_IN_BYTES"},
                {"qatwb_zfs_qat_output_bytes_total{nas=\"a\",service=\"encryption\",op=\"decrypt\"}", "DECRYPT_TOTAL_OUT_BYTES"},
                {"qatwb_zfs_qat_failures_total{nas=\"a\",service=\"compression\"}", "DC_FAILS"},
                {"qatwb_zfs_qat_failures_total{nas=\"a\",service=\"encryption\"}", "CRYPT_FAILS"},
                {"qatwb_zfs_qat_failures_total{nas=\"a\",service=\"checksum\"}", "CKSUM_FAILS"}};
        for (String[] x : expected) {
            assertEquals(Long.toUnsignedString(k.value(QatCounter.valueOf(x[1])).getAsLong()), e.value(x[0]), x[0]);
        }
        // every counter of the kstat is served once, in one of the four families
        int served = e.series("qatwb_zfs_qat_requests_total").size() + e.series("qatwb_zfs_qat_input_bytes_total").size()
                + e.series("qatwb_zfs_qat_output_bytes_total").size() + e.series("qatwb_zfs_qat_failures_total").size();
        assertEquals(k.known().size(), served);
        assertEquals("1", e.value("qatwb_zfs_qat_kstat_present{nas=\"a\"}"));
        assertEquals("0", e.value("qatwb_zfs_qat_kstat_rows_dropped{nas=\"a\"}"));
        e.assertAbsent("qatwb_zfs_qat_kstat_row");
    }

    @Test
    void devicesFirmwareAndInterruptsFollowTheNas() throws ParseException {
        Nas nas = Nas.c62x();
        Exposed e = Exposed.of(List.of(nas.target("a", NOW)), NOW, MetricsFormat.PROMETHEUS_TEXT);
        AdfStatus adf = nas.snapshot().devices().orElseThrow();
        List<String> up = e.series("qatwb_device_up");
        assertEquals(adf.devices().size(), up.size());
        QatDevice pf = adf.devices().get(0);
        QatDevice vf = adf.devices().get(adf.devices().size() - 1);
        assertEquals("qatwb_device_up{nas=\"a\",device=\"" + pf.name() + "\",bsf=\"" + pf.bsf() + "\",type=\"c6xx\","
                + "function=\"pf\"}", up.get(0));
        assertEquals("qatwb_device_up{nas=\"a\",device=\"" + vf.name() + "\",bsf=\"" + vf.bsf() + "\",type=\"c6xxvf\","
                + "function=\"vf\"}", up.get(up.size() - 1));
        up.forEach(s -> assertEquals("1", e.value(s)));

        // the tick's fw_counters, joined to the device at the directory's address
        String dev3d = deviceAt(adf, "0000:3d:00.0");
        for (EngineCounters c : FwCountersParser.parse(Nas.FW_TABLE).engines()) {
            String labels = "{nas=\"a\",device=\"" + dev3d + "\",bsf=\"0000:3d:00.0\",engine=\"" + c.ae() + "\"}";
            assertEquals(Long.toUnsignedString(c.requests()), e.value("qatwb_firmware_requests_total" + labels));
            assertEquals(Long.toUnsignedString(c.responses()), e.value("qatwb_firmware_responses_total" + labels));
        }
        EngineCounters box = FwCountersParser.parse(Nas.FW_BOX).engines().get(0);
        String labels3f = "{nas=\"a\",device=\"" + deviceAt(adf, "0000:3f:00.0") + "\",bsf=\"0000:3f:00.0\",engine=\"0\"}";
        assertEquals(Long.toString(box.rasEvents().getAsLong()), e.value("qatwb_firmware_ras_events_total" + labels3f));
        assertEquals(List.of("qatwb_firmware_ras_events_total" + labels3f), e.series("qatwb_firmware_ras_events_total"),
                "RAS events only where the driver prints them");

        // the tick's interrupts (1000 on CPU 3, 7 on CPU 20), one series per CPU column
        assertEquals(56, e.series("qatwb_qat_interrupts_total").size());
        assertEquals("1000", e.value("qatwb_qat_interrupts_total{nas=\"a\",cpu=\"3\"}"));
        assertEquals("7", e.value("qatwb_qat_interrupts_total{nas=\"a\",cpu=\"20\"}"));
        assertEquals("0", e.value("qatwb_qat_interrupts_total{nas=\"a\",cpu=\"0\"}"));
    }

    private static String deviceAt(AdfStatus adf, String bsf) {
        return adf.devices().stream().filter(d -> d.bsf().equals(bsf)).findFirst().orElseThrow().name();
    }

    @Test
    void theTargetsOwnSeriesParametersAndTheDoctor() {
        Nas nas = Nas.c62x();
        TargetState t = nas.target("a", NOW);
        Exposed e = Exposed.of(List.of(t), NOW, MetricsFormat.PROMETHEUS_TEXT);
        assertEquals("1", e.value("qatwb_nas_up{nas=\"a\"}"));
        assertEquals("1", e.value("qatwb_nas_connects_total{nas=\"a\"}"));
        assertEquals("1.25", e.value("qatwb_nas_scrape_duration_seconds{nas=\"a\"}"));
        assertEquals("0.5", e.value("qatwb_nas_sample_age_seconds{nas=\"a\"}"));
        assertEquals("30", e.value("qatwb_nas_snapshot_age_seconds{nas=\"a\"}"));
        assertEquals("1", e.value("qatwb_nas_info{nas=\"a\",os=\"Debian GNU/Linux 12 (bookworm)\",driver_version=\"4.24.0\","
                + "qat_service=\"active\"}"));
        assertEquals("1", e.value("qatwb_qat_service_active{nas=\"a\"}"));
        assertEquals("0", e.value("qatwb_zfs_qat_disable{nas=\"a\",service=\"compression\"}"));
        assertEquals("1", e.value("qatwb_zfs_qat_disable{nas=\"a\",service=\"checksum\"}"));
        assertEquals("1", e.value("qatwb_zfs_qat_disable{nas=\"a\",service=\"encryption\"}"));
        assertEquals("0", e.value("qatwb_zfs_qat_kept_after_reboot{nas=\"a\",service=\"compression\"}"));
        assertEquals(List.of(), e.series("qatwb_zfs_qat_parameter"), "an older agent's snapshot: not read");
        assertEquals("1", e.value("qatwb_exporter_build_info{version=\"1.2.3\"}"));
        assertEquals("1", e.value("qatwb_exporter_targets"));

        DoctorReport d = t.doctor().orElseThrow();
        // the doctor found the log's two lines, and the gauge says so without reading the log again
        CheckResult pending = d.result(org.qatwb.model.doctor.Check.KERNEL_REQUESTS_PENDING).orElseThrow();
        assertEquals(2, pending.details().size(), pending.toString());
        assertEquals("2", e.value("qatwb_kernel_requests_pending_messages{nas=\"a\"}"));
        assertEquals(d.results().size() * 4, e.series("qatwb_doctor_check_status").size());
        for (CheckResult r : d.results()) {
            String link = r.check().link().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            for (CheckStatus s : CheckStatus.values()) {
                assertEquals(s == r.status() ? "1" : "0", e.value("qatwb_doctor_check_status{nas=\"a\",check=\"" + r.id()
                        + "\",link=\"" + link + "\",status=\"" + s.wire() + "\"}"));
            }
        }
        d.counts().forEach((s, n) -> assertEquals(Integer.toString(n),
                e.value("qatwb_doctor_checks{nas=\"a\",status=\"" + s.wire() + "\"}")));
    }

    @Test
    void aTargetNothingWasReadFromHasOnlyItsUpAndConnects() {
        Exposed e = Exposed.of(List.of(TargetState.starting("b")), NOW, MetricsFormat.PROMETHEUS_TEXT);
        assertEquals(Map.of("qatwb_nas_up{nas=\"b\"}", "0", "qatwb_nas_connects_total{nas=\"b\"}", "0",
                "qatwb_exporter_build_info{version=\"1.2.3\"}", "1", "qatwb_exporter_targets", "1"), e.samples);
        // every family still has its metadata
        assertEquals(MetricFamily.values().length * 2, e.meta.size());
    }

    @Test
    void familiesComeOnceWithAllTargetsTogetherInOrder() {
        Exposed e = Exposed.of(List.of(Nas.c62x().target("a", NOW), TargetState.starting("b"),
                Nas.c62x().target("c", NOW)), NOW, MetricsFormat.PROMETHEUS_TEXT);
        assertEquals(List.of("qatwb_nas_up{nas=\"a\"}", "qatwb_nas_up{nas=\"b\"}", "qatwb_nas_up{nas=\"c\"}"),
                e.series("qatwb_nas_up"));
        assertEquals("3", e.value("qatwb_exporter_targets"));
        // a sample's family is the last metadata before it: no family is interleaved with another
        String family = null;
        java.util.Set<String> done = new java.util.HashSet<>();
        for (String line : e.lines) {
            if (line.startsWith("# TYPE ")) {
                assertTrue(done.add(family = line.split(" ")[2]), "one TYPE per family: " + line);
            } else if (!line.startsWith("#")) {
                assertTrue(line.startsWith(family), line + " after " + family);
            }
        }
    }

    @Test
    void absentKstatGivesPresentZeroAndNoCounterSeries() {
        Nas nas = Nas.c62x().absent("kstat_qat");
        NasSnapshot s = nas.snapshot();
        TargetState t = TargetState.starting("a").withSnapshot(s, 1, NOW - 1000, Optional.of(Nas.doctor(s)))
                .withSample(Nas.tick(1, "100.00 1.00\n", null, Map.of(), null), NOW);
        Exposed e = Exposed.of(List.of(t), NOW, MetricsFormat.OPENMETRICS);
        assertEquals("0", e.value("qatwb_zfs_qat_kstat_present{nas=\"a\"}"));
        for (String n : List.of("qatwb_zfs_qat_requests_total", "qatwb_zfs_qat_input_bytes_total",
                "qatwb_zfs_qat_output_bytes_total", "qatwb_zfs_qat_failures_total", "qatwb_zfs_qat_requests_created",
                "qatwb_zfs_qat_kstat_rows_dropped")) {
            e.assertAbsent(n);
        }
    }

    @Test
    void aKstatThatVanishesTakesItsSeriesWithIt() {
        Nas nas = Nas.c62x();
        TargetState before = nas.target("a", NOW);
        TargetState after = before.withSample(Nas.tick(8, "3447142.86 1000.00\n", null, Nas.fw(), null), NOW + 1000);
        assertFalse(Exposed.of(List.of(before), NOW, MetricsFormat.OPENMETRICS).series("qatwb_zfs_qat_requests_total")
                .isEmpty());
        Exposed e = Exposed.of(List.of(after), NOW + 1000, MetricsFormat.OPENMETRICS);
        e.assertAbsent("qatwb_zfs_qat_requests_total");
        assertEquals("0", e.value("qatwb_zfs_qat_kstat_present{nas=\"a\"}"));
    }

    @Test
    void aModuleReloadIsANewSeriesStartWithTheLowerValue() {
        long uptimeSeconds = 1_000_000;
        long crtime1 = 100L * 1_000_000_000L;
        long crtime2 = 500_000L * 1_000_000_000L;
        long boot = NOW / 1000 - uptimeSeconds;
        TargetState first = TargetState.starting("a").withSample(
                Nas.tick(1, uptimeSeconds + ".00 1.00\n", Nas.kstat(crtime1, 900), Map.of(), null), NOW);
        TargetState second = first.withSample(
                Nas.tick(2, (uptimeSeconds + 1) + ".00 1.00\n", Nas.kstat(crtime2, 3), Map.of(), null), NOW + 1000);
        String series = "{nas=\"a\",service=\"compression\",op=\"compress\"}";
        Exposed e1 = Exposed.of(List.of(first), NOW, MetricsFormat.OPENMETRICS);
        Exposed e2 = Exposed.of(List.of(second), NOW + 1000, MetricsFormat.OPENMETRICS);
        assertEquals("900", e1.value("qatwb_zfs_qat_requests_total" + series));
        assertEquals(Long.toString(boot + 100), e1.value("qatwb_zfs_qat_requests_created" + series));
        assertEquals("3", e2.value("qatwb_zfs_qat_requests_total" + series));
        assertEquals(Long.toString(boot + 500_000), e2.value("qatwb_zfs_qat_requests_created" + series));
        // 0.0.4 text has no _created: the value simply drops, which rate() reads as a reset
        Exposed text = Exposed.of(List.of(second), NOW + 1000, MetricsFormat.PROMETHEUS_TEXT);
        assertEquals("3", text.value("qatwb_zfs_qat_requests_total" + series));
        text.assertAbsent("qatwb_zfs_qat_requests_created");
    }

    @Test
    void theSeriesStartStaysPutWhileTheSnapshotIsTheNewerRead() {
        Nas nas = Nas.c62x();
        TargetState t = nas.target("a", NOW);
        Exposed sampleNewer = Exposed.of(List.of(t), NOW, MetricsFormat.OPENMETRICS);
        NasSnapshot s = nas.snapshot();
        Exposed snapshotNewer = Exposed.of(List.of(t.withSnapshot(s, 1, NOW, t.doctor())), NOW,
                MetricsFormat.OPENMETRICS);
        String created = "qatwb_zfs_qat_requests_created{nas=\"a\",service=\"compression\",op=\"compress\"}";
        assertEquals(sampleNewer.value(created), snapshotNewer.value(created));
    }

    @Test
    void everyZfsQatParameterWithAnIntegerIsServedByNameAForksToo() {
        Nas nas = Nas.c62x().ok("zfs_qat_params", "value zfs_qat_compress_disable 0\n"
                + "value zfs_qat_init_failure_threshold 100\nvalue zfs_qat_odd not-a-number\ndenied zfs_qat_secret\n");
        Exposed e = Exposed.of(List.of(nas.target("a", NOW)), NOW, MetricsFormat.PROMETHEUS_TEXT);
        assertEquals(List.of("qatwb_zfs_qat_parameter{nas=\"a\",name=\"zfs_qat_compress_disable\"}",
                "qatwb_zfs_qat_parameter{nas=\"a\",name=\"zfs_qat_init_failure_threshold\"}"),
                e.series("qatwb_zfs_qat_parameter"), "text and unreadable values have no number to serve");
        assertEquals("100", e.value("qatwb_zfs_qat_parameter{nas=\"a\",name=\"zfs_qat_init_failure_threshold\"}"));
    }

    @Test
    void unknownRowsAreServedByNameTextRowsLeftOutAndTheRestCounted() {
        StringBuilder k = new StringBuilder(NasOutputsKstat.WITH_HEADER);
        k.append("qat_fork_row 4 12\n").append("qat_fork_row 4 13\n").append("version 7 v2.2\n").append("signed 3 -5\n");
        for (int i = 0; i < ExporterMetrics.MAX_KSTAT_ROWS + 10; i++) {
            k.append("extra_").append(i).append(" 4 ").append(i).append('\n');
        }
        TargetState t = TargetState.starting("a").withSample(Nas.tick(1, "10.00 1.00\n", k.toString(), Map.of(), null), NOW);
        Exposed e = Exposed.of(List.of(t), NOW, MetricsFormat.PROMETHEUS_TEXT);
        assertEquals("12", e.value("qatwb_zfs_qat_kstat_row{nas=\"a\",row=\"qat_fork_row\"}"));
        assertEquals("-5", e.value("qatwb_zfs_qat_kstat_row{nas=\"a\",row=\"signed\"}"));
        assertEquals(ExporterMetrics.MAX_KSTAT_ROWS, e.series("qatwb_zfs_qat_kstat_row").size());
        // the repeated name, and the 10 + 2 extra rows beyond the limit (two of its places went to fork_row, signed)
        assertEquals("13", e.value("qatwb_zfs_qat_kstat_rows_dropped{nas=\"a\"}"));
        assertTrue(e.series("qatwb_zfs_qat_kstat_row").stream().noneMatch(s -> s.contains("version")));
    }

    @Test
    void theNewerReadGivesTheCountersAndAnUnreadableOneDoesNotHideTheOther() throws ParseException {
        Nas nas = Nas.c62x();
        NasSnapshot s = nas.snapshot();
        String compress = "qatwb_zfs_qat_requests_total{nas=\"a\",service=\"compression\",op=\"compress\"}";
        String fromSnapshot = Long.toString(fixtureKstat().value(QatCounter.COMP_REQUESTS).getAsLong());
        TargetState sampleOlder = TargetState.starting("a").withSnapshot(s, 1, NOW, Optional.empty())
                .withSample(Nas.tick(1, "100.00 1.00\n", Nas.kstat(1, 5), Map.of(), null), NOW - 1000);
        assertEquals(fromSnapshot, Exposed.of(List.of(sampleOlder), NOW, MetricsFormat.PROMETHEUS_TEXT).value(compress));
        TargetState sampleNewer = sampleOlder.withSample(Nas.tick(2, "101.00 1.00\n", Nas.kstat(1, 5), Map.of(), null),
                NOW + 1000);
        assertEquals("5", Exposed.of(List.of(sampleNewer), NOW, MetricsFormat.PROMETHEUS_TEXT).value(compress));
        // a tick whose kstat could not be parsed says nothing about it: the snapshot's answer stands
        TargetState brokenTick = sampleOlder.withSample(Nas.tick(3, "102.00 1.00\n", "garbage\n", Map.of(), null),
                NOW + 1000);
        assertTrue(brokenTick.sample().orElseThrow().issues().stream().anyMatch(i -> i.about("kstat_qat")));
        Exposed e = Exposed.of(List.of(brokenTick), NOW, MetricsFormat.PROMETHEUS_TEXT);
        assertEquals(fromSnapshot, e.value(compress));
        assertEquals("1", e.value("qatwb_zfs_qat_kstat_present{nas=\"a\"}"));
        // and with nothing else read, nothing is said: no kstat_present at all
        TargetState onlyBroken = TargetState.starting("a").withSample(brokenTick.sample().orElseThrow(), NOW);
        Exposed.of(List.of(onlyBroken), NOW, MetricsFormat.PROMETHEUS_TEXT).assertAbsent("qatwb_zfs_qat_kstat_present");
    }

    @Test
    void interruptsFallBackToTheSnapshotForAnAgentWhoseTicksHaveNone() {
        Nas nas = Nas.c62x();
        NasSnapshot s = nas.snapshot();
        TargetState t = TargetState.starting("a").withSnapshot(s, 1, NOW - 5000, Optional.empty())
                .withSample(Nas.tick(1, "100.00 1.00\n", null, Map.of(), null), NOW);
        Exposed e = Exposed.of(List.of(t), NOW, MetricsFormat.PROMETHEUS_TEXT);
        // the snapshot's interrupts item: 900 on CPU 3, 5 on CPU 20
        assertEquals("900", e.value("qatwb_qat_interrupts_total{nas=\"a\",cpu=\"3\"}"));
        assertEquals("5", e.value("qatwb_qat_interrupts_total{nas=\"a\",cpu=\"20\"}"));
        // and the newer tick's fw_counters (none) win over the snapshot's
        e.assertAbsent("qatwb_firmware_requests_total");
    }

    @Test
    void renderingTenC62xTargetsIsQuick() {
        List<TargetState> ten = new java.util.ArrayList<>();
        Nas nas = Nas.c62x();
        for (int i = 0; i < 10; i++) {
            ten.add(nas.target("nas-" + i, NOW));
        }
        for (int i = 0; i < 200; i++) {
            ExporterMetrics.render(ten, "1", NOW, MetricsFormat.OPENMETRICS); // warm up
        }
        long t0 = System.nanoTime();
        int n = 200;
        int chars = 0;
        for (int i = 0; i < n; i++) {
            chars += ExporterMetrics.render(ten, "1", NOW, i % 2 == 0 ? MetricsFormat.OPENMETRICS
                    : MetricsFormat.PROMETHEUS_TEXT).length();
        }
        // reported, not asserted: tests must not depend on the machine's speed (docs/benchmarks.md has numbers)
        System.out.printf("render of 10 C62x targets: %.2f ms, %d chars%n", (System.nanoTime() - t0) / 1e6 / n, chars / n);
        assertTrue(chars > 0);
    }
}
