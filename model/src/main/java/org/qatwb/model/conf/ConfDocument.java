package org.qatwb.model.conf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qatwb.model.device.DriverRelease;

/**
 * A QAT conf file read with the driver's own grammar, keeping every byte.
 *
 * <p>Every line is kept with its number and terminator, so an unedited document writes back
 * byte for byte (CRLF, tabs, trailing spaces and a UTF-8 byte-order mark included). The document
 * is immutable; {@link ConfEditor} makes edited copies.
 */
public final class ConfDocument {

    /** The UTF-8 byte-order mark as ISO-8859-1 chars. */
    static final String BOM = "\u00EF\u00BB\u00BF";

    private final boolean bom;
    private final DriverRelease release;
    private final List<ConfLine> lines;
    private final Map<String, ConfSection> sections;

    private ConfDocument(boolean bom, DriverRelease release, List<ConfLine> lines) {
        this.bom = bom;
        this.release = release;
        this.lines = List.copyOf(lines);
        this.sections = groupSections(this.lines);
    }

    /**
     * Reads a file's bytes as the newest release's adf_ctl does ({@link DriverRelease#NEWEST}).
     * Never fails: the driver's grammar gives every input a meaning.
     */
    public static ConfDocument parse(byte[] bytes) {
        return parse(bytes, DriverRelease.NEWEST);
    }

    /** Reads a file's bytes as the given release's adf_ctl does (see {@link ConfGrammar}). */
    public static ConfDocument parse(byte[] bytes, DriverRelease release) {
        return parse(new String(bytes, StandardCharsets.ISO_8859_1), release);
    }

    /**
     * Reads text in which each char is one byte (ISO-8859-1); use {@link #parse(byte[])} for files.
     * A leading UTF-8 byte-order mark is kept for writing but not read as part of line 1, so the
     * rest of the file can still be checked; the lint rules report it, since the driver sees it.
     */
    public static ConfDocument parse(String text) {
        return parse(text, DriverRelease.NEWEST);
    }

    /** {@link #parse(String)} as the given release reads it. */
    public static ConfDocument parse(String text, DriverRelease release) {
        boolean bom = text.startsWith(BOM);
        return fromRawLines(bom, RawLine.split(bom ? text.substring(BOM.length()) : text), release);
    }

    static ConfDocument fromRawLines(boolean bom, List<RawLine> raws, DriverRelease release) {
        List<ConfLine> lines = new ArrayList<>(raws.size());
        String section = null;
        int n = 1;
        for (RawLine r : raws) {
            RawLine raw = r.withNumber(n++);
            ConfLine line = classify(raw, section, release);
            if (line instanceof ConfLine.SectionHeader h && h.name() != null) {
                section = h.name();
            }
            lines.add(line);
        }
        return new ConfDocument(bom, release, lines);
    }

    private static ConfLine classify(RawLine raw, String section, DriverRelease release) {
        String t = ConfGrammar.classified(raw.text(), release);
        if (ConfGrammar.isSkipped(t)) {
            return t.startsWith("#") ? new ConfLine.Comment(raw) : new ConfLine.Blank(raw);
        }
        if (t.charAt(0) == '[') {
            return new ConfLine.SectionHeader(raw, ConfGrammar.sectionName(t, release));
        }
        return new ConfLine.Entry(raw, section, ConfGrammar.key(t, release), ConfGrammar.value(t, release),
                t.indexOf('=') >= 0);
    }

    /** The release whose adf_ctl this document was read as. */
    public DriverRelease release() {
        return release;
    }

    /** The same bytes read as another release reads them. */
    public ConfDocument readAs(DriverRelease other) {
        return other == release ? this : fromRawLines(bom, rawLines(), other);
    }

    private static Map<String, ConfSection> groupSections(List<ConfLine> lines) {
        Map<String, List<ConfLine.SectionHeader>> headers = new LinkedHashMap<>();
        Map<String, List<ConfLine.Entry>> entries = new LinkedHashMap<>();
        for (ConfLine line : lines) {
            if (line instanceof ConfLine.SectionHeader h && h.name() != null) {
                headers.computeIfAbsent(h.name(), k -> new ArrayList<>()).add(h);
                entries.computeIfAbsent(h.name(), k -> new ArrayList<>());
            } else if (line instanceof ConfLine.Entry e && e.section() != null) {
                entries.get(e.section()).add(e);
            }
        }
        Map<String, ConfSection> out = new LinkedHashMap<>();
        headers.forEach((name, hs) -> out.put(name, new ConfSection(name, hs, entries.get(name))));
        return out;
    }

    /** Whether the file starts with a UTF-8 byte-order mark. */
    public boolean hasBom() {
        return bom;
    }

    public List<ConfLine> lines() {
        return lines;
    }

    /** The line with 1-based number {@code n}. */
    public ConfLine line(int n) {
        return lines.get(n - 1);
    }

    /** Sections as the driver loads them, in order of first appearance. */
    public List<ConfSection> sections() {
        return List.copyOf(sections.values());
    }

    public Optional<ConfSection> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }

    /** The value the driver uses for {@code key} in {@code section}. */
    public Optional<String> value(String section, String key) {
        return section(section).flatMap(s -> s.value(key));
    }

    /** The line terminator most lines use, for lines an edit adds. */
    public String dominantEol() {
        int crlf = 0;
        int lf = 0;
        for (ConfLine l : lines) {
            switch (l.raw().eol()) {
                case "\r\n" -> crlf++;
                case "\n" -> lf++;
                default -> { }
            }
        }
        return crlf > lf ? "\r\n" : "\n";
    }

    /** The file's text, one char per byte (ISO-8859-1). */
    public String text() {
        StringBuilder sb = new StringBuilder(lines.size() * 32);
        if (bom) {
            sb.append(BOM);
        }
        for (ConfLine l : lines) {
            sb.append(l.raw().text()).append(l.raw().eol());
        }
        return sb.toString();
    }

    /** The file's bytes: identical to the input for an unedited document. */
    public byte[] toBytes() {
        return text().getBytes(StandardCharsets.ISO_8859_1);
    }

    List<RawLine> rawLines() {
        List<RawLine> out = new ArrayList<>(lines.size());
        for (ConfLine l : lines) {
            out.add(l.raw());
        }
        return out;
    }
}
