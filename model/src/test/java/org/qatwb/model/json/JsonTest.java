package org.qatwb.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.qatwb.model.parse.ParseException;

class JsonTest {

    @Test
    void readsWhatMidcltPrints() throws ParseException {
        Object v = Json.parse(" [{\"id\": 3, \"command\": \"a \\\"b\\\" \\u00e9\\n\", \"script\": null, \"enabled\": true,"
                + " \"ratio\": -2.5e1, \"big\": 18446744073709551616}]\n");
        Map<?, ?> m = (Map<?, ?>) ((List<?>) v).get(0);
        assertEquals(3L, m.get("id"));
        assertEquals("a \"b\" \u00e9\n", m.get("command"));
        assertTrue(m.containsKey("script") && m.get("script") == null);
        assertEquals(Boolean.TRUE, m.get("enabled"));
        assertEquals(-25.0, m.get("ratio"));
        assertEquals(1.8446744073709552E19, m.get("big"));
    }

    @Test
    void writesAsPythonsJsonDumps() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", 1L);
        m.put("s", "caf\u00e9 \"q\"\t");
        m.put("l", Arrays.asList(true, null, 2));
        assertEquals("{\"id\": 1, \"s\": \"caf\\u00e9 \\\"q\\\"\\t\", \"l\": [true, null, 2]}", Json.write(m));
    }

    @Test
    void roundTrips() throws ParseException {
        String text = "{\"a\": [1, {\"b\": \"\\\\x\"}, [], {}], \"c\": false}";
        assertEquals(text, Json.write(Json.parse(text)));
    }

    @Test
    void badInputIsAParseExceptionWithTheOffset() {
        for (String bad : List.of("", "[", "[1,]", "{\"a\" 1}", "\"open", "tru", "01x", "[1] 2", "{\"a\":\u0001}", "-",
                "\"\\x\"", "\"\\u12\"", "[" .repeat(100) + "]".repeat(100))) {
            ParseException e = assertThrows(ParseException.class, () -> Json.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("JSON at offset "), e.getMessage());
        }
    }

    @Property(tries = 500)
    void anyTextIsAValueOrAParseException(@ForAll String text) {
        try {
            Json.parse(text);
        } catch (ParseException e) {
            // the one way bad input may fail
        }
    }

    @Test
    void moreValuesThanAnAnswerHoldsAreRefused() throws ParseException {
        // three bytes a value, one client object each: 4 MiB would be a million maps
        assertEquals(Json.MAX_VALUES - 1, ((List<?>) Json.parse("[" + "{},".repeat(Json.MAX_VALUES - 2) + "{}]")).size());
        ParseException e = assertThrows(ParseException.class,
                () -> Json.parse("[" + "{},".repeat(Json.MAX_VALUES) + "{}]"));
        assertTrue(e.getMessage().contains("more than " + Json.MAX_VALUES + " values"), e.getMessage());
    }
}
