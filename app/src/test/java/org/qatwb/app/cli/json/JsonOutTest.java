package org.qatwb.app.cli.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** JsonOut writes without an ObjectMapper (start time), and its text is the mapper's, byte for byte. */
class JsonOutTest {

    @Test
    void theTextIsTheMappersIndentedAndOnOneLine() throws Exception {
        ObjectNode doc = every();
        String indented = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
        assertEquals(indented, JsonOut.write(doc));

        StringWriter line = new StringWriter();
        JsonOut.printLine(new PrintWriter(line), doc);
        assertEquals(new ObjectMapper().writeValueAsString(doc) + System.lineSeparator(), line.toString());
    }

    /** Every kind of node the CLI's documents hold, with text that must be escaped. */
    private static ObjectNode every() {
        ObjectNode doc = JsonOut.object();
        doc.put("text", "quote \" backslash \\ tab \t newline \n control \u0001 escape \u001b non-ASCII \u00e9\u4e2d");
        doc.put("int", -42);
        doc.put("long", 1L << 40);
        doc.put("double", 0.1);
        doc.put("decimal", new BigDecimal("12.50"));
        doc.put("big", new BigInteger("123456789012345678901234567890"));
        doc.put("true", true);
        doc.putNull("null");
        doc.putObject("empty object");
        doc.putArray("empty array");
        ArrayNode nested = doc.putArray("nested");
        nested.add(1).add("two").addNull().addObject().put("three", 3.0f);
        nested.addArray().add(false);
        return doc;
    }
}
