package org.qatwb.model.lint;

import static org.qatwb.model.lint.RuleSource.DRIVER_GRAMMAR;
import static org.qatwb.model.lint.RuleSource.DRIVER_SOURCE;
import static org.qatwb.model.lint.RuleSource.INTEL_GUIDE;
import static org.qatwb.model.lint.RuleSource.OPENZFS;
import static org.qatwb.model.lint.Severity.ERROR;
import static org.qatwb.model.lint.Severity.WARNING;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rule catalog. Ids are a public interface (CLI.md): never rename one. Each finding's own
 * message says what the driver or ZFS will do with the file and how to fix it; the summary here
 * says what the rule looks for.
 */
public enum Rule {
    SYNTAX_BOM("syntax.bom", ERROR, DRIVER_GRAMMAR,
            "the file starts with a UTF-8 byte-order mark, which the driver reads as text"),
    SYNTAX_NO_EQUALS("syntax.no-equals", ERROR, DRIVER_GRAMMAR,
            "a line that is not blank, a comment or a section header has no '='"),
    SYNTAX_INDENTED_SECTION("syntax.indented-section", ERROR, DRIVER_GRAMMAR,
            "a section header that does not start in column 1: driver 4.8 reads it as a key line (an error when the"
                    + " file is read as 4.8), 4.24 and 4.28 trim the line and read a header (a portability warning)",
            "adf_ctl (its own output): utilities/adf_ctl/src/ini_config.cpp config::read_ini (4.24/4.28 call"
                    + " utils::trim_left before looking at the first character; 4.8 does not)"),
    SYNTAX_BAD_SECTION("syntax.bad-section", ERROR, DRIVER_GRAMMAR,
            "a section header without ']' or with an empty name"),
    SYNTAX_BEFORE_SECTION("syntax.before-section", ERROR, DRIVER_GRAMMAR,
            "a key line before the first section header"),
    SYNTAX_TOO_LONG("syntax.too-long", ERROR, DRIVER_GRAMMAR,
            "a section name, key or value of 128 characters or more"),
    SYNTAX_TAB("syntax.tab", WARNING, DRIVER_GRAMMAR,
            "a tab character (driver 4.8 keeps tabs inside keys and values; 4.24 and 4.28 delete them)",
            "adf_ctl: utilities/adf_ctl/src/utils.cpp remove_whitespaces (erases tabs in 4.24/4.28, not in 4.8),"
                    + " called by sanitize_string from ini_config.cpp config::read_ini"),
    SYNTAX_INLINE_COMMENT("syntax.inline-comment", WARNING, DRIVER_GRAMMAR,
            "a '#' after a value: the driver cuts the value there"),
    SYNTAX_SPACES_IN_VALUE("syntax.spaces-in-value", WARNING, DRIVER_GRAMMAR,
            "a value with inner spaces, which the driver deletes"),
    SYNTAX_SPACES_IN_KEY("syntax.spaces-in-key", WARNING, DRIVER_GRAMMAR,
            "a key with inner spaces, which the driver deletes"),
    SYNTAX_EMPTY("syntax.empty", ERROR, DRIVER_GRAMMAR,
            "an empty key or an empty value"),
    KEY_DUPLICATE("key.duplicate", ERROR, DRIVER_GRAMMAR,
            "a key repeated in one section: the driver keeps the first"),
    SECTION_DUPLICATE("section.duplicate", WARNING, DRIVER_GRAMMAR,
            "a section header repeated: the driver merges them"),
    GENERAL_MISSING("general.missing", ERROR, DRIVER_SOURCE,
            "no [GENERAL] section"),
    GENERAL_CONFIG_VERSION("general.config-version", ERROR, DRIVER_SOURCE,
            "ConfigVersion missing or not read as 2 (adf_ctl reads the number from its first digit)",
            "adf_ctl (its own output): utilities/adf_ctl/src/dev_config.cpp dev_config::validate_config,"
                    + " reading the value with utils.h utils::to_number (the decimal number at the first digit)"),
    GENERAL_SERVICES("general.services", ERROR, DRIVER_SOURCE,
            "ServicesEnabled missing or not allowed (for a PF's ServicesProfile; VFs ignore the profile),"
                    + " or a profile without firmware for the device",
            "kernel (kernel log): qat_common/adf_cfg_device.c adf_cfg_get_services_enabled and"
                    + " adf_cfg_get_caps_enabled (the profile's table; only a PF reads ServicesProfile),"
                    + " qat_c62x/adf_c62x_hw_data.c get_fw_name and its twins per device (DEFAULT_C4XXX off c4xxx:"
                    + " 'Unsupported ServicesProfile.'), qat_c4xxx/adf_c4xxx_accel_units.c get_fw_image_type_c4xxx"
                    + " (c4xxx always uses DEFAULT_C4XXX); driver 4.8 has no ServicesProfile"),
    GENERAL_UNKNOWN_PROFILE("general.unknown-profile", WARNING, DRIVER_SOURCE,
            "a PF's ServicesProfile the driver does not know: it logs a warning and uses DEFAULT",
            "kernel (kernel log): qat_common/adf_cfg_device.h adf_cfg_fw_string_to_id, called from"
                    + " adf_cfg_device.c adf_cfg_get_fw_image_type ('Invalid ServicesProfile: ..., Using DEFAULT image')"),
    GENERAL_REQUEST_SIZE("general.request-size", ERROR, INTEL_GUIDE,
            "a *NumConcurrent*Requests value that is not a power of two in 64..65536"),
    GENERAL_BUFFER_SIZE("general.buffer-size", WARNING, INTEL_GUIDE,
            "DcIntermediateBufferSizeInKB not 32 or 64"),
    GENERAL_DEPRECATED("general.deprecated", WARNING, INTEL_GUIDE,
            "a key the driver ignores as deprecated"),
    VALUE_NOT_NUMBER("value.not-number", ERROR, DRIVER_SOURCE,
            "a key that takes a number has a value the driver does not read as one (a warning where the driver"
                    + " never reads it)",
            "kernel: qat_common/adf_cfg_section.c adf_cfg_set_value (kstrtoul base 10, then 16) for counts and"
                    + " IsPolled, adf_cfg_set_core_number_for_instance for CoreAffinity lists and ranges;"
                    + " 4.8 qat_common/adf_cfg_device.c adf_cfg_update_pf_accel_cap_mask (kstrtoul base 0)"),
    INSTANCE_MISSING_KEY("instance.missing-key", ERROR, DRIVER_SOURCE,
            "Name, IsPolled or CoreAffinity missing for an instance below the count"),
    INSTANCE_ORPHAN_KEY("instance.orphan-key", WARNING, DRIVER_SOURCE,
            "instance keys with an index at or above the section's count"),
    INSTANCE_POLLED("instance.polled", ERROR, INTEL_GUIDE,
            "IsPolled not allowed for the section kind (kernel 0/1, user 1/2): an error where the driver refuses it"
                    + " (a user instance it places; 2 in [KERNEL_QAT], refused at start), else a warning",
            "kernel: qat_common/adf_cfg_bundle.c adf_cfg_get_ring_pairs_from_bundle (user instances);"
                    + " lookaside/access_layer/src/common/ctrl/sal_crypto.c SalCtr_InstInit and its twin in"
                    + " sal_compression.c (epoll refused for kernel instances when the device starts)"),
    INSTANCE_MISSING_COUNT("instance.missing-count", ERROR, DRIVER_SOURCE,
            "NumberCyInstances or NumberDcInstances missing in a kernel section, or a user section with processes,"
                    + " whose service the device's ring map holds",
            "kernel (kernel log 'Failed to config device'): qat_common/adf_cfg_section.c"
                    + " adf_cfg_process_kernel_section, adf_cfg_create_rings_entries_for_cy_inst and _dc_inst"
                    + " (adf_cfg_set_value fails on the missing count), adf_cfg_process_user_section (the same reading"
                    + " per process), adf_cfg_device.c adf_config_device"),
    INSTANCE_SERVICE_DISABLED("instance.service-disabled", ERROR, DRIVER_SOURCE,
            "Dc instances without dc enabled, or Cy instances without cy/sym/asym"),
    ZFS_POLLED("zfs.polled", ERROR, OPENZFS,
            "a [KERNEL_QAT] instance with IsPolled other than 0: ZFS never polls, a request on it blocks forever",
            "module/os/linux/zfs/qat_compress.c qat_compress_impl, qat_crypt.c qat_crypt and qat_checksum:"
                    + " wait_for_completion without a timeout since ZFS 0.8.2 (0.8.1 timed out)"),
    ZFS_ASYM_ONLY("zfs.asym-only", WARNING, OPENZFS,
            "[KERNEL_QAT] Cy instances where only asym is enabled: ZFS takes them and its sessions on them fail",
            "module/os/linux/zfs/qat_crypt.c qat_cy_init (cpaCyGetNumInstances, cpaCyGetInstances); the driver's"
                    + " lookaside/access_layer/src/common/ctrl/sal_crypto.c Lac_GetCyNumInstancesByType counts"
                    + " asym-only instances as Cy"),
    CAPACITY_EXCEEDED("capacity.exceeded", ERROR, DRIVER_SOURCE,
            "the driver's ring allocator cannot place every instance: no position of its kind left, a VF's one bank"
                    + " bound to another core or opened with another IsPolled",
            "kernel (kernel log 'Don't have enough rings for instance ... in process ...'): qat_common/adf_cfg_device.c"
                    + " adf_cfg_get_ring_pairs (the bank scan and its CPU-mask test), adf_cfg_bundle.c adf_cfg_can_be_shared"
                    + " (polling mode, interrupt mode) and adf_cfg_get_ring_pairs_from_bundle, adf_cfg_init_and_insert_inst"
                    + " (positions per bank from the ring map; a VF's map is its PF's, adf_pf2vf_ring_to_svc_map.c);"
                    + " replayed by model.driver.Allocator (docs/driver/allocator.md)"),
    VF_MIXED_SECTIONS("vf.mixed-sections", ERROR, DRIVER_SOURCE,
            "a VF whose one bank would have to serve sections that never share a bank: kernel and user instances,"
                    + " or two sections in interrupt mode",
            "kernel (kernel log 'Don't have enough rings for instance ... in process ...'): qat_common/adf_cfg_bundle.c"
                    + " adf_cfg_can_be_shared (an interrupt-mode bank only for its first process) and"
                    + " adf_cfg_device.c adf_cfg_get_ring_pairs (kernel and user bank types; user banks above the"
                    + " last kernel bank); replayed by model.driver.Allocator (docs/driver/allocator.md)"),
    DRIVER_REFUSED("driver.refused", ERROR, DRIVER_SOURCE,
            "the driver's configuration step refuses the device for a reason no other rule reports; the finding carries"
                    + " the allocator model's own explanation",
            "kernel (kernel log 'Failed to config device'): qat_common/adf_cfg_device.c adf_config_device and"
                    + " adf_cfg_device_init, adf_cfg_section.c adf_cfg_process_kernel_section / adf_cfg_process_user_section"
                    + " and the create_rings_entries functions; adf_ctl (its own output) for the files it refuses;"
                    + " replayed by model.driver.Allocator (docs/driver/allocator.md section 9)"),
    AFFINITY_RANGE("affinity.range", ERROR, DRIVER_SOURCE,
            "a CoreAffinity at or above the core count: the driver accepts it, but the interrupt hint points at no core",
            "kernel, silent: qat_common/adf_cfg_section.c adf_cfg_set_core_number_for_instance (no range check),"
                    + " adf_cfg_setup_irq (the bank's mask as IRQ hint, which Linux cannot apply to no online CPU),"
                    + " adf_isr.c adf_request_irqs (the round-robin hint that stays), adf_vf_isr.c (VFs ignore it)"),
    AFFINITY_REMOTE_NODE("affinity.remote-node", WARNING, INTEL_GUIDE,
            "an instance's CoreAffinity is a core of another NUMA node than its device's"),
    VF_SERVICES_SUBSET("vf.services-subset", ERROR, DRIVER_SOURCE,
            "a VF's ServicesEnabled needs a service its PF's driver does not grant its VFs",
            "kernel (kernel log 'Unsupported device configuration'): qat_common/adf_cfg_device.c"
                    + " adf_cfg_check_enabled_services against the capabilities the PF kept"
                    + " (adf_cfg_update_pf_accel_cap_mask) and sent (adf_pf2vf_capabilities.c"
                    + " adf_pf_capabilities_msg_provider); replayed by model.driver.Allocator#offer"),
    PF_INSTANCES_WITH_VFS("pf.instances-with-vfs", WARNING, RuleSource.INTEL_SAMPLES,
            "a PF whose VFs are in the device set declares instances of its own"),
    ZFS_INSTANCE_CAP("zfs.instance-cap", WARNING, OPENZFS,
            "more than 48 [KERNEL_QAT] instances of one kind in the device set: ZFS leaves the rest idle"),
    HOST_SRIOV("host.sriov", ERROR, DRIVER_SOURCE,
            "VFs with instances, but /etc/default/qat does not set SRIOV_ENABLE=1: qat_service creates no VF"),
    HOST_KAPI("host.kapi", ERROR, DRIVER_SOURCE,
            "[KERNEL_QAT] instances, but /etc/default/qat does not set ENABLE_KAPI=1: no kernel QAT API for ZFS"),
    HOST_VF_BLACKLISTED("host.vf-blacklisted", ERROR, DRIVER_SOURCE,
            "VFs with instances, but modprobe.d blacklists their driver: the VFs never get one"),
    LAYOUT_VF_WITHOUT_CONF("layout.vf-without-conf", WARNING, DRIVER_SOURCE,
            "a VF that SR-IOV creates has no conf file: the driver cannot start it"),
    LAYOUT_CANNOT_WRITE("layout.cannot-write", ERROR, RuleSource.WORKBENCH,
            "a file the layout changes could not be read, has no template, or would get a value the driver misreads"),
    LINT_TOO_MANY_FINDINGS("lint.too-many-findings", ERROR, RuleSource.WORKBENCH,
            "more than 1000 findings in one file: the rest are counted, not listed"),
    LAYOUT_HOST_FILE_LINE("layout.host-file-line", ERROR, RuleSource.WORKBENCH,
            "a line the layout would add to /etc/default/qat or the VF blacklist is not a flag assignment or "
                    + "'blacklist <VF driver module>' (modprobe and qat_service run those files' lines as root)");

    private final String id;
    private final Severity severity;
    private final RuleSource source;
    private final String summary;
    private final String where;

    Rule(String id, Severity severity, RuleSource source, String summary) {
        this(id, severity, source, summary, "");
    }

    /** {@code where}: the file and function that decide, and where their message goes, for rules checked there. */
    Rule(String id, Severity severity, RuleSource source, String summary, String where) {
        this.id = id;
        this.severity = severity;
        this.source = source;
        this.summary = summary;
        this.where = where;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public RuleSource source() {
        return source;
    }

    public String summary() {
        return summary;
    }

    /** The file and function in the source that decide, or empty where only the source kind is known. */
    public String where() {
        return where;
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
