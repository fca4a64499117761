package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The subcommands a run builds: only the one it names, all of them when anything may list them. */
class QatwbCommandTest {

    @Test
    void eachNameIsTheOneItsCommandDeclares() {
        for (Map.Entry<String, Class<?>> e : QatwbCommand.SUBCOMMANDS.entrySet()) {
            assertEquals(e.getKey(), new CommandLine(e.getValue()).getCommandName(), e.getValue().getName());
        }
    }

    @Test
    void aRunOfASubcommandBuildsOnlyThatOne() {
        assertEquals(List.of("lint"), names("lint", "pf.conf"));
        assertEquals(List.of("lint"), names("--verbose", "lint", "pf.conf"));
        assertEquals(List.of("irq"), names("irq", "list", "--help"));
        // an argument of the subcommand that looks like another subcommand's name changes nothing
        assertEquals(List.of("lint"), names("lint", "rules"));
    }

    @Test
    void theHelpNoSubcommandAndAnUnknownOneSeeThemAll() {
        List<String> all = List.copyOf(QatwbCommand.SUBCOMMANDS.keySet());
        assertEquals(all, names());
        assertEquals(all, names("--help"));
        assertEquals(all, names("-hV"));
        assertEquals(all, names("--help", "lint"), "qatwb --help lint prints qatwb's usage");
        assertEquals(all, names("--verbose"));
        assertEquals(all, names("help"));
        assertEquals(all, names("lnt"), "picocli suggests the names it knows");
        assertEquals(all, names("--", "lint"));
        assertEquals(all, names("--unknown", "lint"));
        assertEquals(all, names("@args.txt"));
    }

    @Test
    void theVersionAloneNeedsNone() {
        assertEquals(List.of(), names("--version"));
        assertEquals(List.of(), names("--verbose", "-V"));
    }

    @Test
    void theUsageListsEverySubcommandInTheirOrder() {
        StringWriter out = new StringWriter();
        CommandLine cl = QatwbCommand.commandLine(out, new StringWriter(), "--help");
        assertEquals(0, cl.execute("--help"));
        String usage = out.toString();
        int at = 0;
        for (String name : QatwbCommand.SUBCOMMANDS.keySet()) {
            int i = usage.indexOf("\n  " + name + " ", at);
            assertEquals(true, i > at, name + " after the previous one in: " + usage);
            at = i;
        }
    }

    private static List<String> names(String... args) {
        return List.copyOf(QatwbCommand.commandLine(new StringWriter(), new StringWriter(), args).getSubcommands().keySet());
    }
}
