package org.qatwb.app.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.qatwb.model.bench.BenchCleanup;
import org.qatwb.model.bench.BenchPlan;
import org.qatwb.model.bench.BenchResult;
import org.qatwb.model.bench.BenchRun;

/** {@code qatwb bench}'s document (README, "qatwb bench"): the plan, each pass's figures, the clean-up. */
public final class BenchJson {

    private BenchJson() {
    }

    public static ObjectNode result(BenchResult result) {
        ObjectNode doc = plan(result.plan());
        ArrayNode runs = doc.putArray("runs");
        result.runs().forEach(r -> runs.add(run(r)));
        doc.set("cleanup", cleanup(result.cleanup()));
        if (result.stoppedBecause().isPresent()) {
            doc.put("stoppedBecause", result.stoppedBecause().get());
        } else {
            doc.putNull("stoppedBecause");
        }
        return doc;
    }

    public static ObjectNode plan(BenchPlan plan) {
        ObjectNode doc = JsonOut.object();
        doc.put("simulated", plan.simulated());
        doc.put("pool", plan.pool());
        doc.put("dataset", plan.dataset());
        doc.put("tool", plan.tool().wire());
        doc.put("sizeBytes", plan.request().sizeBytes());
        doc.put("compressibility", plan.request().compressibility());
        doc.put("encrypt", plan.request().encrypt());
        doc.put("availableBytes", plan.freeBytes());
        doc.put("estimateSeconds", plan.estimate().toSeconds());
        ObjectNode before = doc.putObject("paramsBefore");
        new TreeMap<>(plan.paramsBefore()).forEach((p, v) -> before.put(p.shortName(), v));
        ArrayNode steps = doc.putArray("steps");
        plan.steps().forEach(steps::add);
        return doc;
    }

    static ObjectNode run(BenchRun r) {
        ObjectNode o = JsonOut.object();
        o.put("pass", r.pass().wire());
        figure(o, "writeMiBps", r.writeMiBps());
        figure(o, "readMiBps", r.readMiBps());
        figure(o, "writeCpuSecondsPerGiB", r.writeCpuPerGiB());
        figure(o, "readCpuSecondsPerGiB", r.readCpuPerGiB());
        ObjectNode share = o.putObject("qatShare");
        for (Map.Entry<String, Double> e : new TreeMap<>(r.qatShare()).entrySet()) {
            share.put(e.getKey(), round(e.getValue(), 4));
        }
        figure(o, "compressRatio", r.compressRatio());
        o.put("failures", r.failures());
        o.put("checksum", r.checksum().wire());
        ArrayNode errors = o.putArray("errors");
        r.errors().forEach(errors::add);
        return o;
    }

    static ObjectNode cleanup(BenchCleanup c) {
        ObjectNode o = JsonOut.object();
        o.put("datasetDestroyed", c.datasetDestroyed());
        o.put("paramsRestored", c.paramsRestored());
        ArrayNode notes = o.putArray("notes");
        c.notes().forEach(notes::add);
        return o;
    }

    /** A figure, or null when it was not measured (never 0 for "unknown"). */
    private static void figure(ObjectNode o, String name, OptionalDouble v) {
        if (v.isPresent()) {
            o.put(name, round(v.getAsDouble(), 3));
        } else {
            o.putNull(name);
        }
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
