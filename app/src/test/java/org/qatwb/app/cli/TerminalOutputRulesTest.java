package org.qatwb.app.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.Console;
import org.junit.jupiter.api.Test;

/**
 * The CLI writes to the terminal only through {@link TerminalSink}: picocli's writers (wrapped by
 * {@code QatwbCommand}), System.out and System.err (replaced in a real run), and the Console's writer
 * (wrapped by {@code TerminalPrompts}). These rules keep the ways around it closed.
 */
class TerminalOutputRulesTest {

    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.qatwb.app.cli");

    @Test
    void onlyTheRealRunTouchesSystemOutAndErr() {
        noClasses().that().doNotHaveFullyQualifiedName(QatwbCommand.class.getName())
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("text on them would reach the terminal without TerminalSink in tests")
                .check(CLI);
    }

    @Test
    void theConsoleIsWrittenOnlyThroughTheSink() {
        noClasses().should().callMethod(Console.class, "printf", String.class, Object[].class)
                .orShould().callMethod(Console.class, "format", String.class, Object[].class)
                .orShould().callMethod(Console.class, "readLine", String.class, Object[].class)
                .orShould().callMethod(Console.class, "readPassword", String.class, Object[].class)
                .because("the Console writes its prompts past TerminalSink; TerminalPrompts prints them through it")
                .check(CLI);
        noClasses().that().doNotHaveFullyQualifiedName(TerminalPrompts.class.getName())
                .should().callMethod(Console.class, "writer")
                .check(CLI);
    }
}
