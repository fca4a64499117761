package org.qatwb.model.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qatwb.model.device.DriverRelease;

/**
 * Edits a conf document losslessly: every line an edit does not touch stays byte-identical,
 * a rewritten line keeps its spacing, quotes, inline comment and terminator, and added lines use
 * the file's own line terminator.
 *
 * <p>Not thread-safe; one editor per document being edited. Invalid names and values are refused
 * with {@link IllegalArgumentException} before anything changes.
 */
public final class ConfEditor {

    private final boolean bom;
    private final DriverRelease release;
    private final List<RawLine> raws;
    private ConfDocument current;

    public ConfEditor(ConfDocument doc) {
        this.bom = doc.hasBom();
        this.release = doc.release();
        this.raws = new ArrayList<>(doc.rawLines());
        this.current = doc;
    }

    /** The document as edited so far. */
    public ConfDocument toDocument() {
        if (current == null) {
            current = ConfDocument.fromRawLines(bom, raws, release);
        }
        return current;
    }

    public ConfEditor apply(ConfEdit edit) {
        if (edit instanceof ConfEdit.SetKey e) {
            return set(e.section(), e.key(), e.value());
        } else if (edit instanceof ConfEdit.RemoveKey e) {
            return remove(e.section(), e.key());
        } else if (edit instanceof ConfEdit.AddSection e) {
            return addSection(e.section());
        } else if (edit instanceof ConfEdit.AddInstance e) {
            addInstance(e.section(), e.kind(), e.name(), e.isPolled(), e.coreAffinity());
            return this;
        } else if (edit instanceof ConfEdit.RemoveInstance e) {
            return removeInstance(e.section(), e.kind(), e.index());
        }
        throw new IllegalArgumentException("unknown edit " + edit);
    }

    /** Sets a key: rewrites the value of its first line in place, or adds a line at the section's end. */
    public ConfEditor set(String section, String key, String value) {
        ConfValues.checkKey(key);
        ConfValues.checkValue(key, value);
        ConfSection sec = requireSection(section);
        Optional<ConfLine.Entry> existing = sec.entries().stream().filter(e -> e.key().equals(key)).findFirst();
        if (existing.isPresent()) {
            int i = existing.get().number() - 1;
            raws.set(i, raws.get(i).withText(rewriteValue(raws.get(i).text(), key, value)));
        } else {
            insertAfter(endOfSection(sec), List.of(format(key, value)));
        }
        current = null;
        return this;
    }

    /** Removes every line of a key in a section: the driver would otherwise fall back to a duplicate. */
    public ConfEditor remove(String section, String key) {
        ConfSection sec = requireSection(section);
        List<Integer> doomed = new ArrayList<>();
        for (ConfLine.Entry e : sec.entries()) {
            if (e.key().equals(key)) {
                doomed.add(e.number() - 1);
            }
        }
        deleteLines(doomed);
        return this;
    }

    /** Adds {@code [section]} at the end of the file; does nothing if the section exists. */
    public ConfEditor addSection(String section) {
        ConfValues.checkSection(section);
        if (toDocument().section(section).isPresent()) {
            return this;
        }
        List<String> add = new ArrayList<>();
        if (!raws.isEmpty() && !raws.get(raws.size() - 1).text().isEmpty()) {
            add.add("");
        }
        add.add("[" + section + "]");
        insertAfter(raws.size(), add);
        current = null;
        return this;
    }

    /**
     * Appends an instance to a section ({@code <Kind><n>Name}, {@code IsPolled}, {@code CoreAffinity},
     * with n the current count) and raises the count.
     *
     * @return the new instance's index
     */
    public int addInstance(String section, InstanceKind kind, String name, int isPolled, int coreAffinity) {
        ConfValues.checkValue(kind.prefix() + "Name", name);
        if (isPolled < 0 || isPolled > 2) {
            throw new IllegalArgumentException("IsPolled " + isPolled + ": the driver knows 0 (interrupt), 1 (poll)"
                    + " and 2 (epoll)");
        }
        if (coreAffinity < 0) {
            throw new IllegalArgumentException("CoreAffinity " + coreAffinity + " is not a core");
        }
        int n = count(requireSection(section), kind);
        set(section, kind.countKey(), Integer.toString(n + 1));
        String nameKey = kind.key(n, "Name");
        String polledKey = kind.key(n, "IsPolled");
        String affinityKey = kind.key(n, "CoreAffinity");
        ConfSection sec = requireSection(section);
        boolean leftovers = sec.entries().stream().anyMatch(e -> kind.indexOf(e.key()) == n);
        if (leftovers) {
            // keys of a removed instance were left behind: reuse their lines
            set(section, nameKey, name);
            set(section, polledKey, Integer.toString(isPolled));
            set(section, affinityKey, Integer.toString(coreAffinity));
        } else {
            List<String> block = new ArrayList<>();
            int anchor = endOfSection(sec);
            if (!(toDocument().line(anchor) instanceof ConfLine.SectionHeader)) {
                block.add("");
            }
            block.add(format(nameKey, name));
            block.add(format(polledKey, Integer.toString(isPolled)));
            block.add(format(affinityKey, Integer.toString(coreAffinity)));
            insertAfter(anchor, block);
            current = null;
        }
        return n;
    }

    /** Removes instance {@code index}, renumbers the instances above it, and lowers the count. */
    public ConfEditor removeInstance(String section, InstanceKind kind, int index) {
        ConfSection sec = requireSection(section);
        int n = count(sec, kind);
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("[" + section + "] has " + n + " " + kind.prefix()
                    + " instances: there is no instance " + index);
        }
        List<Integer> doomed = new ArrayList<>();
        for (ConfLine.Entry e : sec.entries()) {
            int i = kind.indexOf(e.key());
            if (i == index) {
                doomed.add(e.number() - 1);
            } else if (i > index && i < n) {
                int at = e.number() - 1;
                String renamed = kind.key(i - 1, kind.suffixOf(e.key()));
                raws.set(at, raws.get(at).withText(rewriteKey(raws.get(at).text(), renamed)));
            }
        }
        current = null;
        set(section, kind.countKey(), Integer.toString(n - 1));
        deleteLines(doomed);
        return this;
    }

    private static int count(ConfSection sec, InstanceKind kind) {
        int n = sec.instanceCount(kind);
        if (n < 0) {
            throw new IllegalArgumentException("[" + sec.name() + "] " + kind.countKey() + " is '"
                    + sec.value(kind.countKey()).orElse("") + "', not an instance count");
        }
        return n;
    }

    private ConfSection requireSection(String section) {
        return toDocument().section(section)
                .orElseThrow(() -> new IllegalArgumentException("no section [" + section + "]"));
    }

    /** 1-based number of the last line belonging to the section's last block. */
    private static int endOfSection(ConfSection sec) {
        int end = sec.headers().get(sec.headers().size() - 1).number();
        for (ConfLine.Entry e : sec.entries()) {
            end = Math.max(end, e.number());
        }
        return end;
    }

    /** Inserts lines after 1-based line {@code after} (0: at the top), keeping the file's terminators. */
    private void insertAfter(int after, List<String> texts) {
        String eol = toDocument().dominantEol();
        String lastEol = eol;
        if (after > 0) {
            RawLine anchor = raws.get(after - 1);
            if (anchor.eol().isEmpty()) {
                // the anchor was the last line and had no newline: the file keeps ending without one
                raws.set(after - 1, anchor.withEol(eol));
                lastEol = "";
            } else {
                eol = anchor.eol();
                lastEol = eol;
            }
        }
        List<RawLine> added = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            added.add(new RawLine(0, texts.get(i), i == texts.size() - 1 ? lastEol : eol));
        }
        raws.addAll(after, added);
        current = null;
    }

    /** Deletes lines (0-based indexes), then closes any double blank line the deletion left. */
    private void deleteLines(List<Integer> indexes) {
        List<Integer> sorted = new ArrayList<>(indexes);
        sorted.sort((a, b) -> b - a);
        for (int i : sorted) {
            RawLine gone = raws.remove(i);
            if (gone.eol().isEmpty() && i > 0) {
                // the last line went: the new last line keeps the file without a trailing newline
                raws.set(i - 1, raws.get(i - 1).withEol(""));
            }
            if (i > 0 && i < raws.size() && raws.get(i - 1).text().isEmpty() && raws.get(i).text().isEmpty()) {
                raws.remove(i - 1);
            }
        }
        current = null;
    }

    /** A new line in Intel's style; names are quoted as Intel's files quote them. */
    private static String format(String key, String value) {
        return key + " = " + (key.endsWith("Name") ? "\"" + value + "\"" : value);
    }

    /** Replaces the value between {@code =} and an inline comment, keeping the spacing around it. */
    static String rewriteValue(String text, String key, String value) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            return format(key, value);
        }
        int end = text.indexOf('#', eq + 1);
        if (end < 0) {
            end = text.length();
        }
        String region = text.substring(eq + 1, end);
        int lead = leadingSpaces(region);
        String middle = region.substring(lead, region.length() - trailingSpaces(region, lead));
        String trail = region.substring(lead + middle.length());
        boolean quoted = middle.length() >= 2 && middle.startsWith("\"") && middle.endsWith("\"")
                || middle.isEmpty() && key.endsWith("Name");
        // an empty value gets Intel's "Key = value" spacing; an existing one keeps its own
        String before = lead > 0 || !middle.isEmpty() ? region.substring(0, lead) : " ";
        String after = trail.isEmpty() && end < text.length() ? " " : trail;
        return text.substring(0, eq + 1) + before + (quoted ? "\"" + value + "\"" : value) + after
                + text.substring(end);
    }

    /** Replaces the key before {@code =}, keeping the spacing around it. */
    static String rewriteKey(String text, String key) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            eq = text.length();
        }
        int hash = text.indexOf('#');
        if (hash >= 0 && hash < eq) {
            eq = hash; // a comment before '=' is not part of the key: keep it
        }
        String region = text.substring(0, eq);
        int lead = leadingSpaces(region);
        String middle = region.substring(lead, region.length() - trailingSpaces(region, lead));
        return region.substring(0, lead) + key + region.substring(lead + middle.length()) + text.substring(eq);
    }

    /** Trailing spaces only: a trailing tab is part of the value in the driver's reading. */
    private static int trailingSpaces(String s, int from) {
        int i = s.length();
        while (i > from && s.charAt(i - 1) == ' ') {
            i--;
        }
        return s.length() - i;
    }

    private static int leadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
