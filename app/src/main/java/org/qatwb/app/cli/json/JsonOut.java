package org.qatwb.app.cli.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/**
 * Writes the CLI's JSON. Documents are built explicitly as trees so that the field names, which
 * CLI.md fixes as a public interface, never follow a Java rename.
 */
public final class JsonOut {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private JsonOut() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** One indented document. */
    public static void print(PrintWriter out, ObjectNode doc) {
        out.println(write(doc));
        out.flush();
    }


    /** One document on one line: for streams, and for lines other programs read as they come. */
    public static void printLine(PrintWriter out, ObjectNode doc) {
        try {
            out.println(COMPACT.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
        out.flush();
    }

    /** One indented document as text. */
    public static String write(ObjectNode doc) {
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
    }
}
