package org.qatwb.app.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.qatwb.model.kstat.CounterRates;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.persist.PersistOutcome;
import org.qatwb.model.persist.PersistPlan;
import org.qatwb.model.persist.PersistState;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.SnapshotIssue;
import org.qatwb.model.zfs.ZfsDataset;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.zfs.ZfsPool;
import org.qatwb.model.zfs.ZfsQatParams;

/** JSON of what is read from a NAS: {@code qatwb snapshot}, {@code params} and {@code watch} (CLI.md). */
public final class SnapshotJson {

    private SnapshotJson() {
    }

    public static ObjectNode snapshot(NasSnapshot s) {
        ObjectNode doc = JsonOut.object();
        ArrayNode devices = doc.putArray("devices");
        ParseJson.devices(devices, s.devices().map(d -> d.devices()).orElse(List.of()));
        // what each device's driver loaded (debugfs dev_cfg; null: not read, e.g. without root)
        for (com.fasterxml.jackson.databind.JsonNode n : devices) {
            ObjectNode d = (ObjectNode) n;
            org.qatwb.model.devcfg.DevCfg cfg = s.devCfg().get(d.path("bsf").asText());
            if (cfg == null) {
                d.putNull("devCfg");
            } else {
                ObjectNode sections = d.putObject("devCfg");
                cfg.sections().forEach((name, keys) -> {
                    ObjectNode sec = sections.putObject(name);
                    keys.forEach(sec::put);
                });
            }
        }
        doc.put("qatDriver", s.devices().isPresent());
        // whether ZFS holds QAT devices, so that a restart cannot apply a layout (null: unknown, see warnings)
        if (s.qatHeldByZfs().isPresent()) {
            doc.put("qatHeldByZfs", s.qatHeldByZfs().get());
        } else {
            doc.putNull("qatHeldByZfs");
        }
        // the driver's module version and the release its conf files were read and placed as (null: not reported)
        if (s.driverVersion().isPresent()) {
            ObjectNode release = doc.putObject("driverRelease");
            release.put("version", s.driverVersion().get().version());
            release.put("modelled", s.driverVersion().get().modelled().map(r -> r.label()).orElse(null));
            release.put("readAs", s.driverRelease().label());
        } else {
            doc.putNull("driverRelease");
        }
        PciJson.put(doc, s.qatPci());
        doc.set("params", params(s.params()));
        doc.set("qatParameters", qatParameters(s.qatParameters()));
        doc.set("persistence", persistence(s.persistence()));
        if (s.kstat().isPresent()) {
            doc.putObject("kstat").set("counters", ParseJson.counters(s.kstat().get().raw()));
        } else {
            doc.putNull("kstat");
        }
        ArrayNode confs = doc.putArray("confFiles");
        for (Map.Entry<String, FileReport> e : s.lintReports().entrySet()) {
            ObjectNode f = confs.addObject();
            f.put("path", e.getKey());
            f.put("device", e.getValue().device().map(d -> d.driverType()).orElse(null));
            LintJson.findings(f.putArray("findings"), e.getValue().findings());
        }
        ObjectNode cpu = doc.putObject("cpu");
        putOrNull(cpu, "cores", s.cpu().cores());
        putOrNull(cpu, "nodes", s.cpu().nodeCount());
        s.qatDefaults().ifPresentOrElse(d -> doc.set("defaultQat", ParseJson.qatDefaults(d)), () -> doc.putNull("defaultQat"));
        s.blacklist().ifPresentOrElse(b -> doc.set("blacklist", ParseJson.blacklist(b)), () -> doc.putNull("blacklist"));
        doc.put("qatService", s.qatService().orElse(null));
        ArrayNode datasets = doc.putArray("datasets");
        for (ZfsDataset d : s.datasets().values()) {
            ObjectNode o = datasets.addObject();
            o.put("name", d.name());
            o.put("compression", d.compression().orElse(null));
            o.put("checksum", d.checksum().orElse(null));
            o.put("encryption", d.encryption().orElse(null));
            putOrNull(o, "recordsize", d.recordsize());
            putOrNull(o, "volblocksize", d.volblocksize());
            o.put("dedup", d.dedup().orElse(null));
        }
        ArrayNode pools = doc.putArray("pools");
        for (ZfsPool p : s.pools().values()) {
            ObjectNode o = pools.addObject();
            o.put("name", p.name());
            ObjectNode zia = o.putObject("zia");
            p.zia().forEach(zia::put);
        }
        ObjectNode os = doc.putObject("os");
        os.put("prettyName", s.osRelease().flatMap(r -> r.prettyName()).orElse(null));
        os.put("truenasVersion", s.truenasVersion().orElse(null));
        ArrayNode log = doc.putArray("kernelLog");
        s.kernelLog().forEach(log::add);
        ObjectNode fw = doc.putObject("fwCounters");
        s.fwCounters().forEach(fw::put);
        doc.set("interrupts", IrqJson.interrupts(s.interrupts()));
        IrqJson.irqbalance(doc, s.interrupts());
        doc.set("pendingLayout", BootJson.pendingLayout(s.pendingLayout()));
        doc.set("lastBootCheck", BootJson.lastBootCheck(s.lastBootCheck()));
        issues(doc, s.issues());
        return doc;
    }

    /**
     * {@code "warnings": ["item: message", ...]} as scripts have always read them, and beside it the same
     * issues typed, {@code "issues": [{"item": "adf_status", "kind": "not-read", "message": "..."}]}.
     */
    public static void issues(ObjectNode doc, List<SnapshotIssue> issues) {
        ArrayNode warnings = doc.putArray("warnings");
        issues.forEach(i -> warnings.add(i.line()));
        ArrayNode typed = doc.putArray("issues");
        for (SnapshotIssue i : issues) {
            ObjectNode o = typed.addObject();
            o.put("item", i.item());
            o.put("kind", i.kind().id());
            o.put("message", i.message());
        }
    }

    /** {@code {"compress": 1, "checksum": 0, "encrypt": null}}: null where ZFS has no such parameter. */
    public static ObjectNode params(Map<ZfsParam, Integer> params) {
        ObjectNode o = JsonOut.object();
        for (ZfsParam p : ZfsParam.values()) {
            Integer v = params.get(p);
            if (v == null) {
                o.putNull(p.shortName());
            } else {
                o.put(p.shortName(), v);
            }
        }
        return o;
    }

    /**
     * Every {@code zfs_qat_*} parameter (issue 16, section 4): {@code {"parameters": [{"name":
     * "zfs_qat_compress_disable", "value": "0", "cut": false, "known": "compress", "meaning": "..."},
     * {"name": "zfs_qat_init_failure_threshold", "value": "100", "cut": false, "known": null,
     * "meaning": null}], "notListed": 0}}: values as the NAS's text (null: not readable), known
     * ones named as in {@code params}; null when not read (an older agent, ZFS not loaded).
     */
    public static com.fasterxml.jackson.databind.JsonNode qatParameters(Optional<ZfsQatParams> read) {
        if (read.isEmpty()) {
            return JsonOut.object().nullNode();
        }
        ObjectNode o = JsonOut.object();
        ArrayNode list = o.putArray("parameters");
        for (ZfsQatParams.QatParameter p : read.get().parameters()) {
            ObjectNode e = list.addObject();
            e.put("name", p.name());
            e.put("value", p.value().orElse(null));
            e.put("cut", p.cut());
            e.put("known", p.known().map(ZfsParam::shortName).orElse(null));
            e.put("meaning", p.known().map(ZfsParam::meaning).orElse(null));
        }
        o.put("notListed", read.get().notListed());
        return o;
    }

    /**
     * What keeps the parameters at 0 after a reboot: {@code {"target": "systemd"|"truenas",
     * "state": "none"|"kept"|"foreign"|"unreadable", "keptAtBoot": ["compress"], ...}}, with
     * {@code params} and {@code enabled} when kept, {@code reason} when foreign or unreadable.
     */
    public static ObjectNode persistence(PersistState state) {
        ObjectNode o = JsonOut.object();
        o.put("target", state.target().wire());
        ArrayNode atBoot = o.put("state", stateWord(state)).putArray("keptAtBoot");
        state.keptAtBoot().forEach(p -> atBoot.add(p.shortName()));
        if (state instanceof PersistState.Kept k) {
            ArrayNode params = o.putArray("params");
            k.params().forEach(p -> params.add(p.shortName()));
            o.put("enabled", k.enabled());
        } else if (state instanceof PersistState.Foreign f) {
            o.put("reason", f.reason());
        } else if (state instanceof PersistState.Unreadable u) {
            o.put("reason", u.reason());
        }
        return o;
    }

    private static String stateWord(PersistState state) {
        return state instanceof PersistState.None ? "none" : state instanceof PersistState.Kept ? "kept"
                : state instanceof PersistState.Foreign ? "foreign" : "unreadable";
    }

    /**
     * {@code params --keep-after-reboot}: {@code {"action": "create", "diff": "...", "steps": [...],
     * "done": [{"step": "unit_write", "status": "ok", "message": ""}], "ok": true}}; {@code done} and
     * {@code ok} only when the agent was asked to act.
     */
    public static ObjectNode persistChange(PersistPlan plan, Optional<PersistOutcome> outcome) {
        ObjectNode o = JsonOut.object();
        o.put("action", plan.action().name().toLowerCase(Locale.ROOT));
        o.put("diff", plan.diff());
        ArrayNode steps = o.putArray("steps");
        plan.steps().forEach(steps::add);
        o.put("caution", plan.caution().orElse(null));
        outcome.ifPresent(out -> {
            ArrayNode done = o.putArray("done");
            for (PersistOutcome.Step s : out.steps()) {
                done.addObject().put("step", s.name()).put("status", s.status().wire()).put("message", s.message());
            }
            o.put("ok", out.ok());
        });
        return o;
    }

    /** One line of {@code qatwb watch}, without the other rows' rates. */
    public static ObjectNode watchLine(String time, Optional<QatKstat> kstat,
            Optional<CounterRates> rates) {
        return watchLine(time, kstat, rates, Map.of());
    }

    /**
     * One line of {@code qatwb watch}: {@code rates} holds the counters' rates and, by their names, the
     * other kstat rows' (a fork's, {@code RowRates}), as the live charts chart them.
     */
    public static ObjectNode watchLine(String time, Optional<QatKstat> kstat,
            Optional<CounterRates> rates, Map<String, Double> rowRates) {
        ObjectNode line = JsonOut.object();
        line.put("time", time);
        if (kstat.isPresent()) {
            line.set("counters", ParseJson.counters(kstat.get().raw()));
        } else {
            line.putNull("counters");
        }
        if (rates.isPresent()) {
            ObjectNode r = line.putObject("rates");
            for (Map.Entry<QatCounter, Double> e : rates.get().perSecond().entrySet()) {
                r.put(e.getKey().kstatName(), e.getValue());
            }
            rowRates.forEach((row, v) -> {
                if (!r.has(row)) {
                    r.put(row, v);
                }
            });
        } else {
            line.putNull("rates");
        }
        return line;
    }

    static void putOrNull(ObjectNode o, String name, OptionalInt v) {
        if (v.isPresent()) {
            o.put(name, v.getAsInt());
        } else {
            o.putNull(name);
        }
    }

    private static void putOrNull(ObjectNode o, String name, OptionalLong v) {
        if (v.isPresent()) {
            o.put(name, v.getAsLong());
        } else {
            o.putNull(name);
        }
    }
}
