package org.qatwb.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.qatwb.app.workbench.StatusLine;
import org.qatwb.app.workbench.Tone;
import org.qatwb.model.bench.BenchResult;
import org.qatwb.model.bench.BenchRun;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.zfs.ZfsParam;

/**
 * How a benchmark ended, beside its chart: why it stopped early, each pass's errors, and what the
 * NAS's clean-up did (the scratch dataset destroyed, the parameters put back), as the NAS verified it.
 */
final class BenchOutcome {

    private BenchOutcome() {
    }

    static List<StatusLine> lines(BenchResult r) {
        List<StatusLine> out = new ArrayList<>();
        // the value is a word or two (a chip), the line from the NAS its detail
        r.stoppedBecause().ifPresent(why -> out.add(new StatusLine("stopped", "Stopped early", "stopped", Tone.WARN,
                Snippet.output(why) + "; " + r.runs().size() + " of 2 passes finished")));
        for (BenchRun run : r.runs()) {
            for (int i = 0; i < run.errors().size(); i++) {
                out.add(new StatusLine("error-" + run.pass().wire() + "-" + i, run.pass().label(), "error", Tone.BAD,
                        Snippet.output(run.errors().get(i))));
            }
        }
        String dataset = Snippet.output(r.plan().dataset());
        out.add(r.cleanup().datasetDestroyed()
                ? new StatusLine("cleanup-dataset", "Scratch dataset", "destroyed", Tone.GOOD, dataset + " is gone")
                : new StatusLine("cleanup-dataset", "Scratch dataset", "NOT destroyed", Tone.BAD,
                        dataset + " may still exist: the notes below say why"));
        out.add(r.cleanup().paramsRestored()
                ? new StatusLine("cleanup-params", "ZFS QAT parameters", "restored", Tone.GOOD, before(r.plan().paramsBefore()))
                : new StatusLine("cleanup-params", "ZFS QAT parameters", "NOT restored", Tone.BAD,
                        "they were " + before(r.plan().paramsBefore()) + "; the Dashboard shows them as they are now"));
        for (int i = 0; i < r.cleanup().notes().size(); i++) {
            out.add(new StatusLine("cleanup-note-" + i, "Clean-up", "note", Tone.WARN, Snippet.output(r.cleanup().notes().get(i))));
        }
        return List.copyOf(out);
    }

    /** {@code zfs_qat_compress_disable=0, ...} in the parameters' order. */
    static String before(Map<ZfsParam, Integer> params) {
        if (params.isEmpty()) {
            return "none read before";
        }
        return params.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().sysfsName() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
