package org.qatwb.model.testutil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A full C62x host as ZFS wants it: 3 PFs that only host VFs, and 48 VFs each with one
 * interrupt-mode Cy and Dc instance in [KERNEL_QAT], both on the VF's one core (the driver binds a
 * VF's one bank to the core of its first interrupt-mode instance), the VFs spread over 56 cores; plus
 * the matching {@code adf_ctl status} of 51 devices. Written in the project's own words; the lint
 * tests start from these files and break one thing at a time.
 */
public final class C62xFixture {

    public static final int PFS = 3;
    public static final int VFS_PER_PF = 16;
    public static final int CORES = 56;

    private C62xFixture() {
    }

    /** File name to content, PFs first, in the driver's naming; VF n's two instances on core n (mod 56). */
    public static Map<String, String> confFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        for (int pf = 0; pf < PFS; pf++) {
            files.put("c6xx_dev" + pf + ".conf", pf());
        }
        for (int vf = 0; vf < PFS * VFS_PER_PF; vf++) {
            files.put("c6xxvf_dev" + vf + ".conf", vf(vf % CORES));
        }
        return files;
    }

    /** A PF that only hosts VFs: services on, zero instances everywhere. */
    public static String pf() {
        return """
                [GENERAL]
                ServicesEnabled = cy;dc
                ConfigVersion = 2
                CyNumConcurrentSymRequests = 512
                CyNumConcurrentAsymRequests = 64
                DcNumConcurrentRequests = 512

                [KERNEL]
                NumberCyInstances = 0
                NumberDcInstances = 0

                [KERNEL_QAT]
                NumberCyInstances = 0
                NumberDcInstances = 0
                """;
    }

    /** A VF as a ZFS host wants it: kernel API only, one Cy and one Dc instance, interrupt mode, on one core. */
    public static String vf(int core) {
        return vf(core, core);
    }

    /**
     * The same with the Cy and Dc instance on the cores given: on two cores the real driver refuses
     * the VF ({@code capacity.exceeded}), as this fixture's first version did everywhere.
     */
    public static String vf(int cyCore, int dcCore) {
        return """
                # c6xxvf for ZFS: kernel QAT API only
                [GENERAL]
                ServicesEnabled = cy;dc
                ConfigVersion = 2
                CyNumConcurrentSymRequests = 512
                CyNumConcurrentAsymRequests = 64
                DcNumConcurrentRequests = 512
                DcIntermediateBufferSizeInKB = 64
                statsGeneral = 1

                [KERNEL]
                NumberCyInstances = 0
                NumberDcInstances = 0

                [KERNEL_QAT]
                NumberCyInstances = 1
                NumberDcInstances = 1
                Cy0Name = "ZFS0"
                Cy0IsPolled = 0
                Cy0CoreAffinity = %d
                Dc0Name = "ZFS0"
                Dc0IsPolled = 0
                Dc0CoreAffinity = %d
                """.formatted(cyCore, dcCore);
    }

    /** {@code adf_ctl status} for the 3 PFs and 48 VFs, all up (the project's fixture file). */
    public static String adfStatus() {
        try (InputStream in = C62xFixture.class.getResourceAsStream("/fixtures/adf/c62x_3pf_48vf_status.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
