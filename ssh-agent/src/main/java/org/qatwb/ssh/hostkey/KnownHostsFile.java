package org.qatwb.ssh.hostkey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.qatwb.model.parse.Snippet;

/**
 * A {@code known_hosts} file as read at one moment. Lines it cannot use (bad base64, unknown
 * markers, SSH1 keys) are skipped, as ssh skips them, and listed in {@link #problems()}.
 */
public final class KnownHostsFile {

    private record Parsed(KnownHostsEntry entry, HostField hosts) {
    }

    private final Path path;
    private final List<Parsed> lines;
    private final List<String> problems;

    private KnownHostsFile(Path path, List<Parsed> lines, List<String> problems) {
        this.path = path;
        this.lines = List.copyOf(lines);
        this.problems = List.copyOf(problems);
    }

    /** Reads {@code path}; a missing file has no entries. */
    public static KnownHostsFile read(Path path) throws IOException {
        String text;
        try {
            text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            text = "";
        }
        return parse(path, text);
    }

    /** Parses {@code text} as the content of {@code path}. */
    public static KnownHostsFile parse(Path path, String text) {
        List<Parsed> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                lines.add(parseLine(i + 1, line));
            } catch (IllegalArgumentException e) {
                problems.add(path + ":" + (i + 1) + ": " + Snippet.failure(e) + "; line skipped");
            }
        }
        return new KnownHostsFile(path, lines, problems);
    }

    private static Parsed parseLine(int lineNo, String line) {
        // [marker] hosts keytype base64-key [comment]
        String[] fields = line.split("[ \t]+", 5);
        int at = 0;
        Marker marker = Marker.NONE;
        if (fields[0].startsWith("@")) {
            marker = switch (fields[0]) {
                case "@revoked" -> Marker.REVOKED;
                case "@cert-authority" -> Marker.CERT_AUTHORITY;
                default -> throw new IllegalArgumentException("unknown marker " + fields[0]);
            };
            at = 1;
        }
        if (fields.length < at + 3) {
            throw new IllegalArgumentException("expected hosts, key type and key");
        }
        String hostText = fields[at];
        String type = fields[at + 1];
        HostPublicKey key;
        try {
            key = HostPublicKey.ofBase64(fields[at + 2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadable key (" + Snippet.failure(e) + ")");
        }
        if (!key.type().equals(type)) {
            throw new IllegalArgumentException("key type " + type + " does not match the key (" + key.type() + ")");
        }
        HostField hosts;
        boolean hashed = hostText.startsWith("|");
        if (hashed) {
            hosts = HostField.Hashed.parse(hostText);
        } else {
            hosts = new HostField.Plain(Arrays.asList(hostText.split(",")));
        }
        return new Parsed(new KnownHostsEntry(lineNo, marker, hashed, key, hostText), hosts);
    }

    public Path path() {
        return path;
    }

    /** Every usable entry, in file order. */
    public List<KnownHostsEntry> entries() {
        return lines.stream().map(Parsed::entry).toList();
    }

    /** Lines that were skipped, one message each ({@code file:line: why}). */
    public List<String> problems() {
        return problems;
    }

    /** Whether the file already hides host names (has hashed entries): new entries are then hashed too. */
    public boolean hasHashedEntries() {
        return lines.stream().anyMatch(p -> p.entry().hashed());
    }

    /** The entries whose host field matches {@code name} ({@link HostKeyName#of}), in file order. */
    public List<KnownHostsEntry> entriesFor(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return lines.stream().filter(p -> p.hosts().matches(n)).map(Parsed::entry).toList();
    }

    /**
     * What this file says about {@code key} offered by {@code name}, with OpenSSH's precedence: a
     * revoked key is refused whatever else matches; a key on an ordinary line is known; a different
     * key of the same type is a change; otherwise the key is unknown.
     */
    public KnownHostsVerdict verify(String name, HostPublicKey key) {
        List<KnownHostsEntry> matching = entriesFor(name);
        for (KnownHostsEntry e : matching) {
            if (e.marker() == Marker.REVOKED && e.key().equals(key)) {
                return new KnownHostsVerdict.Revoked(e);
            }
        }
        for (KnownHostsEntry e : matching) {
            if (e.marker() == Marker.NONE && e.key().equals(key)) {
                return new KnownHostsVerdict.Known(e);
            }
        }
        for (KnownHostsEntry e : matching) {
            if (e.marker() == Marker.NONE && e.key().type().equals(key.type())) {
                return new KnownHostsVerdict.Changed(e);
            }
        }
        List<KnownHostsEntry> otherTypes = matching.stream().filter(e -> e.marker() == Marker.NONE).toList();
        List<KnownHostsEntry> authorities =
                matching.stream().filter(e -> e.marker() == Marker.CERT_AUTHORITY).toList();
        return new KnownHostsVerdict.Unknown(otherTypes, authorities);
    }
}
