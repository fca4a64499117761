package org.qatwb.model.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GRUB's menu as far as it decides what boots: the entries of {@code grub.cfg} (submenus nested),
 * each with the kernel its {@code linux} line loads, and the default. The agent sends only the
 * lines that matter (item {@code grub_cfg}); grubenv's variables come with item {@code grub_env}.
 *
 * <p>How GRUB picks the entry (grub-core/normal/menu.c, {@code grub_menu_get_default_entry_index}):
 * {@code default} is a number, an entry's title or {@code --id}, or a {@code >}-separated path
 * into submenus; anything it cannot find falls back to entry 0. Debian's grub.cfg (grub-mkconfig's
 * 00_header) sets {@code default="${next_entry}"} when grubenv has one (grub-reboot), else
 * {@code "0"} or, with {@code GRUB_DEFAULT=saved}, {@code "${saved_entry}"}; 10_linux writes the
 * newest kernel first.
 */
public final class GrubMenu {

    /** At most this many entries are kept (a real menu has a few dozen). */
    static final int MAX_ENTRIES = 1024;
    private static final int MAX_DEPTH = 16;

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("(?:\\$menuentry_id_option|--id)\\s+(?:'([^']*)'|\"([^\"]*)\"|(\\S+))");
    private static final Pattern KERNEL = Pattern.compile("vmlinuz-([A-Za-z0-9._+~-]{1,128})");
    private static final Pattern DEFAULT = Pattern.compile("set\\s+default=(?:\"([^\"]*)\"|'([^']*)'|(\\S*))");

    /** An entry: a menuentry (with the kernel its linux line loads) or a submenu (with its entries). */
    public record Entry(String title, String id, Optional<String> kernel, List<Entry> children, boolean submenu) {
        public Entry {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kernel, "kernel");
            children = List.copyOf(children);
        }
    }

    private final List<Entry> entries;
    private final List<String> defaults;

    private GrubMenu(List<Entry> entries, List<String> defaults) {
        this.entries = List.copyOf(entries);
        this.defaults = List.copyOf(defaults);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The values of {@code set default=}, in file order. */
    public List<String> defaults() {
        return defaults;
    }

    /** Reads the agent's lines of grub.cfg; never fails: a line it does not know is left out. */
    public static GrubMenu parse(String lines) {
        Objects.requireNonNull(lines, "lines");
        List<Builder> top = new ArrayList<>();
        Deque<Object> stack = new ArrayDeque<>();     // a Builder per open entry, a marker per open function
        Object function = new Object();
        List<String> defaults = new ArrayList<>();
        int[] count = {0};
        for (String raw : (Iterable<String>) lines.lines()::iterator) {
            String l = raw.strip();
            if (l.startsWith("menuentry ") || l.startsWith("menuentry\t") || l.startsWith("submenu ")
                    || l.startsWith("submenu\t")) {
                if (stack.size() >= MAX_DEPTH || count[0] >= MAX_ENTRIES) {
                    if (l.endsWith("{")) {
                        stack.push(function);
                    }
                    continue;
                }
                count[0]++;
                Builder b = new Builder(l.startsWith("submenu"), first(QUOTED.matcher(l)), id(l));
                if (stack.peek() instanceof Builder parent) {
                    parent.children.add(b);
                } else if (stack.isEmpty()) {
                    top.add(b);
                }
                if (l.endsWith("{")) {
                    stack.push(b);
                }
            } else if (l.startsWith("function")) {
                if (l.endsWith("{")) {
                    stack.push(function);
                }
            } else if (l.equals("}")) {
                stack.poll();
            } else if (l.startsWith("linux")) {
                if (stack.peek() instanceof Builder b && b.kernel.isEmpty()) {
                    Matcher m = KERNEL.matcher(l);
                    if (m.find()) {
                        b.kernel = Optional.of(m.group(1));
                    }
                }
            } else if (l.startsWith("set")) {
                Matcher m = DEFAULT.matcher(l);
                if (m.lookingAt()) {
                    defaults.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
                }
            }
        }
        return new GrubMenu(top.stream().map(Builder::build).toList(), defaults);
    }

    /**
     * The entry that boots next, given grubenv's variables: {@code next_entry} where set (grub-reboot),
     * else the last {@code set default=} that is not {@code ${next_entry}}, {@code ${saved_entry}}
     * replaced by grubenv's value; entry 0 where that names nothing, as GRUB falls back.
     *
     * @return the entry and whether it came from next_entry; empty for a menu without entries
     */
    public Optional<Chosen> chosen(Map<String, String> env) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        String next = env.getOrDefault("next_entry", "");
        if (!next.isEmpty()) {
            Optional<Entry> e = find(next);
            if (e.isPresent()) {
                return Optional.of(new Chosen(e.get(), true));
            }
        }
        String spec = "0";
        for (String d : defaults) {
            if (!d.contains("next_entry")) {
                spec = d;
            }
        }
        if (spec.equals("${saved_entry}") || spec.equals("$saved_entry")) {
            spec = env.getOrDefault("saved_entry", "0");
        }
        return Optional.of(new Chosen(find(spec).orElse(entries.get(0)), false));
    }

    /** The entry and how it was chosen. */
    public record Chosen(Entry entry, boolean once) {
    }

    /**
     * The GRUB path ({@code >}-separated titles, as {@code grub-set-default} takes it) of the first entry
     * that boots {@code release}, recovery entries last; empty when no entry does.
     */
    public Optional<String> pathTo(String release) {
        Optional<String> p = pathTo(entries, release, "", false);
        return p.isPresent() ? p : pathTo(entries, release, "", true);
    }

    private static Optional<String> pathTo(List<Entry> level, String release, String prefix, boolean recovery) {
        for (Entry e : level) {
            String path = prefix + e.title();
            if (!e.submenu() && e.kernel().equals(Optional.of(release)) && (recovery || !e.title().contains("recovery"))) {
                return Optional.of(path);
            }
            Optional<String> inner = pathTo(e.children(), release, path + ">", recovery);
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }

    /** A {@code >}-separated path of numbers, titles or ids, as GRUB resolves {@code default}. */
    Optional<Entry> find(String spec) {
        List<Entry> level = entries;
        Entry found = null;
        for (String part : spec.split(">", -1)) {
            found = null;
            if (part.matches("\\d{1,6}")) {
                int i = Integer.parseInt(part);
                found = i < level.size() ? level.get(i) : null;
            } else {
                for (Entry e : level) {
                    if (e.title().equals(part) || (!e.id().isEmpty() && e.id().equals(part))) {
                        found = e;
                        break;
                    }
                }
            }
            if (found == null) {
                return Optional.empty();
            }
            level = found.children();
        }
        // a submenu chosen as a whole boots its first entry
        while (found != null && found.submenu() && !found.children().isEmpty()) {
            found = found.children().get(0);
        }
        return Optional.ofNullable(found);
    }

    private static String first(Matcher m) {
        if (!m.find()) {
            return "";
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String id(String line) {
        Matcher m = ID.matcher(line);
        if (!m.find()) {
            return "";
        }
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }

    private static final class Builder {
        final boolean submenu;
        final String title;
        final String id;
        final List<Builder> children = new ArrayList<>();
        Optional<String> kernel = Optional.empty();

        Builder(boolean submenu, String title, String id) {
            this.submenu = submenu;
            this.title = title;
            this.id = id;
        }

        Entry build() {
            return new Entry(title, id, kernel, children.stream().map(Builder::build).toList(), submenu);
        }
    }
}
