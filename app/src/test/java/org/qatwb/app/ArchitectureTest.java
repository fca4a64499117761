package org.qatwb.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN.md: {@code model} is pure (no JavaFX, no SSH), {@code ssh-agent}
 * has no JavaFX, and dependencies point one way ({@code app -> ssh-agent -> model},
 * {@code nas-sim -> model}).
 */
class ArchitectureTest {

    private static final String MODEL = "org.qatwb.model..";
    private static final String SSH = "org.qatwb.ssh..";
    private static final String SIM = "org.qatwb.sim..";
    private static final String APP = "org.qatwb.app..";
    private static final String USECASE = "org.qatwb.app.usecase..";
    private static final String[] JAVAFX = {"javafx..", "org.controlsfx..", "atlantafx..", "org.testfx.."};
    private static final String[] SSH_LIBS = {"com.jcraft..", "org.apache.sshd..", "net.i2p.crypto.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // ssh-agent's test harness comes as a test-jar, which DO_NOT_INCLUDE_TESTS does not recognise
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.qatwb");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void modelHasNoJavaFx() {
        check(noClasses().that().resideInAPackage(MODEL).should().dependOnClassesThat().resideInAnyPackage(JAVAFX));
    }

    @Test
    void modelHasNoSsh() {
        check(noClasses().that().resideInAPackage(MODEL).should().dependOnClassesThat().resideInAnyPackage(SSH_LIBS));
    }

    @Test
    void modelDependsOnNoOtherModule() {
        check(noClasses().that().resideInAPackage(MODEL).should().dependOnClassesThat()
                .resideInAnyPackage(SSH, SIM, APP));
    }

    /**
     * The allocator model is written from the driver's procedure (docs/driver/allocator.md), so that
     * it can disagree with the product's own rules and layouts: it never asks them.
     */
    @Test
    void theDriverModelDoesNotAskTheLinterOrTheLayout() {
        check(noClasses().that().resideInAPackage("org.qatwb.model.driver..").should().dependOnClassesThat()
                .resideInAnyPackage("org.qatwb.model.lint..", "org.qatwb.model.layout..", "org.qatwb.model.doctor.."));
    }

    @Test
    void sshAgentHasNoJavaFxAndDoesNotKnowTheApp() {
        check(noClasses().that().resideInAPackage(SSH).should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
                .allowEmptyShould(true));
        check(noClasses().that().resideInAPackage(SSH).should().dependOnClassesThat().resideInAnyPackage(APP, SIM)
                .allowEmptyShould(true));
    }

    @Test
    void simulatorDependsOnlyOnTheModel() {
        check(noClasses().that().resideInAPackage(SIM).should().dependOnClassesThat().resideInAnyPackage(APP, SSH)
                .allowEmptyShould(true));
        check(noClasses().that().resideInAPackage(SIM).should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
                .allowEmptyShould(true));
    }

    /**
     * The use cases sit below both front ends (issue 14): the CLI and the window call them, they
     * call neither, and they run without a toolkit.
     */
    @Test
    void useCasesKnowNoFrontEndAndNoJavaFx() {
        check(noClasses().that().resideInAPackage(USECASE).should().dependOnClassesThat().resideInAnyPackage(JAVAFX));
        check(noClasses().that().resideInAPackage(USECASE).should().dependOnClassesThat()
                .resideInAnyPackage("org.qatwb.app.gui..", "org.qatwb.app.viewmodel..", "org.qatwb.app.cli.."));
    }

    /** The exporter runs headless on a server: no toolkit, and nothing of the window's. */
    @Test
    void theExporterKnowsNoWindowAndNoJavaFx() {
        check(noClasses().that().resideInAPackage("org.qatwb.app.exporter..").should().dependOnClassesThat()
                .resideInAnyPackage(JAVAFX));
        check(noClasses().that().resideInAPackage("org.qatwb.app.exporter..").should().dependOnClassesThat()
                .resideInAnyPackage("org.qatwb.app.gui..", "org.qatwb.app.viewmodel..", "org.qatwb.app.cli.."));
    }

    @Test
    void theRulesSeeTheModel() {
        // guards against a rule passing vacuously because nothing was imported
        org.junit.jupiter.api.Assertions.assertTrue(
                classes.stream().anyMatch(c -> c.getPackageName().startsWith("org.qatwb.model")));
        org.junit.jupiter.api.Assertions.assertTrue(
                classes.stream().anyMatch(c -> c.getPackageName().startsWith("org.qatwb.app")));
        org.junit.jupiter.api.Assertions.assertTrue(
                classes.stream().anyMatch(c -> c.getPackageName().equals("org.qatwb.app.usecase")));
        // the apply the CLI and the window share is a use case too: the rule above covers it
        org.junit.jupiter.api.Assertions.assertTrue(
                classes.stream().anyMatch(c -> c.getName().equals("org.qatwb.app.usecase.apply.ApplyUseCase")));
    }
}
