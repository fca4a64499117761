package org.qatwb.model.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentVerb;
import org.qatwb.model.agent.ItemFrameReader;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * Turns the items of {@code bench-run} and {@code bench-abort} (docs/agent-protocol.md "Benchmark")
 * into {@link BenchEvent}s as they arrive. Everything the NAS wrote is quoted one line at a time
 * ({@link Snippet}); records of a pass are kept until its {@code pass:PASS} item, at most
 * {@link #MAX_RECORDS} of them.
 */
public final class BenchEventReader {

    static final int MAX_RECORDS = 32;
    private static final int MAX_LINE = 300;

    private final ItemFrameReader frames;
    private final boolean encrypt;
    private final Map<BenchPass, PassRecords> records = new EnumMap<>(BenchPass.class);
    private final Map<BenchPass, Integer> recordCount = new EnumMap<>(BenchPass.class);
    private Optional<BenchCleanup> cleanup = Optional.empty();
    private boolean finished;

    public BenchEventReader(String boundary, AgentVerb verb, boolean encrypt) {
        if (verb != AgentVerb.BENCH_RUN && verb != AgentVerb.BENCH_ABORT) {
            throw new IllegalArgumentException("not a benchmark's verb: " + verb.wire());
        }
        this.frames = new ItemFrameReader(boundary, verb);
        this.encrypt = encrypt;
    }

    /** The events a chunk of output completed, in order. */
    public List<BenchEvent> feed(byte[] chunk) throws ParseException {
        List<BenchEvent> out = new ArrayList<>();
        for (AgentFrame f : frames.feed(chunk)) {
            event(f).ifPresent(out::add);
        }
        return out;
    }

    /** Whether the agent's answer is complete. */
    public boolean done() {
        return frames.done();
    }

    /** Whether the clean-up and the outcome were read. */
    public boolean finished() {
        return finished;
    }

    /** The end of the output; a ParseException when it ended early. */
    public void finish() throws ParseException {
        frames.finish();
    }

    private Optional<BenchEvent> event(AgentFrame f) throws ParseException {
        String name = f.name();
        String text = f.text();
        if (name.startsWith("rec:")) {
            String rec = name.substring(4);
            int dot = rec.indexOf('.');
            Optional<BenchPass> pass = dot > 0 ? pass(rec.substring(0, dot)) : Optional.empty();
            if (pass.isEmpty()) {
                throw new ParseException(0, "a benchmark record of no pass: " + Snippet.quote(name));
            }
            int n = recordCount.merge(pass.get(), 1, Integer::sum);
            if (n > MAX_RECORDS) {
                throw new ParseException(0, "more than " + MAX_RECORDS + " records for one pass");
            }
            if (f.readable()) {
                records.computeIfAbsent(pass.get(), PassRecords::new).put(rec.substring(dot + 1), text);
            }
            return Optional.empty();
        }
        if (name.startsWith("pass:")) {
            BenchPass pass = pass(name.substring(5))
                    .orElseThrow(() -> new ParseException(0, "no such pass: " + Snippet.quote(name)));
            PassRecords r = records.getOrDefault(pass, new PassRecords(pass));
            records.remove(pass);
            return Optional.of(new BenchEvent.PassDone(r.run(encrypt)));
        }
        switch (name) {
            case "started" -> {
                Map<String, String> kv = keyValues(text);
                return Optional.of(new BenchEvent.Started(kv.getOrDefault("id", ""), kv.getOrDefault("dataset", ""),
                        kv.getOrDefault("tool", "")));
            }
            case "step", "recovered", "launch" -> {
                return Optional.of(new BenchEvent.Step(line(text)));
            }
            case "phase" -> {
                String[] w = text.strip().split(" ");
                if (w.length != 3 || pass(w[0]).isEmpty() || !(w[1].equals("write") || w[1].equals("read"))) {
                    throw new ParseException(0, "not a phase: " + Snippet.quote(text.strip()));
                }
                double fraction;
                try {
                    fraction = Double.parseDouble(w[2]);
                } catch (NumberFormatException e) {
                    throw new ParseException(0, "not a fraction: " + Snippet.quote(w[2]));
                }
                if (!(fraction >= 0 && fraction <= 1)) {
                    fraction = -1;
                }
                return Optional.of(new BenchEvent.Phase(pass(w[0]).get(), w[1], fraction));
            }
            case "refused" -> {
                return Optional.of(new BenchEvent.Refused(line(text)));
            }
            case "cleanup" -> {
                cleanup = Optional.of(f.readable() ? cleanup(text)
                        : new BenchCleanup(false, false, List.of("the clean-up's record could not be read: " + f.problemMessage())));
                return Optional.empty();
            }
            case "outcome" -> {
                finished = true;
                String outcome = line(text);
                // bench-abort of an id the NAS never kept: nothing was started, so nothing is left
                BenchCleanup c = cleanup.orElseGet(() -> outcome.startsWith("no benchmark ")
                        ? new BenchCleanup(true, true, List.of("nothing was started on the NAS: " + outcome))
                        : new BenchCleanup(false, false, List.of(outcome)));
                if (f.status() != ItemStatus.OK) {
                    return Optional.of(new BenchEvent.Finished(c, Optional.of(outcome)));
                }
                return Optional.of(new BenchEvent.Finished(c, outcome.equals("completed") ? Optional.empty() : Optional.of(outcome)));
            }
            default -> {
                return Optional.empty(); // simulated, and items a newer agent may add
            }
        }
    }

    /** The record BD/cleanup: "dataset yes|no", "params yes|no", "before ...", then "note ..." lines. */
    static BenchCleanup cleanup(String text) {
        Map<String, String> kv = keyValues(text);
        List<String> notes = text.lines().filter(l -> l.startsWith("note ")).limit(16).map(l -> line(l.substring(5))).toList();
        return new BenchCleanup("yes".equals(kv.get("dataset")), "yes".equals(kv.get("params")), notes);
    }

    private static Map<String, String> keyValues(String text) {
        Map<String, String> kv = new java.util.HashMap<>();
        text.lines().limit(64).forEach(l -> {
            int sp = l.indexOf(' ');
            if (sp > 0) {
                kv.putIfAbsent(l.substring(0, sp), line(l.substring(sp + 1)));
            }
        });
        return kv;
    }

    private static Optional<BenchPass> pass(String wire) {
        for (BenchPass p : BenchPass.values()) {
            if (p.wire().equals(wire.toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The first line of what the NAS wrote, escaped, at most {@value #MAX_LINE} characters. */
    static String line(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        if (first.codePointCount(0, first.length()) > MAX_LINE) {
            first = first.substring(0, first.offsetByCodePoints(0, MAX_LINE)) + "...";
        }
        return Snippet.oneLine(first);
    }
}
