package org.qatwb.model.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Model's packages form no cycle, so that each can be read, tested and moved with only what is
 * below it ({@code slices().matching("org.qatwb.model.(**)").should().beFreeOfCycles()}).
 *
 * <p>Each package is a slice of its own, a sub-package too: {@code irq.plan} and {@code zia.plan}
 * hold what decides over a whole {@code NasSnapshot} (the pin plans, the Z.I.A. use case), above
 * {@code snapshot}, which reads the facts of {@code irq} and {@code zia} below it. Taken together
 * with its parent, such a sub-package would make a cycle that is none.
 */
class ModelPackagesTest {

    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.qatwb.model");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.qatwb.model.(**)").should().beFreeOfCycles().check(MODEL);
    }

    @Test
    void theRuleSeesTheModel() {
        // guards against passing vacuously: the packages whose cycles were broken are there
        for (String p : new String[] {"snapshot", "persist", "apply", "conf", "driver", "irq", "irq.plan", "zia", "zia.plan",
                "text", "zfs", "cpu"}) {
            Assertions.assertTrue(MODEL.stream().anyMatch(c -> c.getPackageName().equals("org.qatwb.model." + p)), p);
        }
    }
}
