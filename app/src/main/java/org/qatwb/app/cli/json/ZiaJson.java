package org.qatwb.app.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsPool;
import org.qatwb.model.zia.ZiaDrift;
import org.qatwb.model.zia.ZiaHookOutcome;
import org.qatwb.model.zia.ZiaHost;
import org.qatwb.model.zia.ZiaProperty;
import org.qatwb.model.zia.plan.ZiaDataRisk;
import org.qatwb.model.zia.plan.ZiaUseCase;

/** {@code qatwb zia}'s JSON: the pools' live and kept Z.I.A. settings, and what a keep or re-apply did. */
public final class ZiaJson {

    private ZiaJson() {
    }

    /**
     * {@code {"dpusm": true|false|null, "hooks": {"boot": b, "import": b}, "inSync": b, "pools": [{"name",
     * "available", "live": {...}, "kept": {...}, "drift": [{"property", "live", "kept"}], "dataRisk": [...]}],
     * "warnings": [...]}}: every pool with Z.I.A. properties, and every pool with kept settings.
     */
    public static ObjectNode show(NasSnapshot s) {
        ObjectNode doc = JsonOut.object();
        ZiaHost host = s.zia();
        if (host.dpusm().isPresent()) {
            doc.put("dpusm", host.dpusm().get());
        } else {
            doc.putNull("dpusm");
        }
        ObjectNode hooks = doc.putObject("hooks");
        hooks.put("boot", host.bootHook());
        hooks.put("import", host.importHook());
        List<ZiaDrift> drift = ZiaUseCase.drift(s, host.kept());
        doc.put("inSync", drift.isEmpty());
        ArrayNode pools = doc.putArray("pools");
        LinkedHashSet<String> names = new LinkedHashSet<>();
        s.pools().values().stream().filter(p -> !p.zia().isEmpty()).forEach(p -> names.add(p.name()));
        names.addAll(host.kept().pools());
        for (String name : names) {
            ObjectNode o = pools.addObject();
            o.put("name", name);
            ZfsPool p = s.pools().get(name);
            boolean known = p != null && !p.zia().isEmpty();
            if (known) {
                o.put("available", p.zia().getOrDefault(ZiaProperty.AVAILABLE, "no"));
                values(o.putObject("live"), ZiaUseCase.live(p));
            } else {
                o.putNull("available");
                o.putNull("live");
            }
            values(o.putObject("kept"), host.kept().of(name));
            ArrayNode d = o.putArray("drift");
            drift.stream().filter(x -> x.pool().equals(name)).forEach(x -> {
                ObjectNode e = d.addObject();
                e.put("property", x.property().wire());
                e.put("live", x.live());
                e.put("kept", x.kept());
            });
            ArrayNode risk = o.putArray("dataRisk");
            if (known) {
                ZiaDataRisk.of(s, name).reasons().forEach(risk::add);
            }
        }
        ArrayNode warnings = doc.putArray("warnings");
        host.kept().warnings().forEach(warnings::add);
        return doc;
    }

    private static void values(ObjectNode o, Map<ZiaProperty, String> values) {
        values.forEach((k, v) -> o.put(k.wire(), v));
    }

    /** {@code [{"name", "status", "message"}]}: each step of a keep or re-apply. */
    public static ArrayNode steps(ZiaHookOutcome outcome) {
        ArrayNode a = JsonOut.object().arrayNode();
        for (ZiaHookOutcome.Step st : outcome.steps()) {
            ObjectNode o = a.addObject();
            o.put("name", st.name());
            o.put("status", st.status().wire());
            o.put("message", st.message());
        }
        return a;
    }
}
