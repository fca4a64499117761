package org.qatwb.sim.driver;

import static org.qatwb.sim.driver.DifferentialCases.PF_HOST;
import static org.qatwb.sim.driver.DifferentialCases.VF_ZFS;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.lint.ConfFile;
import org.qatwb.model.lint.DeviceFileName;
import org.qatwb.model.lint.DeviceSetLinter;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.LintContext;
import org.qatwb.model.lint.Severity;

/**
 * What the user sees, {@code qatwb lint} (model.lint's DeviceSetLinter), against the simulator's
 * independent driver, on the conf sets of {@link DriverDifferentialTest}: a device the simulated
 * driver leaves down must have an error in its file that says the device is refused; a device it
 * brings up must have no error, except those of {@link #STRICTER}, the one list of errors that are
 * deliberately stricter than the driver's configuration step. Each disagreement found is kept
 * below as a named case, settled from the driver source (docs/driver/allocator.md section 10).
 */
class LintDifferentialTest {

    /** The NAS's core count for affinity.range: the generator's cores and ranges reach past it now and then. */
    static final int CORES = 6;

    /** An error lint may report on a device the driver's configuration step accepts, and why. */
    record Stricter(String rule, BiPredicate<Finding, DriverRelease> when, String reason) {
        boolean covers(Finding f, DriverRelease release) {
            return f.rule().id().equals(rule) && when.test(f, release);
        }
    }

    /** Errors deliberately stricter than (or later than) the driver's configuration step: keep this list short and true. */
    static final List<Stricter> STRICTER = List.of(
            new Stricter("zfs.polled", (f, r) -> true, "the driver accepts a polled [KERNEL_QAT] instance, but ZFS never"
                    + " polls: a request on it blocks its thread forever (OpenZFS qat_compress.c / qat_crypt.c,"
                    + " wait_for_completion without timeout since 0.8.2)"),
            new Stricter("affinity.range", (f, r) -> true, "CLI.md fixes it as an error: the driver never compares"
                    + " CoreAffinity with the CPUs present (adf_cfg_set_core_number_for_instance), the IRQ hint then"
                    + " points at no core and the setting has no effect"),
            new Stricter("syntax.empty", (f, r) -> true, "CLI.md fixes it as an error: adf_ctl drops the line with"
                    + " 'Wrong key-value format' (ini_config.cpp config::read_ini) and goes on; what the missing key"
                    + " then does is judged by the other rules"),
            new Stricter("syntax.indented-section", (f, r) -> r == DriverRelease.R4_8, "CLI.md fixes it as an error:"
                    + " adf_ctl 4.8 reads an indented header as a key line (no trim_left in config::read_ini), so the"
                    + " section's keys land in the one before; the device may come up, but not as written"),
            new Stricter("key.duplicate", (f, r) -> true, "CLI.md fixes it as an error: adf_ctl keeps the first value"
                    + " and drops the later ones silently (std::map::insert in config::read_ini); on 4.8 an indented"
                    + " header merges a section's keys into the one before and makes such repeats"),
            new Stricter("instance.polled", (f, r) -> "KERNEL_QAT".equals(f.section()), "a later step refuses it:"
                    + " the kernel QAT API fails the device's start for IsPolled 2 in [KERNEL_QAT]"
                    + " (lookaside/access_layer/src/common/ctrl/sal_crypto.c SalCtr_InstInit, sal_compression.c"
                    + " likewise: 'IsPolled 2 is not supported for kernel instance'); the simulated driver replays the"
                    + " configuration step only (adf_config_device)"),
            new Stricter("general.services", (f, r) -> "ServicesProfile".equals(f.key()), "a later step refuses it:"
                    + " DEFAULT_C4XXX names no firmware on a Gen 2 device, so the firmware load at start fails"
                    + " (qat_c62x/adf_c62x_hw_data.c get_fw_name 'Unsupported ServicesProfile.', qat_dh895xcc's"
                    + " 'invalid ServicesProfile.', from adf_gen2_hw_data.c adf_gen2_ae_fw_load); the simulated driver"
                    + " replays the configuration step only"));

    @Test
    void lintSaysSoExactlyWhereTheSimulatedDriverRefusesADevice() {
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < DriverDifferentialTest.CASES && disagreements.size() < 5; i++) {
            long seed = DriverDifferentialTest.SEED + i;
            check(new ConfSetGenerator(seed).next(), "seed " + seed).ifPresent(disagreements::add);
        }
        if (!disagreements.isEmpty()) {
            fail(disagreements.size() + " disagreement(s) (first 5):\n" + String.join("\n\n", disagreements));
        }
    }

    @Test
    void everyStricterRuleIsStillNeeded() {
        // a stricter entry that no generated case uses any more is one to remove
        boolean[] used = new boolean[STRICTER.size()];
        for (int i = 0; i < DriverDifferentialTest.CASES; i++) {
            ConfSetGenerator.ConfSet set = new ConfSetGenerator(DriverDifferentialTest.SEED + i).next();
            List<Boolean> up = sim(set, new ArrayList<>());
            List<FileReport> reports = lint(set);
            for (int d = 0; d < up.size(); d++) {
                if (!up.get(d)) {
                    continue;
                }
                for (Finding f : errors(reports.get(d))) {
                    for (int k = 0; k < STRICTER.size(); k++) {
                        used[k] |= STRICTER.get(k).covers(f, set.release());
                    }
                }
            }
        }
        for (int k = 0; k < used.length; k++) {
            assertTrue(used[k], "no generated case needs the stricter entry " + STRICTER.get(k).rule());
        }
    }

    /** Why lint and the simulated driver disagree on this set, or empty when they agree. */
    static Optional<String> check(ConfSetGenerator.ConfSet set, String label) {
        List<List<String>> logs = new ArrayList<>();
        List<Boolean> up = sim(set, logs);
        List<FileReport> reports = lint(set);
        for (int d = 0; d < up.size(); d++) {
            List<Finding> errors = errors(reports.get(d));
            List<Finding> refusing = errors.stream()
                    .filter(f -> STRICTER.stream().noneMatch(s -> s.covers(f, set.release()))).toList();
            String device = d == 0 ? "the PF" : "VF " + (d - 1);
            if (!up.get(d) && refusing.isEmpty()) {
                return Optional.of(label + ": the simulated driver refuses " + device + " (" + logs.get(d) + ") but lint"
                        + " says nothing of it: " + reports.get(d).findings() + "\n" + set.describe());
            }
            if (up.get(d) && !refusing.isEmpty()) {
                return Optional.of(label + ": the simulated driver brings " + device + " up (" + logs.get(d) + ") but"
                        + " lint reports " + refusing + "\n" + set.describe());
            }
        }
        return Optional.empty();
    }

    private static List<Finding> errors(FileReport r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    // --- cases found by the property, settled from the driver source ---------------------------

    /** Both must agree on the set, and the simulator must give {@code expectedUp} (PF first); returns lint's reports. */
    private static List<FileReport> agree(List<Boolean> expectedUp, DriverRelease release, String pfType, String... files) {
        ConfSetGenerator.ConfSet set = new ConfSetGenerator.ConfSet(release, pfType, List.of(files));
        List<List<String>> logs = new ArrayList<>();
        assertEquals(expectedUp, sim(set, logs), () -> "simulator: " + logs);
        check(set, "case").ifPresent(m -> fail(m));
        return lint(set);
    }

    private static boolean has(FileReport r, String rule) {
        return r.findings().stream().anyMatch(f -> f.rule().id().equals(rule) && f.severity() == Severity.ERROR);
    }

    /**
     * Found (lint silent): a PF whose file adf_ctl refuses keeps the default cy;dc map and sends it
     * to its VFs (allocator.md 10.2); lint placed the VF under the VF's own map (sym;dc: 4 Cy) where
     * the driver has 2 Cy positions. Lint now asks the driver model what the PF sends
     * (Allocator.offer) and places the VF under that.
     */
    @Test
    void aVfIsPlacedUnderTheMapItsPfReallySends() {
        String pf = "[GENERAL]\nServicesEnabled = sym;dc\n[KERNEL_QAT]\nNumberCyInstances = 0\nNumberDcInstances = 0\n";
        String vf = VF_ZFS.replace("cy;dc", "sym;dc").replace("NumberCyInstances = 1", "NumberCyInstances = 3")
                + "Cy1Name = a\nCy1IsPolled = 0\nCy1CoreAffinity = 5\nCy2Name = b\nCy2IsPolled = 0\nCy2CoreAffinity = 5\n";
        List<FileReport> r = agree(List.of(false, false), DriverRelease.R4_24, "c6xx", pf, vf);
        assertTrue(has(r.get(1), "capacity.exceeded"), () -> r.get(1).findings().toString());
        agree(List.of(true, true), DriverRelease.R4_24, "c6xx", pf.replace("[KERNEL_QAT]", "ConfigVersion = 2\n[KERNEL_QAT]"), vf);
    }

    /**
     * Found (lint silent): driver 4.8 reads PkeServiceDisabled on a PF and drops asymmetric crypto
     * before it checks the services (4.8 adf_cfg_update_pf_accel_cap_mask), so a PF on cy;dc is
     * refused, and its VFs may not ask for asym either. Lint called the key deprecated, "no effect".
     */
    @Test
    void driver48RefusesAPkeDisabledPfOnCyAndItsVfsAskingForAsym() {
        String pf = PF_HOST.replace("ConfigVersion = 2", "ConfigVersion = 2\nPkeServiceDisabled = 1");
        List<FileReport> r = agree(List.of(false, false), DriverRelease.R4_8, "dh895xcc", pf, VF_ZFS);
        assertTrue(has(r.get(0), "general.services"), () -> r.get(0).findings().toString());
        assertTrue(has(r.get(1), "vf.services-subset"), () -> r.get(1).findings().toString());
        agree(List.of(true, true), DriverRelease.R4_24, "dh895xcc", pf, VF_ZFS);
        // a VF that asks only for what the 4.8 PF kept (sym and dc) comes up under a dc;sym PF
        agree(List.of(true, true), DriverRelease.R4_8, "dh895xcc", pf.replace("cy;dc", "dc;sym"),
                VF_ZFS.replace("cy;dc", "sym;dc"));
    }

    /**
     * Found (lint silent): a user section with processes needs its counts as a kernel section does
     * (adf_cfg_process_user_section runs the same per-kind reading); instance.missing-count looked
     * at kernel sections only.
     */
    @Test
    void aUserSectionWithProcessesNeedsItsCounts() {
        String pf = PF_HOST + "[SSL]\nNumProcesses = 1\nLimitDevAccess = 0\nNumberDcInstances = 0\n";
        List<FileReport> r = agree(List.of(false), DriverRelease.R4_24, "c6xx", pf);
        assertTrue(has(r.get(0), "instance.missing-count"), () -> r.get(0).findings().toString());
        agree(List.of(true), DriverRelease.R4_24, "c6xx", pf.replace("NumProcesses = 1", "NumProcesses = 0"));
    }

    /**
     * Found (lint wrong): the kernel reads counts and IsPolled with kstrtoul, base 10 then 16, and
     * CoreAffinity as a kstrtoul list in kernel sections too (adf_cfg_set_value,
     * adf_cfg_set_core_number_for_instance): value.not-number reported {@code +0}, {@code 0x1}-less
     * hex and {@code 5,6} as refusals.
     */
    @Test
    void numbersAreWhatTheKernelReads() {
        String vf = VF_ZFS.replace("Cy0IsPolled = 0", "Cy0IsPolled = +0").replace("Cy0CoreAffinity = 5", "Cy0CoreAffinity = 5,6")
                .replace("Dc0CoreAffinity = 5", "Dc0CoreAffinity = 5-7");
        List<FileReport> r = agree(List.of(true, true), DriverRelease.R4_24, "c6xx", PF_HOST, vf);
        assertTrue(r.get(1).findings().stream().noneMatch(f -> f.rule().id().equals("value.not-number")),
                () -> r.get(1).findings().toString());
        agree(List.of(true, false), DriverRelease.R4_24, "c6xx", PF_HOST, VF_ZFS.replace("Dc0CoreAffinity = 5", "Dc0CoreAffinity = x"));
    }

    /**
     * Found (lint wrong): instances the driver never reads cannot refuse the device: those of a kind
     * the ring map lacks, those of a user section without processes, and, on 4.8 (no
     * NumDcInstances cross-check), Dc instances under a cy PF. Lint now warns there.
     */
    @Test
    void instancesTheDriverNeverReadsAreWarnings() {
        String pf = "[GENERAL]\nServicesEnabled = cy\nConfigVersion = 2\n[KERNEL_QAT]\nNumberCyInstances = 0\n"
                + "NumberDcInstances = 1\nDc0Name = z\n";
        agree(List.of(true), DriverRelease.R4_8, "c6xx", pf);
        agree(List.of(false), DriverRelease.R4_24, "c6xx", pf);
        String user = PF_HOST + "[SSL]\nNumProcesses = 0\nNumberCyInstances = 1\nNumberDcInstances = 0\nCy0Name = s\n"
                + "Cy0IsPolled = 0\nCy0CoreAffinity = x\n";
        agree(List.of(true), DriverRelease.R4_24, "c6xx", user);
    }

    /**
     * Found (lint wrong): in a kernel section the allocator takes any IsPolled but 1 as interrupt
     * mode; only [KERNEL_QAT]'s 2 fails later, at start (see {@link #STRICTER}). [KERNEL]'s is a
     * warning now.
     */
    @Test
    void aKernelSectionsIsPolledTwoIsAWarningOutsideKernelQat() {
        String pf = PF_HOST.replace("[KERNEL_QAT]", "[KERNEL]\nNumberCyInstances = 1\nNumberDcInstances = 0\nCy0Name = k\n"
                + "Cy0IsPolled = 2\nCy0CoreAffinity = 1\n[KERNEL_QAT]");
        List<FileReport> r = agree(List.of(true), DriverRelease.R4_24, "c6xx", pf);
        assertTrue(r.get(0).findings().stream().anyMatch(f -> f.rule().id().equals("instance.polled")
                && f.severity() == Severity.WARNING), () -> r.get(0).findings().toString());
    }

    /** Found with the generated tabs: on 4.8 a tab-indented comment before the first header is a key, and adf_ctl crashes. */
    @Test
    void anIndentedCommentBeforeTheFirstHeaderIsAKeyOn48() {
        List<FileReport> r = agree(List.of(false), DriverRelease.R4_8, "c6xx", "\t# tabbed\n" + PF_HOST);
        assertTrue(has(r.get(0), "syntax.before-section"), () -> r.get(0).findings().toString());
        agree(List.of(true), DriverRelease.R4_24, "c6xx", "\t# tabbed\n" + PF_HOST);
    }

    // --- the two sides ---------------------------------------------------------------------------

    /** The simulator's verdict per device, PF first, with each device's own log lines. */
    static List<Boolean> sim(ConfSetGenerator.ConfSet set, List<List<String>> logs) {
        List<Boolean> out = new ArrayList<>();
        RingAllocator.Link pf = RingAllocator.Link.FRESH;
        for (int i = 0; i < set.files().size(); i++) {
            boolean vf = i > 0;
            List<String> log = new ArrayList<>();
            logs.add(log);
            Family family = Family.of(vf ? set.pfType() + "vf" : set.pfType()).orElseThrow();
            AdfCtlConf conf = AdfCtlReader.read(set.files().get(i).getBytes(StandardCharsets.ISO_8859_1), set.release());
            if (conf.crashed() || conf.error().isPresent()) {
                log.add("adf_ctl: " + conf.error().orElse("crashed"));
                out.add(false);
                continue;
            }
            KernelResult r = RingAllocator.configure(conf, new RingAllocator.Device(family, i, family.type() + ": "),
                    set.release(), pf);
            if (!vf) {
                pf = new RingAllocator.Link(r.ringMap(), r.caps());
            }
            log.addAll(r.log());
            out.add(r.configured());
        }
        return out;
    }

    static org.qatwb.model.device.DriverRelease modelRelease(DriverRelease r) {
        return switch (r) {
            case R4_8 -> org.qatwb.model.device.DriverRelease.R4_8;
            case R4_24 -> org.qatwb.model.device.DriverRelease.R4_24;
            case R4_28 -> org.qatwb.model.device.DriverRelease.R4_28;
        };
    }

    /** The set linted as the snapshot lints a NAS's files (NasSnapshotReader.lint): by name, release and cores. */
    static List<FileReport> lint(ConfSetGenerator.ConfSet set) {
        org.qatwb.model.device.DriverRelease release = modelRelease(set.release());
        List<ConfFile> files = new ArrayList<>();
        for (int i = 0; i < set.files().size(); i++) {
            boolean vf = i > 0;
            String name = (vf ? set.pfType() + "vf_dev" + (i - 1) : set.pfType() + "_dev0") + ".conf";
            DeviceFileName named = DeviceFileName.of(name).orElseThrow();
            ConfDocument doc = ConfDocument.parse(set.files().get(i).getBytes(StandardCharsets.ISO_8859_1), release);
            LintContext ctx = new LintContext(Optional.of(named.device()), OptionalInt.of(CORES)).withRelease(release);
            files.add(new ConfFile(name, doc, ctx, OptionalInt.of(named.instId())));
        }
        return DeviceSetLinter.lint(files);
    }
}
