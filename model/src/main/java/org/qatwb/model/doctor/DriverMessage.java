package org.qatwb.model.doctor;

import java.util.Optional;

/**
 * The QAT driver's kernel-log messages the doctor recognises (DOMAIN.md sections 3 and 8), each with
 * what it means for ZFS and what to do. The first that matches a line explains it, so the specific
 * ones come before the general {@code QAT Error:}.
 */
enum DriverMessage {
    RINGS("Don't have enough rings for instance", true,
            "more instances than the device's rings hold: the device fails to start",
            "lower the instance counts of the named section (lint: capacity.exceeded), then restart"),
    SERVICES_PROFILE("for ServicesProfile", true,
            "ServicesEnabled is not allowed under the file's ServicesProfile: the device fails to start",
            "set a ServicesEnabled the profile allows (lint: general.services), then restart"),
    USER_POLLED("needs to be configured with IsPolled 1 or 2", true,
            "a user-space section has an interrupt-mode instance, which the driver refuses: the device fails to start",
            "write IsPolled 1 or 2 in that user-space section (lint: instance.polled), then restart"),
    VERSION("Only version 2 config file supported", true,
            "a conf file without ConfigVersion = 2 in [GENERAL]: the device fails to start",
            "add ConfigVersion = 2 to [GENERAL] (lint: general.config-version), then restart"),
    FAILED_START("Failed to start qat_dev", true,
            "a device did not start (firmware, or its conf file): its instances do not exist",
            "see the lines before it and adf_ctl status, then restart"),
    FAILED_CONFIGURE("Failed to configure qat_dev", true,
            "the driver refused a device's conf file: the device stays down",
            "correct the conf file (qat.conf-valid), then restart"),
    IOCTL("Ioctl failed", true,
            "adf_ctl could not talk to the driver: its kernel modules are not loaded or do not match adf_ctl",
            "reinstall the driver or start qat.service, then restart"),
    IOMMU("Cannot use PF with IOMMU enabled", false,
            "a user-space program tried to use a PF while the IOMMU is on; kernel users such as ZFS are not affected",
            ""),
    STOPPING("QAT: Stopping all acceleration devices.", false,
            "qat.service was stopped or restarted; while ZFS holds instances that is risky (write 1 to the parameters"
                    + " first)",
            ""),
    QAT_ERROR("QAT Error:", true,
            "the driver refused something at start; the message says what", "correct what it names, then restart");

    private final String marker;
    private final boolean problem;
    private final String meaning;
    private final String remedy;

    DriverMessage(String marker, boolean problem, String meaning, String remedy) {
        this.marker = marker;
        this.problem = problem;
        this.meaning = meaning;
        this.remedy = remedy;
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
        int at = line.indexOf(marker);
        return at < 0 ? line : line.substring(at);
    }

    /** The message a kernel-log line carries, if the doctor knows it. */
    static Optional<DriverMessage> of(String line) {
        for (DriverMessage m : values()) {
            if (line.contains(m.marker)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
