package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.qatwb.model.snapshot.NasSnapshot;

/** Link 9, first half, {@code zfs.datasets-offloadable}: which datasets QAT can help at all, and why not the others. */
final class DatasetCheck {

    /** How many datasets a message names before "..."; the details name them all. */
    static final int NAMED = 5;

    private DatasetCheck() {
    }

    static CheckResult check(CheckContext c) {
        Check self = Check.ZFS_DATASETS_OFFLOADABLE;
        NasSnapshot s = c.snapshot();
        if (s.datasets().isEmpty()) {
            return CheckResult.skip(self, c.unreadable("zfs_get").map(w -> "the datasets could not be read: " + w)
                    .orElse("no ZFS dataset"));
        }
        List<DatasetVerdict> verdicts = s.datasets().values().stream().map(DatasetVerdict::of).toList();
        List<DatasetVerdict> yes = verdicts.stream().filter(DatasetVerdict::offloadable).toList();
        List<DatasetVerdict> no = verdicts.stream().filter(v -> !v.offloadable()).toList();
        List<String> details = verdicts.stream().map(DatasetVerdict::explain).toList();
        if (yes.isEmpty()) {
            return CheckResult.fail(self, "none of the " + verdicts.size() + " dataset(s) can use QAT: " + named(no),
                    fix(no)).withDetails(details);
        }
        return CheckResult.pass(self, yes.size() + " of " + verdicts.size() + " dataset(s) can use QAT: " + named(yes)
                + (no.isEmpty() ? "" : "; not: " + named(no))).withDetails(details);
    }

    private static String named(List<DatasetVerdict> vs) {
        String shown = vs.stream().limit(NAMED).map(DatasetVerdict::brief).collect(Collectors.joining(", "));
        return vs.size() > NAMED ? shown + ", ... (" + (vs.size() - NAMED) + " more)" : shown;
    }

    /** gzip and records of 128K on each dataset QAT cannot help: what makes its writes offloadable. */
    private static Fix fix(List<DatasetVerdict> no) {
        List<String> commands = new ArrayList<>();
        for (DatasetVerdict v : no) {
            commands.add("zfs set compression=gzip" + (v.blockTooLarge() ? " recordsize=128K" : "") + " "
                    + ShellWords.quote(v.dataset().name()));
        }
        return new Fix.CommandFix(commands, "QAT compresses gzip only, in records of 4K to 128K; this changes new writes"
                + " only (existing blocks stay as written), and without QAT gzip costs CPU; checksum=sha256 would add"
                + " checksum offload (but see kernel.requests-pending)");
    }
}
