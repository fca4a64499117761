package org.qatwb.sim.driver;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.Rule;
import org.qatwb.model.lint.RuleSource;
import org.qatwb.model.lint.Severity;

/**
 * Whether the driver configures a device from its conf file, and what it says when it does not:
 * the model's lint findings read as the driver reads the file.
 *
 * <p>An error finding refuses the device, except where the driver itself carries on (DOMAIN.md
 * section 4): a line without {@code =} is stored as a key, an indented header is such a line, an
 * empty key or value is a warning, the first of duplicate keys wins. OpenZFS's rules are not the
 * driver's either: a polled {@code [KERNEL_QAT]} instance starts fine and only ZFS suffers from it.
 *
 * @param refused  the device stays down
 * @param messages the driver's lines, in order, each for stderr and the kernel log
 */
public record DriverVerdict(boolean refused, List<String> messages) {

    /** Error rules the driver does not act on. */
    static final Set<Rule> DRIVER_CARRIES_ON = EnumSet.of(
            Rule.SYNTAX_NO_EQUALS, Rule.SYNTAX_INDENTED_SECTION, Rule.SYNTAX_EMPTY, Rule.KEY_DUPLICATE);

    public DriverVerdict {
        messages = List.copyOf(messages);
    }

    static boolean refuses(Finding f) {
        return f.severity() == Severity.ERROR && f.rule().source() != RuleSource.OPENZFS
                && !DRIVER_CARRIES_ON.contains(f.rule());
    }

    /** The verdict on one device's file; {@code doc} is the file's content, for instance names. */
    public static DriverVerdict of(FileReport report, ConfDocument doc) {
        List<String> messages = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (refuses(f)) {
                messages.add(message(f, doc));
            }
        }
        return new DriverVerdict(!messages.isEmpty(), messages.stream().distinct().toList());
    }

    /** The driver's words for a refusing finding; the kernel's ring allocator for capacity. */
    static String message(Finding f, ConfDocument doc) {
        return switch (f.rule()) {
            case CAPACITY_EXCEEDED, VF_MIXED_SECTIONS -> "Don't have enough rings for instance "
                    + instanceName(f, doc) + " in process " + f.section();
            case GENERAL_MISSING, GENERAL_CONFIG_VERSION -> "QAT Error: Only version 2 config file supported";
            case GENERAL_SERVICES -> "QAT Error: Invalid ServicesEnabled "
                    + doc.value("GENERAL", "ServicesEnabled").orElse("(missing)") + " for ServicesProfile "
                    + doc.value("GENERAL", "ServicesProfile").orElse("DEFAULT");
            case INSTANCE_POLLED -> "QAT Error: User instance " + (f.key() == null ? "" : f.key() + " ")
                    + "in section " + f.section() + " needs to be configured with IsPolled 1 or 2";
            case SYNTAX_BEFORE_SECTION, SYNTAX_BOM -> "QAT Error: Key found outside of a section on line " + f.line();
            default -> "QAT Error: Invalid configuration" + (f.key() == null ? "" : " of " + f.key())
                    + (f.section() == null ? "" : " in section " + f.section()) + " (line " + f.line() + ")";
        };
    }

    /**
     * The instance the ring allocator fails on: the last one of the section, named as its
     * {@code Name} key says ({@code Cy1} when it has none).
     */
    private static String instanceName(Finding f, ConfDocument doc) {
        if (f.section() == null) {
            return "?";
        }
        String prefix = f.key() != null && f.key().contains("Dc") ? "Dc" : "Cy";
        String countKey = "Dc".equals(prefix) ? "NumberDcInstances" : "NumberCyInstances";
        int n = doc.value(f.section(), countKey).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                return 1;
            }
        }).orElse(1);
        int last = Math.max(0, n - 1);
        return doc.value(f.section(), prefix + last + "Name").orElse(prefix + last);
    }
}
