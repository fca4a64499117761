package org.qatwb.model.lint;

import static org.qatwb.model.lint.RuleSource.DRIVER_GRAMMAR;
import static org.qatwb.model.lint.RuleSource.DRIVER_SOURCE;
import static org.qatwb.model.lint.RuleSource.FIELD_REPORT;
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
            "a section header that does not start in column 1"),
    SYNTAX_BAD_SECTION("syntax.bad-section", ERROR, DRIVER_GRAMMAR,
            "a section header without ']' or with an empty name"),
    SYNTAX_BEFORE_SECTION("syntax.before-section", ERROR, DRIVER_GRAMMAR,
            "a key line before the first section header"),
    SYNTAX_TOO_LONG("syntax.too-long", ERROR, DRIVER_GRAMMAR,
            "a section name, key or value of 128 characters or more"),
    SYNTAX_TAB("syntax.tab", WARNING, DRIVER_GRAMMAR,
            "a tab character (the driver keeps tabs inside keys and values)"),
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
            "ConfigVersion missing or not 2"),
    GENERAL_SERVICES("general.services", ERROR, DRIVER_SOURCE,
            "ServicesEnabled missing or not allowed (for the ServicesProfile)"),
    GENERAL_REQUEST_SIZE("general.request-size", ERROR, INTEL_GUIDE,
            "a *NumConcurrent*Requests value that is not a power of two in 64..65536"),
    GENERAL_BUFFER_SIZE("general.buffer-size", WARNING, INTEL_GUIDE,
            "DcIntermediateBufferSizeInKB not 32 or 64"),
    GENERAL_DEPRECATED("general.deprecated", WARNING, INTEL_GUIDE,
            "a key the driver ignores as deprecated"),
    VALUE_NOT_NUMBER("value.not-number", ERROR, DRIVER_SOURCE,
            "a key that takes a number has a value the driver does not read as one"),
    INSTANCE_MISSING_KEY("instance.missing-key", ERROR, DRIVER_SOURCE,
            "Name, IsPolled or CoreAffinity missing for an instance below the count"),
    INSTANCE_ORPHAN_KEY("instance.orphan-key", WARNING, DRIVER_SOURCE,
            "instance keys with an index at or above the section's count"),
    INSTANCE_POLLED("instance.polled", ERROR, INTEL_GUIDE,
            "IsPolled not allowed for the section kind (kernel 0/1, user 1/2)"),
    INSTANCE_SERVICE_DISABLED("instance.service-disabled", ERROR, DRIVER_SOURCE,
            "Dc instances without dc enabled, or Cy instances without cy/sym/asym"),
    ZFS_POLLED("zfs.polled", ERROR, OPENZFS,
            "a [KERNEL_QAT] instance with IsPolled other than 0: ZFS never polls"),
    CAPACITY_EXCEEDED("capacity.exceeded", ERROR, FIELD_REPORT,
            "more instances than the device can hold"),
    VF_MIXED_SECTIONS("vf.mixed-sections", ERROR, INTEL_GUIDE,
            "a VF with instances in more than one section"),
    AFFINITY_RANGE("affinity.range", ERROR, DRIVER_SOURCE,
            "a CoreAffinity at or above the core count"),
    AFFINITY_REMOTE_NODE("affinity.remote-node", WARNING, INTEL_GUIDE,
            "an instance's CoreAffinity is a core of another NUMA node than its device's"),
    VF_SERVICES_SUBSET("vf.services-subset", ERROR, INTEL_GUIDE,
            "a VF's ServicesEnabled is not its PF's or a subset of it"),
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

    Rule(String id, Severity severity, RuleSource source, String summary) {
        this.id = id;
        this.severity = severity;
        this.source = source;
        this.summary = summary;
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

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
