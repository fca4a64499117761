package org.qatwb.app.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import org.qatwb.model.parse.Snippet;

/**
 * Jackson for JSON files that come from outside (a layout someone sent, a settings file): limits
 * that fit such a file, checked while it is read and before any tree or object is built, and
 * every failure as one line with where it happened. Jackson's own limits (20 MB strings, 1000
 * levels) are for services; past them its exceptions carry no location at all.
 */
public final class BoundedJson {

    private static final int MAX_MESSAGE = 200;

    private BoundedJson() {
    }

    /**
     * A factory that refuses a document over {@code maxBytes}, nested deeper than {@code maxDepth},
     * with a string over {@code maxString} characters, a name over 256 or a number over 20 digits,
     * or with a key given twice in one object.
     */
    public static JsonFactory factory(int maxBytes, int maxDepth, int maxString) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxBytes)
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(maxString)
                        .maxNameLength(256)
                        .maxNumberLength(20)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * {@code line L, column C: what} for a failure while {@code parser} read; the location is the
     * parser's own where the exception has none (Jackson's limits give none).
     */
    public static String problem(JsonProcessingException e, JsonParser parser) {
        JsonLocation at = location(e, parser);
        return "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + message(e.getOriginalMessage());
    }

    /** Where a failure happened: the exception's location, else where the parser stopped. */
    public static JsonLocation location(JsonProcessingException e, JsonParser parser) {
        return e.getLocation() != null ? e.getLocation() : parser.currentLocation();
    }

    /** The first line of a Jackson message, without the Java method behind a limit, safe for a terminal. */
    public static String message(String jackson) {
        String m = Snippet.oneLine(String.valueOf(jackson).lines().findFirst().orElse("")
                .replaceAll(", from `[^`]*`", ""));
        return m.codePointCount(0, m.length()) > MAX_MESSAGE ? m.substring(0, m.offsetByCodePoints(0, MAX_MESSAGE)) + "..." : m;
    }
}
