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
import org.junit.jupiter.api.Test;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.driver.Allocator;
import org.qatwb.model.driver.DeviceConf;
import org.qatwb.model.driver.DeviceVerdict;

/**
 * The product's allocator model ({@code model.driver.Allocator}) and the simulator's independent
 * driver ({@link AdfCtlReader} + {@link RingAllocator}) must agree on which devices come up, for
 * thousands of random conf sets (issue 12, section 7). Each disagreement found so far was a bug in
 * one of them, settled from the driver source; it is kept below as a named case.
 */
class DriverDifferentialTest {

    static final long SEED = 0x51A7_2026_1207L;
    static final int CASES = 4000;

    @Test
    void theProductsModelAndTheSimulatedDriverBringUpTheSameDevices() {
        for (int i = 0; i < CASES; i++) {
            long seed = SEED + i;
            ConfSetGenerator.ConfSet set = new ConfSetGenerator(seed).next();
            List<Boolean> model = model(set);
            List<Boolean> sim = sim(set);
            if (!model.equals(sim)) {
                fail("seed " + seed + ": the product's model brings up " + model + ", the simulated driver " + sim
                        + "\nmodel: " + modelVerdicts(set) + "\nsimulator: " + simLog(set) + "\n" + set.describe());
            }
        }
    }

    @Test
    void theGeneratorReachesBothVerdicts() {
        int up = 0;
        int down = 0;
        for (int i = 0; i < CASES; i++) {
            for (boolean b : sim(new ConfSetGenerator(SEED + i).next())) {
                up += b ? 1 : 0;
                down += b ? 0 : 1;
            }
        }
        assertTrue(up > CASES / 4 && down > CASES / 4, "devices up " + up + ", down " + down);
    }

    // --- cases found by the property, settled from the driver source ---------------------------

    /** Both sides must give {@code expected} (true = up), PF first. */
    private static void agree(List<Boolean> expected, DriverRelease release, String pfType, String... files) {
        ConfSetGenerator.ConfSet set = new ConfSetGenerator.ConfSet(release, pfType, List.of(files));
        assertEquals(expected, sim(set), () -> "simulator: " + simLog(set));
        assertEquals(expected, model(set), () -> "model: " + modelVerdicts(set));
    }

    /**
     * Found by the property (model wrong): a PF keeps only the capabilities of its own services
     * (adf_cfg_update_pf_accel_cap_mask, qat_common/adf_cfg_device.c) and announces them to its VFs
     * (adf_pf_capabilities_msg_provider, adf_pf2vf_capabilities.c); a VF file asking for more is
     * refused with "Unsupported device configuration" (adf_cfg_check_enabled_services). The model
     * let the VF up under the PF's ring map.
     */
    @Test
    void aVfAskingForCompressionUnderACryptoOnlyPfIsRefused() {
        String pf = "[GENERAL]\nServicesEnabled = cy\nConfigVersion = 2\n[KERNEL_QAT]\nNumberCyInstances = 0\n";
        for (DriverRelease r : DriverRelease.values()) {
            agree(List.of(true, false), r, "c6xx", pf, VF_ZFS);
        }
        agree(List.of(true, true), DriverRelease.R4_24, "c6xx", PF_HOST, VF_ZFS);
    }

    /**
     * Found by the property (model wrong): a PF file adf_ctl refuses (no ConfigVersion:
     * dev_config.cpp validate_config) never reaches the kernel, so the PF keeps the map it was
     * probed with, cy;dc, and that is what its VFs receive; the model took the map from the PF
     * file's ServicesEnabled, and did not refuse the PF either.
     */
    @Test
    void aPfThatAdfCtlRefusesLeavesItsVfsTheDefaultMap() {
        String pf = "[GENERAL]\nServicesEnabled = dc\n[KERNEL_QAT]\nNumberDcInstances = 0\n";
        // under a dc map the VF's Cy instance would have no position; under cy;dc it fits
        String vf = VF_ZFS.replace("ServicesEnabled = cy;dc", "ServicesEnabled = dc")
                .replace("NumberCyInstances = 1", "NumberCyInstances = 0");
        agree(List.of(false, true), DriverRelease.R4_24, "c6xx", pf, vf);
        agree(List.of(false, true), DriverRelease.R4_24, "c6xx", pf.replace("[KERNEL_QAT]", "ConfigVersion = 3\n[KERNEL_QAT]"), vf);
        agree(List.of(true, true), DriverRelease.R4_24, "c6xx", pf.replace("[KERNEL_QAT]", "ConfigVersion = 2.0\n[KERNEL_QAT]"), vf);
    }

    /**
     * Found by the property (model wrong): driver 4.8 reads PkeServiceDisabled and StorageEnabled
     * (kstrtoul base 0) and drops asymmetric crypto from the PF's capabilities before checking its
     * services (4.8 adf_cfg_update_pf_accel_cap_mask), so a PF on a service with asym is refused
     * with "Unsupported device configuration"; 4.24 only warns that the keys are deprecated.
     */
    @Test
    void driver48DropsAsymForPkeServiceDisabled() {
        String pf = "[GENERAL]\nServicesEnabled = dc;asym\nConfigVersion = 2\nPkeServiceDisabled = 1\n";
        agree(List.of(false), DriverRelease.R4_8, "dh895xcc", pf);
        agree(List.of(true), DriverRelease.R4_24, "dh895xcc", pf);
        agree(List.of(true), DriverRelease.R4_8, "dh895xcc", pf.replace("dc;asym", "sym;dc"));
    }

    /**
     * Found by the property (model wrong): the kernel reads counts and IsPolled with kstrtoul base
     * 10, then base 16 (adf_cfg_set_value, qat_common/adf_cfg_section.c), on the string adf_ctl
     * stored: {@code +0} is 0 and {@code a} is 10. The model read them with the conf grammar's
     * typing, saw no number and refused the device.
     */
    @Test
    void theKernelReadsNumbersWithKstrtoul() {
        agree(List.of(true, true), DriverRelease.R4_24, "c6xx", PF_HOST, VF_ZFS.replace("Cy0IsPolled = 0", "Cy0IsPolled = +0"));
        // ten polled Dc instances: more than the 8 of one dc bank, so a second bank; "a" is ten
        agree(List.of(true), DriverRelease.R4_24, "c6xx",
                "[GENERAL]\nServicesEnabled = dc\nConfigVersion = 2\n[KERNEL]\nNumberDcInstances = a\n"
                        + "Dc0Name = x\nDc0IsPolled = 1\nDc0CoreAffinity = 0\nDc1Name = x\nDc1IsPolled = 1\nDc1CoreAffinity = 0\n"
                        + "Dc2Name = x\nDc2IsPolled = 1\nDc2CoreAffinity = 0\nDc3Name = x\nDc3IsPolled = 1\nDc3CoreAffinity = 0\n"
                        + "Dc4Name = x\nDc4IsPolled = 1\nDc4CoreAffinity = 0\nDc5Name = x\nDc5IsPolled = 1\nDc5CoreAffinity = 0\n"
                        + "Dc6Name = x\nDc6IsPolled = 1\nDc6CoreAffinity = 0\nDc7Name = x\nDc7IsPolled = 1\nDc7CoreAffinity = 0\n"
                        + "Dc8Name = x\nDc8IsPolled = 1\nDc8CoreAffinity = 0\nDc9Name = x\nDc9IsPolled = 1\nDc9CoreAffinity = 0\n");
        // 4294967297 is 1 in polling_mode's int: polled, and mixing it with an interrupt Dc refuses the VF
        agree(List.of(true, false), DriverRelease.R4_24, "c6xx", PF_HOST,
                VF_ZFS.replace("Cy0IsPolled = 0", "Cy0IsPolled = 4294967297"));
    }

    /**
     * Found by the property once the generator wrote blanks and tabs (model wrong): adf_ctl 4.8 does
     * not trim a line (ini_config.cpp config::read_ini), so a tab-indented comment before the first
     * header is a key with no section, and adf_ctl crashes; 4.24 trims it and skips the comment.
     */
    @Test
    void anIndentedCommentBeforeTheFirstHeaderCrashesAdfCtl48() {
        agree(List.of(false), DriverRelease.R4_8, "c6xx", "\t# tabbed\n" + PF_HOST);
        agree(List.of(true), DriverRelease.R4_24, "c6xx", "\t# tabbed\n" + PF_HOST);
    }

    /** The example (allocator.md 7b, c): a VF with Cy and Dc on two cores is refused, on one core placed. */
    @Test
    void aVfsInterruptInstancesMustShareOneCore() {
        for (DriverRelease r : DriverRelease.values()) {
            agree(List.of(true, true), r, "c6xx", PF_HOST, VF_ZFS);
            agree(List.of(true, false), r, "c6xx", PF_HOST, VF_ZFS.replace("Dc0CoreAffinity = 5", "Dc0CoreAffinity = 6"));
        }
    }

    // --- the two sides ---------------------------------------------------------------------------

    static List<Boolean> model(ConfSetGenerator.ConfSet set) {
        return modelVerdicts(set).stream().map(v -> {
            assertTrue(!(v instanceof DeviceVerdict.NotModelled), v.toString());
            return v instanceof DeviceVerdict.Placed;
        }).toList();
    }

    static List<DeviceVerdict> modelVerdicts(ConfSetGenerator.ConfSet set) {
        org.qatwb.model.device.DriverRelease release = LintDifferentialTest.modelRelease(set.release());
        List<DeviceConf> devices = new ArrayList<>();
        for (int i = 0; i < set.files().size(); i++) {
            boolean vf = i > 0;
            String type = vf ? set.pfType() + "vf" : set.pfType();
            String name = type + "_dev" + (vf ? i - 1 : 0) + ".conf";
            devices.add(new DeviceConf(name, DeviceRef.of(type), i,
                    ConfDocument.parse(set.files().get(i).getBytes(StandardCharsets.ISO_8859_1), release),
                    vf ? Optional.of(set.pfType() + "_dev0.conf") : Optional.empty()));
        }
        return Allocator.place(devices, release);
    }

    static List<Boolean> sim(ConfSetGenerator.ConfSet set) {
        return simRun(set, new ArrayList<>());
    }

    static List<String> simLog(ConfSetGenerator.ConfSet set) {
        List<String> log = new ArrayList<>();
        simRun(set, log);
        return log;
    }

    static List<Boolean> simRun(ConfSetGenerator.ConfSet set, List<String> log) {
        List<Boolean> out = new ArrayList<>();
        RingAllocator.Link pf = RingAllocator.Link.FRESH;
        for (int i = 0; i < set.files().size(); i++) {
            boolean vf = i > 0;
            Family family = Family.of(vf ? set.pfType() + "vf" : set.pfType()).orElseThrow();
            AdfCtlConf conf = AdfCtlReader.read(set.files().get(i).getBytes(StandardCharsets.ISO_8859_1), set.release());
            if (conf.crashed() || conf.error().isPresent()) {
                log.add(i + ": adf_ctl " + conf.error().orElse("crashed"));
                out.add(false);
                continue;
            }
            KernelResult r = RingAllocator.configure(conf, new RingAllocator.Device(family, i, family.type() + ": "),
                    set.release(), pf);
            if (!vf) {
                pf = new RingAllocator.Link(r.ringMap(), r.caps());
            }
            r.log().forEach(l -> log.add(l));
            out.add(r.configured());
        }
        assertEquals(set.files().size(), out.size());
        return out;
    }
}
