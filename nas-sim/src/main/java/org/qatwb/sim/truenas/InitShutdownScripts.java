package org.qatwb.sim.truenas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.qatwb.model.json.Json;
import org.qatwb.model.parse.ParseException;
import org.qatwb.sim.request.Response;
import org.qatwb.sim.tree.AtomicFiles;

/**
 * TrueNAS's init/shutdown scripts as {@code midclt call initshutdownscript.*} sees them: a small
 * JSON store (a file in the simulator's state, as the middleware's database would be) with
 * {@code query} (filters {@code [field, "=" | "!=", value]}), {@code create}, {@code update} and
 * {@code delete}, answering as midclt prints ({@code json.dumps}) and refusing as the middleware does
 * ({@code [EINVAL] ...}, {@code [ENOENT] ...} on stderr, exit status 1). Not thread-safe: the machine
 * calls it under its lock.
 */
public final class InitShutdownScripts {

    private static final Set<String> TYPES = Set.of("COMMAND", "SCRIPT");
    private static final Set<String> WHENS = Set.of("PREINIT", "POSTINIT", "SHUTDOWN");
    private static final String PREFIX = "initshutdownscript.";

    private final Path store;

    public InitShutdownScripts(Path store) {
        this.store = store;
    }

    /** Every script, in id order, as the store holds it. */
    public List<Map<String, Object>> all() {
        if (!Files.isRegularFile(store)) {
            return List.of();
        }
        try {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object o : (List<?>) Json.parse(Files.readString(store, StandardCharsets.UTF_8))) {
                out.add(entry((Map<?, ?>) o));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | ClassCastException e) {
            throw new IllegalStateException("the simulator's init script store " + store + " is broken: " + e.getMessage(), e);
        }
    }

    /** An enabled {@code COMMAND} script: its id, its command, and how long the middleware waits for it. */
    public record Command(long id, String command, long timeoutSeconds) {
    }

    /**
     * The enabled {@code COMMAND} scripts run at {@code when}, in the order the middleware runs them.
     * The entry has no order field: {@code execute_init_tasks} (plugins/init_shutdown_script/task.py)
     * runs what {@code initshutdownscript.query([["enabled", "=", True], ["when", "=", when]])} returns,
     * one after the other, each bounded by its {@code timeout}; the query gives no {@code order_by}, so
     * the rows come in the table's (SQLite's rowid, that is id) order.
     */
    public List<Command> commands(String when) {
        return all().stream().filter(e -> when.equals(e.get("when")) && Boolean.TRUE.equals(e.get("enabled"))
                && "COMMAND".equals(e.get("type")) && e.get("command") instanceof String)
                .map(e -> new Command((Long) e.get("id"), (String) e.get("command"), (Long) e.get("timeout"))).toList();
    }

    /** {@code midclt ARGS...}: only {@code call initshutdownscript.*}. */
    public Response midclt(List<String> args) {
        if (args.size() < 2 || !args.get(0).equals("call")) {
            return Response.fail("usage: midclt call METHOD [ARG ...] (the simulated NAS knows only call)\n", 2);
        }
        String method = args.get(1);
        List<Object> params = new ArrayList<>();
        for (String a : args.subList(2, args.size())) {
            try {
                params.add(Json.parse(a));
            } catch (ParseException notJson) {
                params.add(a); // midclt passes an argument that is not JSON on as a string
            }
        }
        try {
            Object result = switch (method) {
                case PREFIX + "query" -> query(params);
                case PREFIX + "create" -> create(params);
                case PREFIX + "update" -> update(params);
                case PREFIX + "delete" -> delete(params);
                default -> throw new Refusal("[ENOMETHOD] Method \"" + method.substring(method.lastIndexOf('.') + 1)
                        + "\" not found in \"" + (method.contains(".") ? method.substring(0, method.lastIndexOf('.')) : method) + "\"");
            };
            return Response.ok(Json.write(result) + "\n");
        } catch (Refusal r) {
            return Response.fail(r.getMessage() + "\n", 1);
        }
    }

    private List<Map<String, Object>> query(List<Object> params) throws Refusal {
        List<?> filters = params.isEmpty() ? List.of() : list(params.get(0), "query-filters");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> e : all()) {
            boolean match = true;
            for (Object f : filters) {
                List<?> t = list(f, "query-filters");
                if (t.size() != 3 || !(t.get(0) instanceof String field) || !(t.get(1) instanceof String op)
                        || !(op.equals("=") || op.equals("!="))) {
                    throw new Refusal("[EINVAL] query-filters: Invalid filter " + Json.write(f));
                }
                match &= Objects.equals(e.get(field), t.get(2)) == op.equals("=");
            }
            if (match) {
                out.add(e);
            }
        }
        return out;
    }

    private Map<String, Object> create(List<Object> params) throws Refusal {
        Map<String, Object> data = object(params, 0, "init_shutdown_script_create");
        Map<String, Object> e = new LinkedHashMap<>();
        List<Map<String, Object>> all = new ArrayList<>(all());
        e.put("id", all.stream().mapToLong(x -> (Long) x.get("id")).max().orElse(0) + 1);
        e.putAll(defaults());
        Map<String, Object> made = validate(merge(e, data, "init_shutdown_script_create"), "init_shutdown_script_create");
        all.add(made);
        save(all);
        return made;
    }

    private Map<String, Object> update(List<Object> params) throws Refusal {
        long id = id(params);
        Map<String, Object> data = object(params, 1, "init_shutdown_script_update");
        List<Map<String, Object>> all = new ArrayList<>(all());
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).get("id").equals(id)) {
                Map<String, Object> made = validate(merge(all.get(i), data, "init_shutdown_script_update"),
                        "init_shutdown_script_update");
                all.set(i, made);
                save(all);
                return made;
            }
        }
        throw new Refusal("[ENOENT] None: Unable to find initshutdownscript with id " + id);
    }

    private Boolean delete(List<Object> params) throws Refusal {
        long id = id(params);
        List<Map<String, Object>> all = new ArrayList<>(all());
        if (!all.removeIf(e -> e.get("id").equals(id))) {
            throw new Refusal("[ENOENT] None: Unable to find initshutdownscript with id " + id);
        }
        save(all);
        return true;
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", null);
        d.put("command", null);
        d.put("script_text", null);
        d.put("script", null);
        d.put("when", null);
        d.put("enabled", true);
        d.put("timeout", 10L);
        d.put("comment", "");
        return d;
    }

    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> data, String schema)
            throws Refusal {
        Map<String, Object> e = new LinkedHashMap<>(base);
        for (Map.Entry<String, Object> d : data.entrySet()) {
            if (d.getKey().equals("id") || !e.containsKey(d.getKey())) {
                throw new Refusal("[EINVAL] " + schema + "." + d.getKey() + ": Field was not expected");
            }
            e.put(d.getKey(), d.getValue());
        }
        return e;
    }

    private static Map<String, Object> validate(Map<String, Object> e, String schema) throws Refusal {
        if (!TYPES.contains(e.get("type"))) {
            throw new Refusal("[EINVAL] " + schema + ".type: Invalid choice: " + e.get("type"));
        }
        if (!WHENS.contains(e.get("when"))) {
            throw new Refusal("[EINVAL] " + schema + ".when: Invalid choice: " + e.get("when"));
        }
        if (e.get("type").equals("COMMAND") && !(e.get("command") instanceof String c && !c.isEmpty())) {
            throw new Refusal("[EINVAL] " + schema + ".command: This field is required");
        }
        if (!(e.get("enabled") instanceof Boolean) || !(e.get("timeout") instanceof Long)
                || !(e.get("comment") instanceof String)) {
            throw new Refusal("[EINVAL] " + schema + ": enabled, timeout and comment must be a boolean, an integer and a string");
        }
        return e;
    }

    private static long id(List<Object> params) throws Refusal {
        if (params.isEmpty() || !(params.get(0) instanceof Long id)) {
            throw new Refusal("[EINVAL] id: Not an integer");
        }
        return id;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(List<Object> params, int i, String schema) throws Refusal {
        if (params.size() <= i || !(params.get(i) instanceof Map<?, ?>)) {
            throw new Refusal("[EINVAL] " + schema + ": Expected an object");
        }
        return (Map<String, Object>) params.get(i);
    }

    private static List<?> list(Object o, String what) throws Refusal {
        if (!(o instanceof List<?> l)) {
            throw new Refusal("[EINVAL] " + what + ": Expected a list");
        }
        return l;
    }

    private static Map<String, Object> entry(Map<?, ?> m) {
        Map<String, Object> e = new LinkedHashMap<>();
        m.forEach((k, v) -> e.put((String) k, v));
        return e;
    }

    private void save(List<Map<String, Object>> all) {
        AtomicFiles.write(store, Json.write(all) + "\n");
    }

    /** What the middleware refuses, with its words. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message);
        }
    }
}
