package org.qatwb.model.lint;

/** Where a rule's knowledge comes from, so that an administrator can weigh it and we can correct it. */
public enum RuleSource {
    DRIVER_GRAMMAR("Intel QAT 1.7 driver, adf_ctl conf reader (utilities/adf_ctl/src/ini_config.cpp, utils.cpp)"),
    DRIVER_SOURCE("Intel QAT 1.7 driver source (configuration checks in adf_ctl and the kernel driver)"),
    INTEL_GUIDE("Intel QuickAssist Programmer's Guide and conf-file documentation"),
    INTEL_SAMPLES("Intel's sample conf files shipped with the driver"),
    OPENZFS("OpenZFS source (module/os/linux/zfs/qat*.c)"),
    FIELD_REPORT("administrators' reports in public issue threads"),
    INFERENCE("inference from driver source (ring allocator); not documented by Intel"),
    WORKBENCH("QAT Workbench itself: what it can write without guessing");

    private final String description;

    RuleSource(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
