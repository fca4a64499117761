package org.qatwb.model.etc;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /etc/default/qat} as Intel's {@code qat_service} sees it after sourcing the file.
 *
 * @param active    the variables the file sets, by name (the last assignment of each wins),
 *                  in the order they first appear
 * @param commented assignments that are commented out ({@code #SRIOV_ENABLE=1}), in file order
 * @param warnings  one-line notes, each starting {@code line N: }
 * @param text      the file as read, so that a change can be made to it and shown as a diff
 */
public record QatDefaults(Map<String, ShellAssignment> active, List<ShellAssignment> commented, List<String> warnings,
                          String text) {

    /** The file's path on a NAS, where Intel's installer writes it and qat_service reads it. */
    public static final String PATH = "/etc/default/qat";

    public QatDefaults {
        Objects.requireNonNull(text, "text");
        active = Collections.unmodifiableMap(new LinkedHashMap<>(active));
        commented = List.copyOf(commented);
        warnings = List.copyOf(warnings);
    }

    /** Whether qat_service enables SR-IOV on the PFs at start ({@code SRIOV_ENABLE}). */
    public boolean sriovEnabled() {
        return enabled("SRIOV_ENABLE");
    }

    /** Whether qat_service loads {@code qat_api}, the kernel API ZFS needs ({@code ENABLE_KAPI}). */
    public boolean kapiEnabled() {
        return enabled("ENABLE_KAPI");
    }

    /** Whether the variable is set to what qat_service's test {@code [ $NAME == 1 ]} accepts. */
    public boolean enabled(String name) {
        ShellAssignment a = active.get(name);
        return a != null && isOne(a.value());
    }

    /**
     * qat_service (QAT1.7.L.4.8.0 in patchguard/qatdriver, QAT.L.4.24.0 in nobidev/vyos-qat,
     * QAT.L.4.28.0 in drew442/QAT.L.4.28.0-00004: quickassist/build_system/build_files/qat_service)
     * is a bash script that does {@code . /etc/default/qat}, then {@code SRIOV_ENABLE=${SRIOV_ENABLE-0}}
     * and {@code ENABLE_KAPI=${ENABLE_KAPI-0}}, and tests {@code if [ $SRIOV_ENABLE == 1 ]} and
     * {@code [ $ENABLE_KAPI == 1 ]}: a string comparison of the unquoted expansion. So only the
     * value 1 enables ("01", "yes", "true" do not); surrounding blanks vanish in word splitting; an
     * empty value or several words make {@code [} fail, which counts as off; a CR from a CRLF file
     * stays in the value and makes it off.
     */
    static boolean isOne(String value) {
        // bash's default IFS: space, tab, newline (not CR)
        List<String> words = Arrays.stream(value.split("[ \t\n]+")).filter(w -> !w.isEmpty()).toList();
        return words.equals(List.of("1"));
    }
}
