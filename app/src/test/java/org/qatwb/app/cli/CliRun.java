package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** One in-process run of the CLI: exit code, stdout, stderr. */
record CliRun(int exit, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static CliRun of(String... args) {
        return withStdin("", args);
    }

    static CliRun withStdin(String stdin, String... args) {
        return watching(new StringWriter(), stdin, args);
    }

    /** A run whose stderr the test may read while it runs ({@code err} grows as the command writes). */
    static synchronized CliRun watching(StringWriter err, String stdin, String... args) {
        StringWriter out = new StringWriter();
        // the same sink, and the same choice of subcommands, as a real run: what the tests see is
        // what a terminal would get
        CommandLine cl = QatwbCommand.commandLine(out, err, args);
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return new CliRun(cl.execute(args), out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (Exception e) {
            throw new AssertionError("stdout is not JSON: " + out, e);
        }
    }

    /** Bad input gets exactly one line on stderr and no stack trace. */
    boolean oneLineError() {
        String e = err.strip();
        return !e.isEmpty() && !e.contains("\n") && !e.contains("Exception") && !e.contains("\tat ");
    }
}
