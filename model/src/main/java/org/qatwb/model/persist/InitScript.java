package org.qatwb.model.persist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;
import org.qatwb.model.json.Json;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.zfs.ZfsParam;

/**
 * One of TrueNAS's init/shutdown scripts ({@code midclt call initshutdownscript.*}), as its
 * middleware keeps it: ours is a {@code COMMAND} run at {@code POSTINIT} (after boot, qat.service
 * included) that writes 0 to each kept parameter, recognised by its {@link #COMMENT}.
 *
 * @param id      the middleware's id; empty for one not created yet
 * @param type    {@code COMMAND} or {@code SCRIPT}
 * @param command the shell command of a {@code COMMAND} ("" when none)
 * @param script  the script path of a {@code SCRIPT} ("" when none)
 * @param when    {@code PREINIT}, {@code POSTINIT} or {@code SHUTDOWN}
 * @param enabled whether it runs
 * @param timeout seconds the middleware waits for it; empty when the entry has none
 * @param comment the administrator's note; ours is {@link #COMMENT}
 */
public record InitScript(OptionalLong id, String type, String command, String script, String when, boolean enabled,
                         OptionalLong timeout, String comment) {

    /** What marks our init script, and what the query for it filters on. */
    public static final String COMMENT = "qatwb: ZFS QAT offload parameters";
    /** The filter argument of {@code initshutdownscript.query}, exactly as the agent passes it. */
    public static final String QUERY_FILTER = "[[\"comment\", \"=\", \"" + COMMENT + "\"]]";
    public static final long TIMEOUT = 10;

    public InitScript {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(comment, "comment");
    }

    /** Ours for a non-empty set of parameters: {@code echo 0 > ...; echo 0 > ...}. */
    public static InitScript forParams(Set<ZfsParam> keep) {
        if (keep.isEmpty()) {
            throw new IllegalArgumentException("an init script that keeps nothing is no script: delete it instead");
        }
        StringJoiner command = new StringJoiner("; ");
        for (ZfsParam p : ZfsParam.values()) {
            if (keep.contains(p)) {
                command.add(ZfsQatUnit.writeZero(p));
            }
        }
        return new InitScript(OptionalLong.empty(), "COMMAND", command.toString(), "", "POSTINIT", true,
                OptionalLong.of(TIMEOUT), COMMENT);
    }

    /**
     * The argument of {@code initshutdownscript.create} and {@code .update}, byte for byte what the
     * agent sends: type, command, when, enabled, timeout, comment (no id).
     */
    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        if (!command.isEmpty()) {
            m.put("command", command);
        }
        if (!script.isEmpty()) {
            m.put("script", script);
        }
        m.put("when", when);
        m.put("enabled", enabled);
        timeout.ifPresent(t -> m.put("timeout", t));
        m.put("comment", comment);
        return Json.write(m);
    }

    /** The fields one per line, as a diff shows them ({@code when: POSTINIT}); the id is left out. */
    public String display() {
        StringBuilder t = new StringBuilder();
        t.append("type: ").append(oneLine(type)).append('\n');
        t.append("when: ").append(oneLine(when)).append('\n');
        t.append("enabled: ").append(enabled).append('\n');
        timeout.ifPresent(s -> t.append("timeout: ").append(s).append('\n'));
        t.append("comment: ").append(oneLine(comment)).append('\n');
        if (!command.isEmpty()) {
            t.append("command: ").append(oneLine(command)).append('\n');
        }
        if (!script.isEmpty()) {
            t.append("script: ").append(oneLine(script)).append('\n');
        }
        return t.toString();
    }

    private static String oneLine(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** The parameters this entry keeps when it is ours in everything but {@code enabled} and its id. */
    public Optional<Set<ZfsParam>> keeps() {
        for (Set<ZfsParam> s : KeepList.allSets()) {
            if (!s.isEmpty() && forParams(s).withIdAndEnabled(id, enabled).equals(this)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private InitScript withIdAndEnabled(OptionalLong newId, boolean on) {
        return new InitScript(newId, type, command, script, when, on, timeout, comment);
    }

    /** The query asks for ours, of which a NAS has one; each more is shown to the user in full. */
    static final int MAX_QUERIED = 64;

    /**
     * Reads {@code midclt call initshutdownscript.query}'s answer: a JSON array of entries. Fields
     * this reader does not know ({@code script_text}) are ignored; a missing one reads as empty.
     */
    public static List<InitScript> parseQuery(String answer) throws ParseException {
        Object v = Json.parse(answer.strip());
        if (!(v instanceof List<?> list)) {
            throw new ParseException(0, "expected a JSON array of init scripts");
        }
        if (list.size() > MAX_QUERIED) {
            throw new ParseException(0, list.size() + " init scripts carry the comment; more than " + MAX_QUERIED
                    + " is not an answer to qatwb's query");
        }
        List<InitScript> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                throw new ParseException(0, "expected init scripts as JSON objects");
            }
            out.add(new InitScript(number(m.get("id")), text(m.get("type")), text(m.get("command")),
                    text(m.get("script")), text(m.get("when")), Boolean.TRUE.equals(m.get("enabled")),
                    number(m.get("timeout")), text(m.get("comment"))));
        }
        return List.copyOf(out);
    }

    private static String text(Object v) {
        return v instanceof String s ? s : "";
    }

    private static OptionalLong number(Object v) {
        return v instanceof Long l ? OptionalLong.of(l) : OptionalLong.empty();
    }
}
