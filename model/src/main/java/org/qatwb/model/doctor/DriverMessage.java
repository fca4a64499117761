package org.qatwb.model.doctor;

import java.util.Optional;

/**
 * The QAT driver's messages the doctor recognises (DOMAIN.md sections 3 and 8), each with where it
 * is written, what it means for ZFS and what to do. They come from two places and are looked for
 * only where they are written: the kernel driver's ({@code pr_err}, {@code dev_err}) in the kernel
 * log; adf_ctl's (its stderr) and qat_service's (its echo) in qat.service's journal. The first that
 * matches a line explains it, so the specific ones come before the general {@code QAT Error:}.
 * Markers are the drivers' own format strings (QAT 1.7 4.24, {@code quickassist/qat/drivers/crypto/qat/qat_common}
 * and {@code quickassist/utilities/adf_ctl/src}), cut before their first conversion.
 */
enum DriverMessage {
    // ---- the kernel's: qat_common ----
    RINGS(Origin.KERNEL, "Don't have enough rings for instance", true,
            "no bank could take the named instance (adf_cfg_device.c adf_cfg_get_ring_pairs): too many instances, or"
                    + " a VF's interrupt-mode instances on different cores or mixing IsPolled: the device fails to start",
            "lower the instance counts of the named section, or give a VF's interrupt-mode instances one core"
                    + " (lint: capacity.exceeded), then restart"),
    CREATE_RINGS(Origin.KERNEL, "Failed to create rings for ", true,
            "the driver could not make the rings of a Cy or Dc instance (adf_cfg_section.c): the device fails to start",
            "see the line before it (usually too many instances), then restart"),
    SERVICES_PROFILE(Origin.KERNEL, "for ServicesProfile", true,
            "ServicesEnabled is not allowed under the file's ServicesProfile (adf_cfg_device.c): the device fails"
                    + " to start",
            "set a ServicesEnabled the profile allows (lint: general.services), then restart"),
    UNSUPPORTED(Origin.KERNEL, "Unsupported device configuration", true,
            "the device's ServicesEnabled maps to no ring layout the driver has (adf_cfg_device.c): the device fails"
                    + " to start",
            "set one of the ServicesEnabled values the driver lists (lint: general.services), then restart"),
    USER_POLLED(Origin.KERNEL, "needs to be configured with IsPolled 1 or 2", true,
            "a user-space section has an interrupt-mode instance, which the driver refuses (adf_cfg_bundle.c): the"
                    + " device fails to start",
            "write IsPolled 1 or 2 in that user-space section (lint: instance.polled), then restart"),
    CONFIG_DEVICE(Origin.KERNEL, "Failed to config device", true,
            "the driver refused the device's configuration (adf_cfg_device.c, after one of the refusals above)",
            "correct what the lines before it name, then restart"),
    FAILED_START(Origin.KERNEL, "Failed to start qat_dev", true,
            "a device did not start (adf_ctl_drv.c; firmware, or its configuration): its instances do not exist",
            "see the lines before it and adf_ctl status, then restart"),
    BUSY(Origin.KERNEL, " is busy", true,
            "the driver refused to stop a device in use (adf_ctl_drv.c): ZFS holds its instances, so a restart"
                    + " cannot apply a new layout until the next boot",
            "stage the change and reboot (DOMAIN.md section 8); writing 1 to the parameters does not release the devices"),
    IOMMU(Origin.KERNEL, "Cannot use PF with IOMMU enabled", false,
            "a user-space program tried to use a PF while the IOMMU is on (adf_init.c); kernel users such as ZFS are"
                    + " not affected",
            ""),
    STOPPING(Origin.KERNEL, "QAT: Stopping all acceleration devices.", false,
            "qat.service was stopped or restarted (adf_ctl_drv.c); while ZFS holds instances that is risky (write 1"
                    + " to the parameters first)",
            ""),
    // ---- adf_ctl's and qat_service's: qat.service's journal ----
    VERSION(Origin.SERVICE, "Only version 2 config file supported", true,
            "adf_ctl refused a conf file without ConfigVersion = 2 in [GENERAL] (dev_config.cpp): the kernel never saw it",
            "add ConfigVersion = 2 to [GENERAL] (lint: general.config-version), then restart"),
    NO_GENERAL(Origin.SERVICE, "No GENERAL section found", true,
            "adf_ctl refused a conf file without [GENERAL] (dev_config.cpp): the kernel never saw it",
            "add a [GENERAL] section (lint: general.missing), then restart"),
    FAILED_CONFIGURE(Origin.SERVICE, "Failed to configure qat_dev", true,
            "adf_ctl could not configure a device (adf_ctl.cpp): it stays down; the kernel log says why",
            "correct the conf file (qat.conf-valid), then restart"),
    IOCTL(Origin.SERVICE, "Ioctl failed", true,
            "adf_ctl's configuration ioctl failed (dev_config.cpp): the kernel refused the file (its reason is in the"
                    + " kernel log), or its modules are not loaded or do not match adf_ctl",
            "read the kernel log's lines of the same moment; if there are none, reinstall the driver or start qat.service"),
    SRIOV_ENABLED(Origin.SERVICE, "SRIOV is already enabled", true,
            "qat_service could not create the VFs again (qat_service, enable_sriov): they still exist because the"
                    + " devices could not be stopped, usually because ZFS holds them",
            "stage the change and reboot; a restart cannot recreate VFs that ZFS holds"),
    QAT_ERROR(Origin.SERVICE, "QAT Error:", true,
            "adf_ctl refused something (adf_ctl.cpp); the message says what", "correct what it names, then restart");

    /** Where a message is written, and so the only place it is looked for. */
    enum Origin {
        /** The kernel driver's messages: the kernel log (dmesg). */
        KERNEL("kernel log"),
        /** adf_ctl's and qat_service's: their output, which systemd keeps in qat.service's journal. */
        SERVICE("qat.service journal");

        private final String place;

        Origin(String place) {
            this.place = place;
        }

        /** Where to read it, in a few words. */
        String place() {
            return place;
        }
    }

    private final Origin origin;
    private final String marker;
    private final boolean problem;
    private final String meaning;
    private final String remedy;

    DriverMessage(Origin origin, String marker, boolean problem, String meaning, String remedy) {
        this.origin = origin;
        this.marker = marker;
        this.problem = problem;
        this.meaning = meaning;
        this.remedy = remedy;
    }

    Origin origin() {
        return origin;
    }

    /** Whether the message reports something that keeps devices (and so ZFS's instances) from working. */
    boolean problem() {
        return problem;
    }

    /** What it means, in one line. */
    String meaning() {
        return meaning;
    }

    /** What to do, in one line; empty for a message that needs nothing. */
    Optional<String> remedy() {
        return remedy.isEmpty() ? Optional.empty() : Optional.of(remedy);
    }

    /** The driver's words in {@code line}, from the message on: no timestamp or device prefix to crowd a quote. */
    String words(String line) {
        if (this == BUSY) {
            int dev = line.indexOf("device qat_dev");
            return dev < 0 ? line : line.substring(dev);
        }
        int at = line.indexOf(marker);
        return at < 0 ? line : line.substring(at);
    }

    /** The message a line of {@code origin}'s place carries, if the doctor knows it; never one written elsewhere. */
    static Optional<DriverMessage> of(Origin origin, String line) {
        for (DriverMessage m : values()) {
            if (m.origin == origin && m.matches(line)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private boolean matches(String line) {
        // adf_ctl_drv.c: "device qat_dev%d is busy"
        return this == BUSY ? line.matches(".*device qat_dev[0-9]+ is busy.*") : line.contains(marker);
    }
}
