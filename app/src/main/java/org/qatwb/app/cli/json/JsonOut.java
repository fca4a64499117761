package org.qatwb.app.cli.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes the CLI's JSON. Documents are built explicitly as trees so that the field names, which
 * CLI.md fixes as a public interface, never follow a Java rename.
 *
 * <p>The trees are written by a plain generator, not an {@code ObjectMapper}: making a mapper
 * costs a command about 30-50 ms at start (its configuration, date formats and locale data), which
 * is a seventh of an offline command's run (docs/benchmarks.md, "Cost at rest"); a tree of
 * objects, arrays and values needs none of it. The text is the same as the mapper's (its default
 * pretty printer, its escaping).
 */
public final class JsonOut {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonOut() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** One indented document. */
    public static void print(PrintWriter out, ObjectNode doc) {
        out.println(write(doc));
        out.flush();
    }

    /** One document on one line: for streams, and for lines other programs read as they come. */
    public static void printLine(PrintWriter out, ObjectNode doc) {
        out.println(write(doc, false));
        out.flush();
    }

    /** One indented document as text. */
    public static String write(ObjectNode doc) {
        return write(doc, true);
    }

    private static String write(JsonNode doc, boolean indent) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            if (indent) {
                g.useDefaultPrettyPrinter();
            }
            tree(g, doc);
        } catch (IOException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
        return text.toString();
    }

    private static void tree(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    g.writeFieldName(field.getKey());
                    tree(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : node) {
                    tree(g, item);
                }
                g.writeEndArray();
            }
            case NULL, MISSING -> g.writeNull();
            // a text, number or boolean node writes itself without a mapper's serializers
            case STRING, NUMBER, BOOLEAN -> ((JsonSerializable) node).serialize(g, null);
            default -> throw new IllegalStateException("the CLI writes no " + node.getNodeType() + " node");
        }
    }
}
