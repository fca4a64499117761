package org.qatwb.sim;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qatwb.model.conf.InstanceKind;

/**
 * The simulator decides like the driver, from the driver's procedure, so that it can catch the
 * product being wrong (issue 12, section 7): its code never asks the product's linter, layout or
 * allocator model, and its driver never judges a file with the product's conf parser.
 */
class SimArchitectureTest {

    private static JavaClasses sim;

    @BeforeAll
    static void importClasses() {
        sim = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.qatwb.sim");
    }

    @Test
    void theSimulatorNeverAsksTheProductsRules() {
        noClasses().that().resideInAPackage("org.qatwb.sim..").should().dependOnClassesThat()
                .resideInAnyPackage("org.qatwb.model.lint..", "org.qatwb.model.layout..", "org.qatwb.model.driver..")
                .check(sim);
    }

    @Test
    void theSimulatedDriverReadsConfFilesWithItsOwnReader() {
        // InstanceKind only names Cy and Dc for the ZFS side; nothing of the conf parser or document
        noClasses().that().resideInAPackage("org.qatwb.sim.driver..").should().dependOnClassesThat(
                resideInAPackage("org.qatwb.model.conf..").and(not(equivalentTo(InstanceKind.class))))
                .check(sim);
    }
}
