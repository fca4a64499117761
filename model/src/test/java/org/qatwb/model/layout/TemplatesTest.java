package org.qatwb.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.lint.ConfLinter;
import org.qatwb.model.lint.LintContext;

/** The project's templates: one per function and role, each a file the driver and ZFS accept as it is. */
class TemplatesTest {

    @ParameterizedTest
    @CsvSource({
        "c6xx_dev0, ZFS, ZFS", "c6xx_dev0, USER, USER", "c6xx_dev0, UNUSED, UNUSED",
        "c6xxvf_dev0, ZFS, ZFS", "c6xxvf_dev0, USER, USER", "c6xxvf_dev0, UNUSED, UNUSED",
        "dh895xcc_dev0, ZFS, ZFS", "dh895xcc_dev0, USER, USER", "dh895xcc_dev0, UNUSED, UNUSED",
        "dh895xccvf_dev0, ZFS, ZFS", "dh895xccvf_dev0, USER, USER", "dh895xccvf_dev0, UNUSED, UNUSED",
    })
    void everyRoleHasATemplateThatLintsCleanAndHasThatRole(String device, Role role, Role expected) {
        DeviceKey key = DeviceKey.parse(device);
        ConfDocument doc = Templates.of(key, role).orElseThrow(() -> new AssertionError("no template for " + key + " " + role));
        assertEquals(List.of(), ConfLinter.lint(doc, new LintContext(Optional.of(key.device()), OptionalInt.of(2))));
        assertEquals(expected, DeviceConfigs.read(doc).role());
        assertTrue(doc.text().startsWith("# QAT Workbench template: " + key.type()), "written in the project's words");
    }

    @ParameterizedTest
    @CsvSource({"c3xxx_dev0", "c3xxxvf_dev0", "4xxx_dev0"})
    void aTypeWithoutTemplatesHasNone(String device) {
        assertEquals(Optional.empty(), Templates.of(DeviceKey.parse(device), Role.ZFS));
    }
}
