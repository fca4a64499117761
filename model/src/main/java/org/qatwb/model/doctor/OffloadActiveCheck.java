package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qatwb.model.kstat.QatCounter;

/**
 * Link 9, second half, {@code zfs.offload-active}: only growing counters prove offload (a parameter
 * can read 0 with nothing ever offloaded: DOMAIN.md section 6), and growing failure counters mean
 * requests that QAT never answered. Checksum requests prove nothing about the datasets where none
 * uses SHA-256: they are ZFS's own labels and uberblocks.
 */
final class OffloadActiveCheck {

    /** Requests and failures per kind of work, in the order shown. */
    private enum Work {
        COMPRESSION("compression", List.of(QatCounter.COMP_REQUESTS, QatCounter.DECOMP_REQUESTS), QatCounter.DC_FAILS),
        ENCRYPTION("encryption", List.of(QatCounter.ENCRYPT_REQUESTS, QatCounter.DECRYPT_REQUESTS), QatCounter.CRYPT_FAILS),
        CHECKSUM("checksum", List.of(QatCounter.CKSUM_REQUESTS), QatCounter.CKSUM_FAILS);

        final String label;
        final List<QatCounter> requests;
        final QatCounter fails;

        Work(String label, List<QatCounter> requests, QatCounter fails) {
            this.label = label;
            this.requests = requests;
            this.fails = fails;
        }

        long requests(Observation.Counted o) {
            return requests.stream().mapToLong(o::delta).sum();
        }
    }

    private OffloadActiveCheck() {
    }

    static CheckResult check(CheckContext c) {
        Check self = Check.ZFS_OFFLOAD_ACTIVE;
        if (c.observation().isEmpty()) {
            return CheckResult.skip(self, "the counters were not observed (qatwb doctor --observe SECONDS)");
        }
        if (c.observation().get() instanceof Observation.Unusable u) {
            return CheckResult.warn(self, "the observation cannot tell: " + u.reason() + "; run the doctor again");
        }
        Observation.Counted o = (Observation.Counted) c.observation().get();
        String during = "in " + String.format(Locale.ROOT, "%.1f", o.seconds()) + " s";
        List<String> moved = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        long total = 0;
        var datasets = c.snapshot().datasets().values();
        boolean ownOnly = !datasets.isEmpty() && datasets.stream().noneMatch(DatasetVerdict::checksumsWithSha256);
        long labels = ownOnly ? Work.CHECKSUM.requests(o) : 0;
        for (Work w : Work.values()) {
            long n = w.requests(o);
            long f = o.delta(w.fails);
            if (f > 0) {
                failed.add(f + " of " + n + " " + w.label + " request(s) failed (" + w.fails.kstatName() + ")");
            }
            if (w == Work.CHECKSUM && labels > 0) {
                continue; // not the datasets' work: see labels()
            }
            total += n;
            if (n > 0) {
                moved.add(n + " " + w.label + " (" + String.format(Locale.ROOT, "%.0f", n / o.seconds()) + "/s)");
            }
        }
        if (!failed.isEmpty()) {
            return CheckResult.fail(self, String.join(", ", failed) + " " + during + ": QAT did not answer them in"
                    + " time (a polled instance, or a device that went down)", new Fix.CommandFix(List.of("adf_ctl status"),
                    "check that every device is up and that no [KERNEL_QAT] instance is polled (qat.kernel-instances)"));
        }
        if (total == 0) {
            String what = labels > 0 ? "no dataset's work moved " + during + " (" + labels(labels) + ")"
                    : "no QAT counter moved " + during;
            return CheckResult.warn(self, what + ": either no offloadable work ran, or ZFS is"
                    + " not offloading it", new Fix.CommandFix(List.of("qatwb doctor CONNECTION --observe 30"),
                    "observe again while the NAS writes or reads a dataset QAT can help (zfs.datasets-offloadable)"));
        }
        return CheckResult.pass(self, "ZFS offloads to QAT: " + String.join(", ", moved) + " request(s) " + during
                + (labels > 0 ? "; the " + labels(labels) : ""));
    }

    /**
     * Checksum requests where no dataset uses SHA-256 are ZFS's own: OpenZFS checksums vdev labels and
     * uberblocks (vdev_label.c, vdev_label_read/vdev_label_write with ZIO_CHECKSUM_LABEL) and gang
     * headers with SHA-256 whatever the datasets use (zio_checksum.c, zio_checksum_table), and
     * sha2_zfs.c hands SHA-256 of 4K to 128K to qat_checksum. Expected, and no sign of a wrong setting.
     */
    private static String labels(long n) {
        return n + " checksum request(s) are ZFS's own labels and uberblocks, which it checksums with SHA-256 whatever"
                + " the datasets use: expected, since no dataset uses sha256";
    }
}
